package io.setkeeper.appliance.ingest;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Lists a card's files without following links. Operating-system litter (.DS_Store, ._ files, Spotlight and
 * trash folders) is left behind; an existing {@code ascmhl/} history is copied so a copy of a copy keeps its chain.
 */
public final class CardScanner {
    private static final Set<String> LITTER = Set.of(".DS_Store", ".Spotlight-V100", ".fseventsd", ".Trashes",
            ".TemporaryItems", "Thumbs.db", "desktop.ini", "$RECYCLE.BIN", "System Volume Information");

    private CardScanner() {
    }

    /** True for names an offload never copies. */
    public static boolean isLitter(String name) {
        return LITTER.contains(name) || name.startsWith("._") || name.startsWith(FileCopier.TEMP_PREFIX);
    }

    public static CardScan scan(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("card folder does not exist or is not a folder: " + root);
        }
        List<CardFile> files = new ArrayList<>();
        List<CardScan.Problem> problems = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && isLitter(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = relative(root, file);
                if (isLitter(file.getFileName().toString())) {
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isSymbolicLink() || Files.isSymbolicLink(file)) {
                    problems.add(new CardScan.Problem(rel, "symbolic link: not followed, not copied"));
                } else if (!attrs.isRegularFile()) {
                    problems.add(new CardScan.Problem(rel, "not a regular file"));
                } else {
                    files.add(new CardFile(rel, attrs.size(), attrs.lastModifiedTime().toInstant()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                problems.add(new CardScan.Problem(relative(root, file), "unreadable: " + e.getMessage()));
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(CardFile::relPath));
        return new CardScan(List.copyOf(files), List.copyOf(problems));
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /** Resolves a card-relative path under a destination root, refusing anything that would escape it. */
    public static Path resolveInside(Path root, String relPath) {
        Path normalRoot = root.toAbsolutePath().normalize();
        Path target = normalRoot.resolve(relPath).normalize();
        if (!target.startsWith(normalRoot) || target.equals(normalRoot) || relPath.startsWith("/")) {
            throw new IllegalArgumentException("path escapes the destination: " + relPath);
        }
        return target;
    }

    static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }
}
