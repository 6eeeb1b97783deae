package io.setkeeper.appliance.ingest;

import java.util.List;

/** What a scan of a card found: the files to copy (sorted by path) and what was refused, with the reason. */
public record CardScan(List<CardFile> files, List<Problem> problems) {
    /** A path that will not be copied, and why. */
    public record Problem(String relPath, String reason) {
    }

    public long bytes() {
        return files.stream().mapToLong(CardFile::size).sum();
    }
}
