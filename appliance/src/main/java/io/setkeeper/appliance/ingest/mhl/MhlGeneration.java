package io.setkeeper.appliance.ingest.mhl;

import java.nio.file.Path;

/**
 * A generation as read from disk: its chain entry, the manifest file, and the parsed manifest.
 *
 * @param actualC4 the C4 id of the manifest file's bytes as read now (compare with {@code chainEntry.c4()})
 */
public record MhlGeneration(MhlChainEntry chainEntry, Path file, String actualC4, MhlManifest manifest) {

    /** Whether the manifest's bytes still match the C4 id the chain recorded for it. */
    public boolean intact() {
        return chainEntry.c4().equals(actualC4);
    }
}
