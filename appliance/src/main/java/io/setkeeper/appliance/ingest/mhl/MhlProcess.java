package io.setkeeper.appliance.ingest.mhl;

import java.util.Optional;

/**
 * The {@code <process>} of a generation: {@link #TRANSFER} when it documents a copy onto this destination,
 * {@link #IN_PLACE} when it seals or re-verifies files where they are, {@link #FLATTEN} for a flattened history.
 */
public enum MhlProcess {
    IN_PLACE("in-place"),
    TRANSFER("transfer"),
    FLATTEN("flatten");

    private final String xmlName;

    MhlProcess(String xmlName) {
        this.xmlName = xmlName;
    }

    /** The element text. */
    public String xmlName() {
        return xmlName;
    }

    /** The process with this element text, if any. */
    public static Optional<MhlProcess> fromXml(String value) {
        for (MhlProcess process : values()) {
            if (process.xmlName.equals(value)) {
                return Optional.of(process);
            }
        }
        return Optional.empty();
    }
}
