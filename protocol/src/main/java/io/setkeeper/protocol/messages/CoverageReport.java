package io.setkeeper.protocol.messages;

import java.util.List;

/**
 * The coverage of one scene: how many planned setups are covered by a usable take, and which are missing.
 */
public record CoverageReport(String scene, int plannedSetups, int coveredSetups, List<String> missing,
                             List<String> flagged) implements Message {
    public CoverageReport {
        Require.text(scene, "scene");
        if (plannedSetups < 0 || coveredSetups < 0 || coveredSetups > plannedSetups) {
            throw new IllegalArgumentException("covered " + coveredSetups + " of planned " + plannedSetups
                    + " setups is impossible");
        }
        missing = List.copyOf(missing);
        flagged = List.copyOf(flagged);
    }

    @Override
    public String schema() {
        return Schemas.COVERAGE_REPORT;
    }
}
