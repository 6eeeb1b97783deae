package io.setkeeper.appliance.ingest.mhl;

import io.setkeeper.appliance.ingest.hash.HashAlgorithm;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One file hash in a manifest, e.g. {@code <xxh64 action="original" hashdate="...">0ea03b369a463d9d</xxh64>}.
 *
 * @param action   null when the manifest gave none (the schema makes it optional)
 * @param hashDate null when the manifest gave none
 */
public record MhlHashEntry(HashAlgorithm algorithm, String value, MhlHashAction action, OffsetDateTime hashDate) {
    public MhlHashEntry {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(value, "value");
    }
}
