package io.setkeeper.appliance.flags;

import io.setkeeper.appliance.continuity.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A raised continuity flag as stored: its content-derived id, the finding (kind, scene, setup, clips, subject,
 * numbers, region), the evidence file names (under the flag's evidence folder) and when it was first raised and
 * last found again.
 */
public record Flag(String id, String production, Finding.Kind kind, String scene, String setup, List<Long> clipIds,
                   List<String> clips, String subject, String summary, Map<String, Double> numbers, double[] region,
                   List<String> evidence, Instant raisedAt, Instant seenAt) {
    public Flag {
        Objects.requireNonNull(id, "id");
        clipIds = List.copyOf(clipIds);
        clips = List.copyOf(clips);
        numbers = Map.copyOf(numbers);
        evidence = List.copyOf(evidence);
    }

    public static Flag of(String production, Finding f, List<String> evidence, Instant now) {
        return new Flag(idOf(f), production, f.kind(), f.scene(), f.setup(), f.clipIds(), f.clips(), f.subject(),
                f.summary(), f.numbers(), f.region(), evidence, now, now);
    }

    /**
     * The id: the first 16 hex digits of SHA-256 over kind, scene, the clip names (sorted) and the subject, so the
     * same problem found again (analysis or model re-run) is the same flag.
     */
    public static String idOf(Finding f) {
        String content = f.kind() + "|" + f.scene() + "|" + String.join(",", f.clips().stream().sorted().toList())
                + "|" + f.subject();
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
