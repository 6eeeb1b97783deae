package io.setkeeper.appliance.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Seals a destination with an ASC MHL generation through the mhl package (wired when it lands). */
public final class MhlSealer implements Sealer {
    private final Clock clock;

    public MhlSealer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public int seal(Path destinationRoot, String algorithm, Map<String, String> verifiedHashes) throws IOException {
        throw new IOException("ASC MHL writer not wired yet (" + clock.instant() + ")");
    }
}
