package io.setkeeper.appliance.ingest.mhl;

/**
 * A {@code <hashlistreference>}: a nested history's manifest (path relative to the referencing history's root)
 * and the C4 id of its bytes.
 */
public record MhlReference(String path, String c4) {
}
