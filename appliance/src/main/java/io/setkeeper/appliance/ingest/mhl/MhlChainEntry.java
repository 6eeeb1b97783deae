package io.setkeeper.appliance.ingest.mhl;

/**
 * One {@code <hashlist>} of {@code ascmhl_chain.xml}: the generation's sequence number, the manifest's file name
 * inside the {@code ascmhl} folder and the C4 id of the manifest's bytes.
 */
public record MhlChainEntry(int sequence, String path, String c4) {
}
