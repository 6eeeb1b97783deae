package io.setkeeper.protocol.messages;

/** The schema names of the known message bodies, in one place. */
public final class Schemas {
    public static final String MODEL_VERSION_ANNOUNCED = "setkeeper.model-version-announced";
    public static final String ARTEFACT_MANIFEST = "setkeeper.artefact-manifest";
    public static final String ARTEFACT_CHUNK = "setkeeper.artefact-chunk";
    public static final String FIX_APPROVED = "setkeeper.fix-approved";
    public static final String FLAG_RAISED = "setkeeper.flag-raised";
    public static final String FLAG_DECIDED = "setkeeper.flag-decided";
    public static final String COVERAGE_REPORT = "setkeeper.coverage-report";
    public static final String APPLIANCE_STATUS = "setkeeper.appliance-status";
    public static final String DELIVERY_RECEIPT = "setkeeper.delivery-receipt";

    private Schemas() {
    }
}
