package io.setkeeper.appliance.analysis.perception;

import io.setkeeper.appliance.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ground truth for the asl takes from the production's own paperwork: the camera roll ALE gives each clip's
 * setup, the shot list gives each setup's subject (5B DANI ... 5F ORIN).
 */
final class Production {
    private Production() {
    }

    /** Clip file name (e.g. please.mkv) to the performer the shot list names for its setup. */
    static Map<String, String> performerByClip() throws IOException {
        Map<String, String> subjectBySetup = new HashMap<>();
        List<String> shots = Files.readAllLines(TestData.file("production/shotlist.csv"));
        for (String line : shots.subList(1, shots.size())) {
            String[] f = line.split(",", -1);
            subjectBySetup.put(f[1], f[3]);
        }
        Map<String, String> out = new LinkedHashMap<>();
        List<String> ale = Files.readAllLines(TestData.file("production/A001.ale"));
        int header = ale.indexOf("Column") + 1;
        List<String> columns = List.of(ale.get(header).split("\t"));
        int scene = columns.indexOf("Scene");
        int source = columns.indexOf("Source File");
        for (String line : ale.subList(ale.indexOf("Data") + 1, ale.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            out.put(f[source], subjectBySetup.get(f[scene]));
        }
        return out;
    }
}
