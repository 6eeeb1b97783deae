package io.setkeeper.appliance.ingest;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** A camera card as received: where it was read from and a fingerprint of its contents (paths, sizes, times). */
public record Card(String id, String production, Optional<Long> shootDay, String label, Path source,
                   String fingerprint, int fileCount, long byteCount, Instant createdAt) {
}
