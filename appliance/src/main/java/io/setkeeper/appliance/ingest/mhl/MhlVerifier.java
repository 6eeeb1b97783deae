package io.setkeeper.appliance.ingest.mhl;

import io.setkeeper.appliance.ingest.hash.HashAlgorithm;
import io.setkeeper.appliance.ingest.hash.MultiHasher;
import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Checks a folder against its ASC MHL history (and nested histories), like the reference's {@code verify}:
 * every file on disk is hashed in the algorithm of its original record and compared; recorded files that are
 * gone are MISSING; files no generation records are NEW; the chain and references are checked by C4.
 * A file that cannot be read is reported and the rest is still checked.
 */
public final class MhlVerifier {
    private MhlVerifier() {
    }

    /** Verifies everything under {@code root}. Reads every recorded file once. */
    public static VerificationReport verify(Path root) throws IOException {
        return verify(root, result -> { });
    }

    /**
     * Verifies everything under {@code root}, handing each file result to {@code progress} as soon as it is known
     * (e.g. to stream it to the UI); the same results are in the returned report.
     */
    public static VerificationReport verify(Path root, Consumer<FileResult> progress) throws IOException {
        MhlHistory history = MhlHistory.read(root);
        List<IntegrityIssue> issues = new ArrayList<>(history.allIssues());
        if (history.walk().allMatch(MhlHistory::isEmpty) && issues.isEmpty()) {
            issues.add(new IntegrityIssue(IntegrityIssue.Problem.NO_HISTORY, MhlHistory.FOLDER,
                    "no ASC MHL history under " + root));
        }
        Map<String, String> recorded = recordedPaths(history, "");
        Map<String, String> recordedByNfc = new HashMap<>();
        recorded.keySet().forEach(p -> recordedByNfc.putIfAbsent(nfc(p), p));
        List<FileResult> results = new ArrayList<>();
        IgnoreSpec ignore = IgnoreSpec.withDefaults(history.latestIgnorePatterns());
        for (TreeItem item : TreeScanner.scan(root, ignore)) {
            if (!(item instanceof TreeItem.FileItem file)) {
                continue;
            }
            String key = recorded.containsKey(file.path()) ? file.path() : recordedByNfc.get(nfc(file.path()));
            FileResult result;
            if (key == null) {
                result = new FileResult(file.path(), FileStatus.NEW, null, null, null, "not in the history");
            } else {
                recorded.remove(key);
                result = check(root, file.path(), history.locate(key));
            }
            results.add(result);
            progress.accept(result);
        }
        for (String missing : recorded.keySet()) {
            FileResult result = new FileResult(missing, FileStatus.MISSING, null, null, null, "recorded but not on disk");
            results.add(result);
            progress.accept(result);
        }
        return new VerificationReport(root, results, issues);
    }

    private static FileResult check(Path root, String path, MhlHistory.Located at) {
        Optional<MhlHashEntry> original = at.history().originalHash(at.path());
        if (original.isEmpty()) {
            return new FileResult(path, FileStatus.NEW, null, null, null, "recorded without a usable hash");
        }
        HashAlgorithm algorithm = original.get().algorithm();
        String expected = original.get().value();
        String actual;
        try {
            actual = MultiHasher.hashFile(root.resolve(path), List.of(algorithm)).get(algorithm);
        } catch (IOException e) {
            return new FileResult(path, FileStatus.UNREADABLE, algorithm, expected, null,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (actual.equalsIgnoreCase(expected)) {
            return new FileResult(path, FileStatus.VERIFIED, algorithm, expected, actual, "");
        }
        return new FileResult(path, FileStatus.FAILED, algorithm, expected, actual,
                algorithm.mhlName() + " recorded " + expected + ", now " + actual);
    }

    /** Every recorded file path, relative to the top root, mapped to itself (insertion-ordered, mutable). */
    static Map<String, String> recordedPaths(MhlHistory history, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : history.filePaths()) {
            out.put(prefix + p, prefix + p);
        }
        for (MhlHistory child : history.children()) {
            out.putAll(recordedPaths(child, prefix + child.pathInParent() + "/"));
        }
        return out;
    }

    static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
