package io.setkeeper.appliance.flags;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The live stream of flag events (raised, decided) that {@code GET /api/flags/events} forwards as SSE. */
public final class FlagEvents {
    /** One event: {@code raised} or {@code decided}, the flag and its state after the event. */
    public record Event(String type, Flag flag, String state) {
    }

    private final List<Consumer<Event>> followers = new CopyOnWriteArrayList<>();

    /** Follows events until the returned handle is closed. */
    public AutoCloseable follow(Consumer<Event> follower) {
        followers.add(follower);
        return () -> followers.remove(follower);
    }

    void emit(Event e) {
        for (Consumer<Event> f : followers) {
            f.accept(e);
        }
    }
}
