package io.setkeeper.ui.viewmodel;

import io.setkeeper.ui.client.FlagInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One flag in the inbox, every column as text. Pure; {@link #upsert} keeps the inbox as events arrive. */
public record FlagRow(String id, String kind, String scene, String clips, String state, String summary,
                      FlagInfo flag) {
    public static FlagRow of(FlagInfo f) {
        return new FlagRow(f.id(), Badges.words(f.kind()), f.scene().orElse("") + f.setup().filter(s -> !s.equals(
                f.scene().orElse(""))).map(s -> " / " + s).orElse(""), String.join(", ", f.clips()),
                state(f.state()), f.summary(), f);
    }

    /** "open", "approved (a real problem)", "rejected (not a problem)", "accepted as intent". */
    static String state(String state) {
        return switch (state) {
            case "OPEN" -> "open";
            case "APPROVE" -> "approved: a real problem";
            case "REJECT" -> "rejected: not a problem";
            case "ACCEPT_AS_INTENT" -> "accepted as intent";
            default -> state.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    /** True while nobody decided it. */
    public boolean open() {
        return flag.state().equals("OPEN");
    }

    /** The inbox after a flag arrived: the flag with the same id replaced in place, a new one first. */
    public static List<FlagRow> upsert(List<FlagRow> inbox, FlagInfo f) {
        List<FlagRow> out = new ArrayList<>(inbox);
        FlagRow row = of(f);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).id().equals(f.id())) {
                out.set(i, row);
                return out;
            }
        }
        out.addFirst(row);
        return out;
    }
}
