package io.setkeeper.appliance.ingest.mhl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.ingest.hash.HashAlgorithm;
import io.setkeeper.appliance.ingest.hash.MultiHasher;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Our file and directory hashes against the reference tool's own output ({@code log.txt}) for every
 * {@code create} run of the five ASC MHL scenarios: the same trees must give the same content and structure
 * hashes, in xxh64 and md5.
 */
class DirectoryHashesDataTest {

    static Path scenarios() {
        return TestData.file("interchange/ascmhl/examples/scenarios/Output");
    }

    @Test
    void everyReferenceRunIsReproduced() throws Exception {
        int runs = 0;
        int dirs = 0;
        for (int s = 1; s <= 5; s++) {
            Path scenario = scenarios().resolve("scenario_0" + s);
            for (ReferenceLog.Run run : ReferenceLog.read(scenario.resolve("log.txt")).runs()) {
                Path root = scenario.resolve(run.root().substring(1));
                List<TreeItem> tree = TreeScanner.scan(root, IgnoreSpec.withDefaults(List.of()));
                Map<String, String> hashes = new HashMap<>();
                for (TreeItem item : tree) {
                    if (item instanceof TreeItem.FileItem f) {
                        hashes.put(f.path(), MultiHasher.hashFile(root.resolve(f.path()), List.of(run.algorithm()))
                                .get(run.algorithm()));
                    }
                }
                run.fileHashes().forEach((path, expected) ->
                        assertEquals(expected, hashes.get(path), run.root() + " file " + path));
                Map<String, DirectoryHasher.Result> ours = DirectoryHasher.hash(run.algorithm(), tree, hashes::get);
                for (var e : run.directoryHashes().entrySet()) {
                    assertEquals(e.getValue(), ours.get(e.getKey()), "scenario " + s + " " + run.root() + " dir '" + e.getKey() + "'");
                    dirs++;
                }
                runs++;
            }
        }
        assertEquals(10, runs, "create runs in the five logs");
        assertEquals(23, dirs, "directory hashes compared");
    }
}
