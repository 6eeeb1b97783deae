package io.setkeeper.appliance.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.plan.FountainParser;
import io.setkeeper.appliance.plan.PlannedSetup;
import io.setkeeper.appliance.plan.Screenplay;
import io.setkeeper.appliance.plan.ShotList;
import io.setkeeper.appliance.plan.ShotListReader;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The slate-only view of {@code the-signing-room}: screenplay and shot list against the script supervisor's log
 * (circled or not), before any QC or face analysis has run (so no take is QC-clean and nobody has been seen).
 */
class ProductionCoverageDataTest {

    @Test
    void slateOnlyCoverageOfTheSigningRoom() throws IOException {
        Screenplay script = FountainParser.parse(TestData.file("production/the-signing-room.fountain"));
        ShotList plan = ShotListReader.read(TestData.file("production/shotlist.csv"));
        List<ShotTake> takes = new ArrayList<>();
        List<String> log = Files.readAllLines(TestData.file("production/script-supervisor-log.csv"));
        for (String line : log.subList(1, log.size())) {
            String[] f = line.split(",", -1); // file,scene,setup,take,circled,camera,notes (no quoted fields)
            takes.add(new ShotTake(f[1], f[2], Integer.parseInt(f[3]), f[4].equals("Y"), false, List.of()));
        }
        List<SceneCoverage> coverage = Coverage.evaluate(script.scenes(), plan.setups(), takes);

        Map<String, String> summary = new LinkedHashMap<>();
        for (SceneCoverage s : coverage) {
            summary.put(s.scene(), "covered " + ids(s.covered()) + " missing " + ids(s.missing())
                    + " no single " + s.speakersWithoutSingle() + " unplanned " + s.unplanned());
        }
        assertEquals(Map.of(
                "1", "covered [1A] missing [] no single [] unplanned []",
                "2", "covered [2A] missing [] no single [] unplanned []",
                "3", "covered [3A, 3B] missing [3C, 3D] no single [JANA] unplanned []",
                "4", "covered [4A] missing [] no single [] unplanned []",
                "5", "covered [5B, 5C, 5D, 5E, 5F] missing [5A, 5G] no single [DANI, TOMAS, JANA, PAVEL, ORIN]"
                        + " unplanned []"), summary);
        assertEquals(List.of("1", "2", "3", "4", "5"), List.copyOf(summary.keySet()));
        SceneCoverage five = coverage.get(4);
        assertEquals(List.of(1, 3), five.setups().get(1).usableTakes(), "5B takes 1 and 3 are circled");
    }

    private static List<String> ids(List<PlannedSetup> setups) {
        return setups.stream().map(PlannedSetup::setup).toList();
    }
}
