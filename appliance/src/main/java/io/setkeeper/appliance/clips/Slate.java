package io.setkeeper.appliance.clips;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A clip's slate as merged from every matching sidecar line: each field takes the first source that states it
 * (camera ALE, then script supervisor log, then sound), and every disagreement between sources is kept, in words.
 */
public record Slate(Optional<String> scene, Optional<String> setup, Optional<String> take, Optional<Boolean> circled,
                    Optional<String> camroll, List<SlateEntry> sources, List<String> disagreements) {
    public static final Slate NONE = new Slate(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), List.of(), List.of());

    /** Merges the entries that match one clip. Pure. */
    public static Slate merge(List<SlateEntry> entries) {
        if (entries.isEmpty()) {
            return NONE;
        }
        List<SlateEntry> ordered = entries.stream()
                .sorted(java.util.Comparator.comparing(SlateEntry::source)).toList();
        List<String> disagreements = new ArrayList<>();
        Optional<String> setup = pick(ordered, Slate::setupOf, "setup", disagreements);
        Optional<String> scene = pick(ordered, Slate::sceneOf, "scene", disagreements);
        Optional<String> take = pick(ordered, SlateEntry::take, "take", disagreements);
        Optional<Boolean> circled = pick(ordered, SlateEntry::circled, "circled", disagreements);
        Optional<String> camroll = pick(ordered, SlateEntry::camroll, "camera roll", disagreements);
        return new Slate(scene, setup, take, circled, camroll, ordered, List.copyOf(disagreements));
    }

    /** An ALE's Scene column often holds the setup ("5B"); the scene is then its leading number. */
    static Optional<String> setupOf(SlateEntry e) {
        return e.setup().or(() -> e.source() == SlateEntry.Source.ALE ? e.scene().filter(s -> s.matches("\\d+[A-Z]+"))
                : Optional.empty());
    }

    static Optional<String> sceneOf(SlateEntry e) {
        return e.scene().map(s -> s.matches("\\d+[A-Z]+") ? s.replaceAll("[A-Z]+$", "") : s);
    }

    private static <T> Optional<T> pick(List<SlateEntry> ordered, Function<SlateEntry, Optional<T>> field, String name,
                                        List<String> disagreements) {
        Optional<T> chosen = Optional.empty();
        SlateEntry from = null;
        for (SlateEntry e : ordered) {
            Optional<T> v = field.apply(e);
            if (v.isEmpty()) {
                continue;
            }
            if (chosen.isEmpty()) {
                chosen = v;
                from = e;
            } else if (!normal(chosen.get()).equals(normal(v.get()))) {
                disagreements.add(name + ": " + describe(from) + " says " + chosen.get() + ", " + describe(e)
                        + " says " + v.get());
            }
        }
        return chosen;
    }

    private static String normal(Object o) {
        return o.toString().strip().toUpperCase(java.util.Locale.ROOT).replaceFirst("^0+(?=\\d)", "");
    }

    private static String describe(SlateEntry e) {
        String file = e.sourceFile().substring(e.sourceFile().lastIndexOf('/') + 1);
        return file + " line " + e.line();
    }
}
