package io.setkeeper.appliance.ingest.mhl;

import io.setkeeper.appliance.ingest.hash.HashAlgorithm;
import io.setkeeper.appliance.ingest.hash.Hasher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads one history folder and its nested histories; bad content becomes integrity issues, not exceptions. */
final class HistoryReader {
    private HistoryReader() {
    }

    static MhlHistory read(Path root, String pathInParent) {
        List<IntegrityIssue> issues = new ArrayList<>();
        List<MhlGeneration> generations = readGenerations(root, issues);
        List<MhlHistory> children = new ArrayList<>();
        try {
            findChildren(root, root, IgnoreSpec.withDefaults(List.of()), children);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        checkReferences(root, generations, issues);
        return new MhlHistory(root, pathInParent, generations, children, issues);
    }

    private static List<MhlGeneration> readGenerations(Path root, List<IntegrityIssue> issues) {
        Path folder = root.resolve(MhlHistory.FOLDER);
        List<MhlGeneration> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        String chainPath = MhlHistory.FOLDER + "/" + ChainXml.FILE_NAME;
        List<MhlChainEntry> chain;
        try {
            chain = ChainXml.read(Files.readAllBytes(folder.resolve(ChainXml.FILE_NAME)), chainPath);
        } catch (IOException e) {
            issues.add(new IntegrityIssue(IntegrityIssue.Problem.CHAIN_UNREADABLE, chainPath, message(e)));
            chain = List.of();
        }
        Set<String> listed = new HashSet<>();
        for (MhlChainEntry entry : chain) {
            listed.add(entry.path());
            String rel = MhlHistory.FOLDER + "/" + entry.path();
            Path file = folder.resolve(entry.path()).normalize();
            if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
                issues.add(new IntegrityIssue(IntegrityIssue.Problem.MANIFEST_MISSING, rel,
                        "chain entry " + entry.sequence() + " names a manifest that is not there"));
                continue;
            }
            try {
                byte[] bytes = Files.readAllBytes(file);
                String c4 = Hasher.hash(HashAlgorithm.C4, bytes);
                if (!c4.equals(entry.c4())) {
                    issues.add(new IntegrityIssue(IntegrityIssue.Problem.MANIFEST_C4_MISMATCH, rel,
                            "chain records " + entry.c4() + " but the manifest's C4 is " + c4));
                }
                out.add(new MhlGeneration(entry, file, c4, ManifestXml.read(bytes, rel)));
            } catch (IOException e) {
                issues.add(new IntegrityIssue(IntegrityIssue.Problem.MANIFEST_UNREADABLE, rel, message(e)));
            }
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.mhl")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!listed.contains(name)) {
                    issues.add(new IntegrityIssue(IntegrityIssue.Problem.MANIFEST_NOT_IN_CHAIN,
                            MhlHistory.FOLDER + "/" + name, "manifest is not listed in " + ChainXml.FILE_NAME));
                }
            }
        } catch (IOException e) {
            issues.add(new IntegrityIssue(IntegrityIssue.Problem.CHAIN_UNREADABLE, MhlHistory.FOLDER, message(e)));
        }
        return out;
    }

    private static void findChildren(Path historyRoot, Path dir, IgnoreSpec ignore, List<MhlHistory> out)
            throws IOException {
        List<Path> subdirs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    subdirs.add(p);
                }
            }
        }
        subdirs.sort((a, b) -> TreeScanner.compareNames(a.getFileName().toString(), b.getFileName().toString()));
        for (Path sub : subdirs) {
            String rel = relative(historyRoot, sub);
            if (ignore.ignores(rel, true)) {
                continue;
            }
            if (Files.isDirectory(sub.resolve(MhlHistory.FOLDER))) {
                out.add(read(sub, rel));
            } else {
                findChildren(historyRoot, sub, ignore, out);
            }
        }
    }

    private static void checkReferences(Path root, List<MhlGeneration> generations, List<IntegrityIssue> issues) {
        for (MhlGeneration g : generations) {
            for (MhlReference ref : g.manifest().references()) {
                Path target = root.resolve(ref.path()).normalize();
                if (!target.startsWith(root) || !Files.isRegularFile(target)) {
                    issues.add(new IntegrityIssue(IntegrityIssue.Problem.REFERENCE_MISMATCH, ref.path(),
                            "referenced by " + g.chainEntry().path() + " but not there"));
                    continue;
                }
                try {
                    String c4 = Hasher.hash(HashAlgorithm.C4, Files.readAllBytes(target));
                    if (!c4.equals(ref.c4())) {
                        issues.add(new IntegrityIssue(IntegrityIssue.Problem.REFERENCE_MISMATCH, ref.path(),
                                g.chainEntry().path() + " records " + ref.c4() + " but its C4 is " + c4));
                    }
                } catch (IOException e) {
                    issues.add(new IntegrityIssue(IntegrityIssue.Problem.REFERENCE_MISMATCH, ref.path(), message(e)));
                }
            }
        }
    }

    static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    }

    private static String message(IOException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
