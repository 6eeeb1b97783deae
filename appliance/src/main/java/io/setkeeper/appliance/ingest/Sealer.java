package io.setkeeper.appliance.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Writes a chain-of-custody generation (ASC MHL) into a destination once all of its copies are verified. */
public interface Sealer {
    /**
     * Seals {@code destinationRoot} with the verified hashes of its files (card-relative path to digest).
     * Returns the generation number written.
     */
    int seal(Path destinationRoot, String algorithm, Map<String, String> verifiedHashes) throws IOException;
}
