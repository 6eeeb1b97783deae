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
 * A raised flag as stored: its content-derived id, its kind (a continuity {@link Finding.Kind} or a coverage
 * {@link CoverageFlagging#KINDS kind}), scene, setup, clips, subject, numbers, region, the evidence file names
 * (under the flag's evidence folder), when it was first raised and last found again, and when it stopped holding
 * ({@code resolvedAt}, with the {@code resolution} in words; both null while it holds).
 */
public record Flag(String id, String production, String kind, String scene, String setup, List<Long> clipIds,
                   List<String> clips, String subject, String summary, Map<String, Double> numbers, double[] region,
                   List<String> evidence, Instant raisedAt, Instant seenAt, Instant resolvedAt, String resolution) {
    public Flag {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        clipIds = List.copyOf(clipIds);
        clips = List.copyOf(clips);
        numbers = Map.copyOf(numbers);
        evidence = List.copyOf(evidence);
        subject = subject == null ? "" : subject;
    }

    public static Flag of(String production, Finding f, List<String> evidence, Instant now) {
        return new Flag(idOf(f), production, f.kind().name(), f.scene(), f.setup(), f.clipIds(), f.clips(),
                f.subject(), f.summary(), f.numbers(), f.region(), evidence, now, now, null, null);
    }

    /** Whether the flag no longer holds (a usable take arrived, the check no longer finds it). */
    public boolean resolved() {
        return resolvedAt != null;
    }

    /** Whether this is a coverage flag (else a continuity flag). */
    public boolean coverage() {
        return CoverageFlagging.KINDS.contains(kind);
    }

    /**
     * The id: the first 16 hex digits of SHA-256 over kind, scene, the clip names (sorted) and the subject, so the
     * same problem found again (analysis or model re-run) is the same flag.
     */
    public static String idOf(Finding f) {
        return idOf(f.kind().name(), f.scene(), f.clips(), f.subject());
    }

    static String idOf(String kind, String scene, List<String> clips, String subject) {
        String content = kind + "|" + scene + "|" + String.join(",", clips.stream().sorted().toList()) + "|" + subject;
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
