package io.setkeeper.appliance.ingest.mhl;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists a tree the way the reference implementation walks it: post-order (all sub-folders of a folder first,
 * each in name order, then the folder's own files in name order, then the folder itself), names compared by
 * Unicode code point, ignored paths skipped. Symbolic links to directories are not followed.
 */
public final class TreeScanner {
    private TreeScanner() {
    }

    /** The items under {@code root} in reference order; the last item is the root directory (path ""). */
    public static List<TreeItem> scan(Path root, IgnoreSpec ignore) throws IOException {
        List<TreeItem> out = new ArrayList<>();
        visit(root, "", ignore, out);
        return out;
    }

    private static void visit(Path dir, String relative, IgnoreSpec ignore, List<TreeItem> out) throws IOException {
        List<Path> subdirs = new ArrayList<>();
        List<TreeItem.FileItem> files = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                String childRelative = relative.isEmpty() ? name : relative + "/" + name;
                boolean isDir = Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS);
                if (ignore.ignores(childRelative, isDir)) {
                    continue;
                }
                if (isDir) {
                    subdirs.add(child);
                } else if (Files.isRegularFile(child)) {
                    BasicFileAttributes a = Files.readAttributes(child, BasicFileAttributes.class);
                    files.add(new TreeItem.FileItem(childRelative, a.size(), a.lastModifiedTime().toInstant()));
                }
            }
        }
        subdirs.sort((a, b) -> compareNames(a.getFileName().toString(), b.getFileName().toString()));
        files.sort((a, b) -> compareNames(a.name(), b.name()));
        for (Path sub : subdirs) {
            String name = sub.getFileName().toString();
            visit(sub, relative.isEmpty() ? name : relative + "/" + name, ignore, out);
        }
        out.addAll(files);
        out.add(new TreeItem.DirectoryItem(relative, Files.getLastModifiedTime(dir).toInstant()));
    }

    /** Orders names by Unicode code point (as Python sorts strings), not by UTF-16 unit. */
    static int compareNames(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
