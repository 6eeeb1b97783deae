package io.setkeeper.appliance.ingest;

import java.time.Instant;

/** One file of a camera card, by its path relative to the card root ('/' separated), as seen when scanned. */
public record CardFile(String relPath, long size, Instant modified) {
}
