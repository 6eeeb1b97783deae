package io.setkeeper.appliance.media;

/** The outcome of probing one file: either what was found, or a stable failure code with a plain-language message. */
public sealed interface ProbeResult permits ProbeResult.Probed, ProbeResult.Failed {

    /** The file is media and this is what it holds. */
    record Probed(ProbeData data) implements ProbeResult {
    }

    /**
     * The file could not be probed.
     *
     * @param code    stable failure code
     * @param message what went wrong, in words a DIT can act on
     */
    record Failed(FailureCode code, String message) implements ProbeResult {
    }
}
