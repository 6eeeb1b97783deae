package io.setkeeper.appliance.ingest.mhl;

import java.util.Optional;

/** What a generation did with a file hash: first record, successful re-check, or mismatch. */
public enum MhlHashAction {
    ORIGINAL("original"),
    VERIFIED("verified"),
    FAILED("failed");

    private final String xmlName;

    MhlHashAction(String xmlName) {
        this.xmlName = xmlName;
    }

    /** The {@code action} attribute value. */
    public String xmlName() {
        return xmlName;
    }

    /** The action with this attribute value, if any. */
    public static Optional<MhlHashAction> fromXml(String value) {
        for (MhlHashAction action : values()) {
            if (action.xmlName.equals(value)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
