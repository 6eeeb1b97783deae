package io.setkeeper.appliance.ingest.mhl;

import io.setkeeper.appliance.ingest.hash.HashAlgorithm;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides the content of a new generation (pure: no I/O): which history (top or nested) each file and directory
 * belongs to, each hash's action against the history, and the directory and root hashes.
 */
final class GenerationPlanner {
    private GenerationPlanner() {
    }

    /** The new generation of one history; {@code prefix} is its root relative to the top root ("" for the top). */
    record Plan(String prefix, MhlHistory history, List<MhlEntry> entries, List<MhlDirectoryHash> rootHashes) {
    }

    record Outcome(List<Plan> plans, List<FileResult> files) {
    }

    /**
     * @param tree   the post-ordered tree to record (files that could not be hashed already removed)
     * @param hashes per file path: every algorithm to record, including {@code dirAlgorithm} and every algorithm
     *               the history recorded for that file
     * @param now    the generation's creation time (hash dates), in the zone dates are written in
     */
    static Outcome plan(MhlHistory top, List<TreeItem> tree, Map<String, Map<HashAlgorithm, String>> hashes,
                        HashAlgorithm dirAlgorithm, OffsetDateTime now) {
        ZoneId zone = now.getOffset();
        Map<String, MhlHistory> roots = new LinkedHashMap<>();
        collectRoots(top, "", roots);
        Map<String, List<MhlEntry>> entries = new LinkedHashMap<>();
        Map<String, List<MhlDirectoryHash>> rootHashes = new LinkedHashMap<>();
        roots.keySet().forEach(p -> entries.put(p, new ArrayList<>()));
        Map<String, DirectoryHasher.Result> dirs = DirectoryHasher.hash(dirAlgorithm, tree,
                p -> hashes.get(p).get(dirAlgorithm));
        List<FileResult> results = new ArrayList<>();
        for (TreeItem item : tree) {
            String owner = owner(roots, item.path());
            String rel = owner.isEmpty() ? item.path()
                    : item.path().equals(owner) ? "" : item.path().substring(owner.length() + 1);
            switch (item) {
                case TreeItem.FileItem f -> {
                    MhlHistory history = roots.get(owner);
                    List<MhlHashEntry> recorded = new ArrayList<>();
                    FileResult result = actions(f.path(), rel, history, hashes.get(f.path()), now, recorded);
                    results.add(result);
                    entries.get(owner).add(new MhlEntry.FileEntry(rel, f.size(), date(f.lastModified(), zone), recorded));
                }
                case TreeItem.DirectoryItem d -> {
                    DirectoryHasher.Result r = dirs.get(d.path());
                    MhlDirectoryHash h = new MhlDirectoryHash(dirAlgorithm, r.content(), r.structure(), now);
                    if (roots.containsKey(d.path())) {
                        rootHashes.put(d.path(), List.of(h));
                        if (!d.path().isEmpty()) {
                            String parent = owner(roots, d.path().substring(0, Math.max(0, d.path().lastIndexOf('/'))));
                            String inParent = parent.isEmpty() ? d.path() : d.path().substring(parent.length() + 1);
                            entries.get(parent).add(new MhlEntry.DirectoryEntry(inParent, date(d.lastModified(), zone), List.of(h)));
                        }
                    } else {
                        entries.get(owner).add(new MhlEntry.DirectoryEntry(rel, date(d.lastModified(), zone), List.of(h)));
                    }
                }
            }
        }
        List<Plan> plans = new ArrayList<>();
        roots.forEach((prefix, history) -> plans.add(new Plan(prefix, history, entries.get(prefix),
                rootHashes.getOrDefault(prefix, List.of()))));
        plans.sort(Comparator.comparingInt((Plan p) -> depth(p.prefix())).reversed());
        return new Outcome(plans, results);
    }

    /** The reference's rule: no earlier record makes every hash original; otherwise compare per algorithm. */
    private static FileResult actions(String path, String rel, MhlHistory history, Map<HashAlgorithm, String> hashes,
                                      OffsetDateTime now, List<MhlHashEntry> out) {
        boolean known = history.originalHash(rel).isPresent();
        FileResult failure = null;
        FileResult verified = null;
        List<HashAlgorithm> fresh = new ArrayList<>();
        for (var e : hashes.entrySet()) {
            if (!known) {
                out.add(new MhlHashEntry(e.getKey(), e.getValue(), MhlHashAction.ORIGINAL, now));
                continue;
            }
            var first = history.firstHash(rel, e.getKey());
            if (first.isEmpty()) {
                fresh.add(e.getKey());
            } else if (first.get().value().equalsIgnoreCase(e.getValue())) {
                out.add(new MhlHashEntry(e.getKey(), e.getValue(), MhlHashAction.VERIFIED, now));
                verified = new FileResult(path, FileStatus.VERIFIED, e.getKey(), first.get().value(), e.getValue(), "");
            } else {
                out.add(new MhlHashEntry(e.getKey(), e.getValue(), MhlHashAction.FAILED, now));
                failure = new FileResult(path, FileStatus.FAILED, e.getKey(), first.get().value(), e.getValue(),
                        e.getKey().mhlName() + " recorded " + first.get().value() + ", now " + e.getValue());
            }
        }
        // a hash in an algorithm the history lacks is as trustworthy as the comparisons made alongside it
        MhlHashAction freshAction = failure == null ? MhlHashAction.VERIFIED : MhlHashAction.FAILED;
        for (HashAlgorithm a : fresh) {
            out.add(new MhlHashEntry(a, hashes.get(a), freshAction, now));
        }
        if (failure != null) {
            return failure;
        }
        if (verified != null) {
            return verified;
        }
        if (known) {
            return new FileResult(path, FileStatus.FAILED, null, null, null,
                    "recorded before, but in none of the algorithms supplied now: nothing was compared");
        }
        return new FileResult(path, FileStatus.ORIGINAL, null, null, null, "first record");
    }

    private static void collectRoots(MhlHistory h, String prefix, Map<String, MhlHistory> out) {
        out.put(prefix, h);
        for (MhlHistory child : h.children()) {
            collectRoots(child, prefix.isEmpty() ? child.pathInParent() : prefix + "/" + child.pathInParent(), out);
        }
    }

    /** The deepest history root that contains (or is) the path. */
    private static String owner(Map<String, MhlHistory> roots, String path) {
        String best = "";
        for (String root : roots.keySet()) {
            if (!root.isEmpty() && (path.equals(root) || path.startsWith(root + "/")) && root.length() > best.length()) {
                best = root;
            }
        }
        return best;
    }

    private static int depth(String prefix) {
        return prefix.isEmpty() ? 0 : prefix.split("/").length;
    }

    static OffsetDateTime date(Instant instant, ZoneId zone) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), zone);
    }
}
