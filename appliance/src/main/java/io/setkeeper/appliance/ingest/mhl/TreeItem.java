package io.setkeeper.appliance.ingest.mhl;

import java.time.Instant;

/**
 * A file or directory found under a history root, with its path relative to that root ('/'-separated; the root
 * itself is the directory with path {@code ""}).
 */
public sealed interface TreeItem {

    String path();

    Instant lastModified();

    /** The last path element ({@code ""} for the root). */
    default String name() {
        return path().substring(path().lastIndexOf('/') + 1);
    }

    /** The parent directory's path ({@code ""} for top-level items); null for the root. */
    default String parent() {
        if (path().isEmpty()) {
            return null;
        }
        int slash = path().lastIndexOf('/');
        return slash < 0 ? "" : path().substring(0, slash);
    }

    /** A regular file. */
    record FileItem(String path, long size, Instant lastModified) implements TreeItem {
    }

    /** A directory (emitted after everything inside it). */
    record DirectoryItem(String path, Instant lastModified) implements TreeItem {
    }
}
