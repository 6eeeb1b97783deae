package io.setkeeper.appliance.ingest.mhl;

import java.util.List;
import java.util.Objects;

/**
 * One ASC MHL v2.0 manifest ({@code <hashlist>}): a generation's creator, process, root hashes, ignore
 * patterns, file and directory entries (in document order) and references to nested histories' manifests.
 */
public record MhlManifest(MhlCreatorInfo creator, MhlProcess process, List<MhlDirectoryHash> rootHashes,
                          List<String> ignorePatterns, List<MhlEntry> entries, List<MhlReference> references) {
    public MhlManifest {
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(process, "process");
        rootHashes = List.copyOf(rootHashes);
        ignorePatterns = List.copyOf(ignorePatterns);
        entries = List.copyOf(entries);
        references = List.copyOf(references);
    }

    /** The file entries, in document order. */
    public List<MhlEntry.FileEntry> files() {
        return entries.stream().filter(MhlEntry.FileEntry.class::isInstance).map(MhlEntry.FileEntry.class::cast)
                .toList();
    }

    /** The directory entries, in document order. */
    public List<MhlEntry.DirectoryEntry> directories() {
        return entries.stream().filter(MhlEntry.DirectoryEntry.class::isInstance)
                .map(MhlEntry.DirectoryEntry.class::cast).toList();
    }
}
