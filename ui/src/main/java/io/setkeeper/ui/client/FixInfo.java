package io.setkeeper.ui.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A proposed fix as {@code GET /api/fixes} lists it: kind ({@code cdl}, {@code plate}, {@code patch},
 * {@code reframe}), the clip it targets, the machine's verdict and reason, its status ({@code PROPOSED} or the
 * decision) and, once decided, who decided and why. {@code numbers} are the fix's own values in reading order
 * (the CDL's slope / offset / power / saturation, a patch's frames and box, a reframe's aspect); {@code evidence}
 * its still references.
 */
public record FixInfo(String id, String kind, String clip, Optional<String> scene, Optional<String> take,
                      Optional<String> verdict, Optional<String> verdictReason, String status,
                      Optional<String> reference, Optional<String> modelVersion, String proposedBy,
                      Map<String, String> numbers, List<String> evidence, Optional<AuditRecord> decision) {
    public boolean decided() {
        return !"PROPOSED".equals(status);
    }
}
