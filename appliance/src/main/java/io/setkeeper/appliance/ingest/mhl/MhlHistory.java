package io.setkeeper.appliance.ingest.mhl;

import io.setkeeper.appliance.ingest.hash.HashAlgorithm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The ASC MHL history of one folder: its generations in chain order, the histories nested below it (e.g. one
 * per camera card under {@code Reels/}), and any integrity issues found while reading. Immutable; read it with
 * {@link #read(Path)}, which never throws for bad content (problems become {@link #issues()}).
 */
public final class MhlHistory {
    /** The history folder's name inside a root. */
    public static final String FOLDER = "ascmhl";

    private final Path root;
    private final String pathInParent;
    private final List<MhlGeneration> generations;
    private final List<MhlHistory> children;
    private final List<IntegrityIssue> issues;
    private final Map<String, List<MhlHashEntry>> hashesByPath = new LinkedHashMap<>();

    MhlHistory(Path root, String pathInParent, List<MhlGeneration> generations, List<MhlHistory> children,
               List<IntegrityIssue> issues) {
        this.root = root;
        this.pathInParent = pathInParent;
        this.generations = List.copyOf(generations);
        this.children = List.copyOf(children);
        this.issues = List.copyOf(issues);
        for (MhlGeneration g : this.generations) {
            for (MhlEntry.FileEntry f : g.manifest().files()) {
                hashesByPath.computeIfAbsent(f.path(), k -> new ArrayList<>()).addAll(f.hashes());
            }
        }
    }

    /**
     * Reads the history at {@code root} (its {@code ascmhl/} folder) and every nested history below it,
     * checking each manifest against the C4 id in the chain and each reference against the referenced manifest.
     *
     * @throws java.io.UncheckedIOException only when the root itself cannot be listed
     */
    public static MhlHistory read(Path root) {
        return HistoryReader.read(root, "");
    }

    /** The folder this history describes. */
    public Path root() {
        return root;
    }

    /** This history's root relative to its parent history's root ("" for the top one). */
    public String pathInParent() {
        return pathInParent;
    }

    /** The generations in chain order (those whose manifest could be read). */
    public List<MhlGeneration> generations() {
        return generations;
    }

    /** The histories directly nested below this one. */
    public List<MhlHistory> children() {
        return children;
    }

    /** Integrity issues of this history only (paths relative to this root); see {@link #allIssues()}. */
    public List<IntegrityIssue> issues() {
        return issues;
    }

    /** Whether no generation was found here. */
    public boolean isEmpty() {
        return generations.isEmpty();
    }

    /** This history and all nested ones, depth-first, parents first. */
    public Stream<MhlHistory> walk() {
        return Stream.concat(Stream.of(this), children.stream().flatMap(MhlHistory::walk));
    }

    /** Integrity issues of this history and all nested ones, with paths relative to this root. */
    public List<IntegrityIssue> allIssues() {
        List<IntegrityIssue> out = new ArrayList<>(issues);
        for (MhlHistory child : children) {
            for (IntegrityIssue i : child.allIssues()) {
                out.add(new IntegrityIssue(i.problem(), child.pathInParent + "/" + i.path(), i.detail()));
            }
        }
        return out;
    }

    /** The file paths (relative to this root) recorded by any generation of this history, in first-seen order. */
    public List<String> filePaths() {
        return List.copyOf(hashesByPath.keySet());
    }

    /** Every hash recorded for a file of this history, in generation order. */
    public List<MhlHashEntry> hashesFor(String path) {
        return hashesByPath.getOrDefault(path, List.of());
    }

    /** The first hash ever recorded with action original for a file (the one verification compares with). */
    public Optional<MhlHashEntry> originalHash(String path) {
        List<MhlHashEntry> all = hashesFor(path);
        return all.stream().filter(h -> h.action() == MhlHashAction.ORIGINAL).findFirst()
                .or(() -> all.stream().filter(h -> h.action() != MhlHashAction.FAILED).findFirst());
    }

    /** The first hash ever recorded for a file in one algorithm (what a new generation verifies against). */
    public Optional<MhlHashEntry> firstHash(String path, HashAlgorithm algorithm) {
        return hashesFor(path).stream().filter(h -> h.algorithm() == algorithm).findFirst();
    }

    /**
     * The algorithms this history has recorded for a file: a new generation must compute these while copying to
     * verify the file (path relative to this root; nested histories are searched).
     */
    public List<HashAlgorithm> recordedAlgorithms(String path) {
        Located at = locate(path);
        return at.history().hashesFor(at.path()).stream().map(MhlHashEntry::algorithm).distinct().sorted().toList();
    }

    /** The ignore patterns of the latest generation (empty when there is none). */
    public List<String> latestIgnorePatterns() {
        return generations.isEmpty() ? List.of() : generations.getLast().manifest().ignorePatterns();
    }

    /** The sequence number the next generation gets. */
    public int nextSequence() {
        return generations.stream().mapToInt(g -> g.chainEntry().sequence()).max().orElse(0) + 1;
    }

    /** A path resolved to the deepest history whose root contains it, and the path relative to that root. */
    public record Located(MhlHistory history, String path) {
    }

    /** Resolves a path (relative to this root) to the innermost nested history containing it. */
    public Located locate(String path) {
        for (MhlHistory child : children) {
            String prefix = child.pathInParent + "/";
            if (path.startsWith(prefix)) {
                return child.locate(path.substring(prefix.length()));
            }
        }
        return new Located(this, path);
    }

    @Override
    public String toString() {
        return "MhlHistory[" + root + ", " + generations.size() + " generations, " + children.size() + " nested]";
    }
}
