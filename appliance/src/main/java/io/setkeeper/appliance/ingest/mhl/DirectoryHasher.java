package io.setkeeper.appliance.ingest.mhl;

import io.setkeeper.appliance.ingest.hash.HashAlgorithm;
import io.setkeeper.appliance.ingest.hash.Hasher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Directory content and structure hashes exactly as the ASC MHL reference implementation computes them
 * (a pure function of the tree and the file hashes):
 * <ul>
 *   <li>content hash of a directory = hash over the concatenated raw bytes of its children's content hashes
 *       (files: the file hash; sub-directories: their content hash), taken in lexicographic order of the
 *       hash strings;</li>
 *   <li>structure hash = the same over one hash per child of (UTF-8 name bytes + raw bytes of the child's file
 *       hash, or of the sub-directory's structure hash);</li>
 *   <li>an empty directory gets the hash of zero bytes.</li>
 * </ul>
 */
public final class DirectoryHasher {
    private DirectoryHasher() {
    }

    /** A directory's two hashes. */
    public record Result(String content, String structure) {
    }

    /**
     * Hashes every directory of a post-ordered tree (as {@link TreeScanner} lists it).
     *
     * @param fileHash the file hash for a file item's path in {@code algorithm}; must not return null
     * @return per directory path ("" = root), in tree order
     */
    public static Map<String, Result> hash(HashAlgorithm algorithm, List<TreeItem> postOrder,
                                           Function<String, String> fileHash) {
        Map<String, List<String>> contents = new HashMap<>();
        Map<String, List<String>> structures = new HashMap<>();
        Map<String, Result> out = new LinkedHashMap<>();
        for (TreeItem item : postOrder) {
            String childContent;
            String childStructureInput;
            if (item instanceof TreeItem.DirectoryItem dir) {
                Result r = new Result(ofList(algorithm, contents.remove(dir.path())),
                        ofList(algorithm, structures.remove(dir.path())));
                out.put(dir.path(), r);
                childContent = r.content();
                childStructureInput = r.structure();
            } else {
                String h = fileHash.apply(item.path());
                if (h == null) {
                    throw new IllegalArgumentException("no " + algorithm.mhlName() + " hash for " + item.path());
                }
                childContent = h;
                childStructureInput = h;
            }
            String parent = item.parent();
            if (parent != null) {
                contents.computeIfAbsent(parent, k -> new ArrayList<>()).add(childContent);
                structures.computeIfAbsent(parent, k -> new ArrayList<>())
                        .add(nameHash(algorithm, item.name(), childStructureInput));
            }
        }
        return out;
    }

    /** hash(UTF-8 name + raw bytes of a child hash): one child's contribution to its parent's structure hash. */
    static String nameHash(HashAlgorithm algorithm, String name, String childHash) {
        Hasher hasher = algorithm.newHasher();
        hasher.update(name.getBytes(StandardCharsets.UTF_8));
        hasher.update(algorithm.digestBytes(childHash));
        return hasher.digest();
    }

    /** The hash of a list of hash strings: raw bytes concatenated in sorted string order. */
    static String ofList(HashAlgorithm algorithm, List<String> hashes) {
        Hasher hasher = algorithm.newHasher();
        if (hashes != null) {
            hashes.stream().sorted().forEach(h -> hasher.update(algorithm.digestBytes(h)));
        }
        return hasher.digest();
    }
}
