package io.setkeeper.ui.viewmodel;

import io.setkeeper.ui.client.FixInfo;
import java.util.Locale;

/** One line of the fixes list, every column as text. Pure. */
public record FixRow(String id, String kind, String clip, String shot, String verdict, String status,
                     String reason, FixInfo fix) {
    public static FixRow of(FixInfo f) {
        String shot = f.scene().map(s -> "scene " + s).orElse("") + f.take().map(t -> ", take " + t).orElse("");
        String verdict = f.verdict().map(v -> switch (v) {
            case "FIXABLE_IN_POST" -> "fixable in post";
            case "RESHOOT_ADVISED" -> "reshoot advised";
            default -> v.toLowerCase(Locale.ROOT).replace('_', ' ');
        }).orElse("");
        return new FixRow(f.id(), kindWords(f.kind()), f.clip(), shot, verdict, status(f.status()),
                f.decision().map(d -> d.reason() + " (" + d.decidedBy() + ", " + Decider.role(d.role()) + ")")
                        .or(f::verdictReason).orElse(""), f);
    }

    /** {@code cdl} → "CDL", {@code plate} → "clean plate", {@code patch} → "patch", {@code reframe} → "reframe". */
    public static String kindWords(String kind) {
        return switch (kind) {
            case "cdl" -> "CDL";
            case "plate" -> "clean plate";
            default -> kind;
        };
    }

    /** {@code PROPOSED} → "waiting for a decision", {@code APPROVE} → "approved", … */
    public static String status(String s) {
        return switch (s) {
            case "PROPOSED" -> "waiting";
            case "APPROVE" -> "approved";
            case "REJECT" -> "rejected";
            case "ACCEPT_AS_INTENT" -> "accepted as intent";
            default -> s.toLowerCase(Locale.ROOT);
        };
    }
}
