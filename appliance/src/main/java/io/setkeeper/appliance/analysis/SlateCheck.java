package io.setkeeper.appliance.analysis;

import io.setkeeper.appliance.analysis.perception.slate.SlateText;
import io.setkeeper.appliance.clips.Slate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Compares the slate read in the picture with the logged slate (ALE, script supervisor's log, sound report), pure.
 * A field is compared only when both sides have it. The read scene matches the logged setup ({@code 5C}) or the
 * logged scene ({@code 5}); takes compare as numbers; rolls case-insensitively. Reads under
 * {@link SlateRead#COMPARE_CONFIDENCE} are never compared.
 */
public final class SlateCheck {
    /** One field that disagrees. */
    public record Difference(String field, String read, String logged) {
        @Override
        public String toString() {
            return field + " reads " + read + ", logged " + logged;
        }
    }

    private SlateCheck() {
    }

    public static List<Difference> compare(SlateText read, Slate logged, Optional<String> clipRoll) {
        List<Difference> out = new ArrayList<>();
        if (read.confidence() < SlateRead.COMPARE_CONFIDENCE) {
            return out;
        }
        read.scene().ifPresent(s -> {
            Optional<String> setup = logged.setup().map(SlateCheck::norm);
            Optional<String> scene = logged.scene().map(SlateCheck::norm);
            if ((setup.isPresent() || scene.isPresent()) && !setup.equals(Optional.of(norm(s)))
                    && !scene.equals(Optional.of(norm(s)))) {
                out.add(new Difference("scene", s, logged.setup().or(logged::scene).orElseThrow()));
            }
        });
        read.take().ifPresent(t -> logged.take().ifPresent(l -> {
            if (!norm(t).equals(norm(l))) {
                out.add(new Difference("take", t, l));
            }
        }));
        read.roll().ifPresent(r -> logged.camroll().or(() -> clipRoll).ifPresent(l -> {
            if (!norm(r).equals(norm(l))) {
                out.add(new Difference("roll", r, l));
            }
        }));
        return out;
    }

    /** Upper case, no spaces, leading zeros of a number dropped ("03" = "3", "005C" = "5C"). */
    static String norm(String v) {
        String s = v.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
        return s.replaceFirst("^0+(?=\\d)", "");
    }
}
