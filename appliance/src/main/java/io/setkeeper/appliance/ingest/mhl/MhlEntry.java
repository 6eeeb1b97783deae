package io.setkeeper.appliance.ingest.mhl;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/** One element of a manifest's {@code <hashes>}: a file's hashes or a directory's hashes. */
public sealed interface MhlEntry {

    /** The path relative to the history's root, with '/' separators, exactly as written in the manifest. */
    String path();

    /**
     * A {@code <hash>}: one file.
     *
     * @param size         -1 when the manifest gave none
     * @param lastModified null when the manifest gave none
     */
    record FileEntry(String path, long size, OffsetDateTime lastModified, List<MhlHashEntry> hashes)
            implements MhlEntry {
        public FileEntry {
            Objects.requireNonNull(path, "path");
            hashes = List.copyOf(hashes);
        }
    }

    /**
     * A {@code <directoryhash>}: one directory below the root.
     *
     * @param lastModified null when the manifest gave none
     */
    record DirectoryEntry(String path, OffsetDateTime lastModified, List<MhlDirectoryHash> hashes)
            implements MhlEntry {
        public DirectoryEntry {
            Objects.requireNonNull(path, "path");
            hashes = List.copyOf(hashes);
        }
    }
}
