package io.setkeeper.appliance.ingest.mhl;

import io.setkeeper.appliance.ingest.hash.HashAlgorithm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference tool's verbose output ({@code log.txt} of each ASC MHL scenario), parsed into one block per
 * {@code ascmhl.py create} run: the folder it ran on and every file and directory hash it printed.
 */
record ReferenceLog(List<Run> runs) {

    /** One create run: root folder (as in the log, e.g. /travel_01/A002R2EC), hashes it printed. */
    record Run(String root, HashAlgorithm algorithm, Map<String, String> fileHashes,
               Map<String, DirectoryHasher.Result> directoryHashes) {
    }

    private static final Pattern CREATE = Pattern.compile("^\\$ ascmhl\\.py create .*?(/\\S+)\\s*(-h \\w+)?\\s*$");
    private static final Pattern CREATE_H = Pattern.compile("-h (\\w+)");
    private static final Pattern FILE = Pattern.compile("^\\s+created (?:original|new \\(verif\\.\\)) hash for\\s+(.+?)  (\\w+): (\\S+)$");
    private static final Pattern DIR = Pattern.compile("^\\s+calculated directory hash for (.+?)  (\\w+): (\\S+) \\(content\\), (\\S+) \\(structure\\)$");
    private static final Pattern ROOT = Pattern.compile("^\\s+calculated root hash  (\\w+): (\\S+) \\(content\\), (\\S+) \\(structure\\)$");

    static ReferenceLog read(Path logFile) throws IOException {
        List<Run> runs = new ArrayList<>();
        String root = null;
        HashAlgorithm algorithm = null;
        Map<String, String> files = null;
        Map<String, DirectoryHasher.Result> dirs = null;
        for (String line : Files.readAllLines(logFile)) {
            Matcher m;
            if ((m = CREATE.matcher(line)).matches()) {
                root = m.group(1);
                Matcher h = CREATE_H.matcher(line);
                algorithm = HashAlgorithm.fromMhlName(h.find() ? h.group(1) : "xxh64").orElseThrow();
                files = new LinkedHashMap<>();
                dirs = new LinkedHashMap<>();
            } else if (root != null && (m = FILE.matcher(line)).matches()) {
                if (m.group(2).equals(algorithm.mhlName())) {
                    files.put(m.group(1), m.group(3));
                }
            } else if (root != null && (m = DIR.matcher(line)).matches()) {
                dirs.put(m.group(1), new DirectoryHasher.Result(m.group(3), m.group(4)));
            } else if (root != null && (m = ROOT.matcher(line)).matches()) {
                dirs.put("", new DirectoryHasher.Result(m.group(2), m.group(3)));
            } else if (root != null && line.startsWith("Created new generation") && !dirs.isEmpty()) {
                runs.add(new Run(root, algorithm, files, dirs));
                dirs = new LinkedHashMap<>();
            }
        }
        return new ReferenceLog(runs);
    }
}
