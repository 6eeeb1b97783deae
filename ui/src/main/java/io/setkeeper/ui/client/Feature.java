package io.setkeeper.ui.client;

/**
 * The station's screens whose appliance API does not exist yet, with the path the appliance will serve them on.
 * The station asks the appliance for the path and shows the screen only when it answers.
 */
public enum Feature {
    FLAGS("Flags inbox", "/api/flags",
            "Continuity and QC flags as they arrive, side-by-side evidence, approve / reject / accept as intent."),
    COVERAGE("Coverage board", "/api/coverage",
            "Scenes x planned setups x takes, coloured covered / missing / flagged, and the before-wrap list."),
    FIXES("Fixes", "/api/fixes",
            "Before and after of a proposed CDL, plate, patch or reframe, approved or rejected with a reason."),
    MODEL_SYNC("Model and sync", "/api/model",
            "The production model's versions and metrics; what reached post, what is queued, what failed.");

    private final String title;
    private final String path;
    private final String purpose;

    Feature(String title, String path, String purpose) {
        this.title = title;
        this.path = path;
        this.purpose = purpose;
    }

    public String title() {
        return title;
    }

    public String path() {
        return path;
    }

    public String purpose() {
        return purpose;
    }
}
