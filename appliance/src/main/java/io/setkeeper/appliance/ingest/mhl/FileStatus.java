package io.setkeeper.appliance.ingest.mhl;

/** The outcome for one file, each with a stable code. */
public enum FileStatus {
    /** The file's hash equals the one its history recorded first. */
    VERIFIED("MHL_FILE_VERIFIED", false),
    /** The file's hash differs from the recorded one: the media changed. */
    FAILED("MHL_FILE_HASH_MISMATCH", true),
    /** The history records the file but it is not on disk. */
    MISSING("MHL_FILE_MISSING", true),
    /** The file is on disk but no generation records it (reported, not a failure by itself). */
    NEW("MHL_FILE_NEW", false),
    /** The file exists but could not be read. */
    UNREADABLE("MHL_FILE_UNREADABLE", true),
    /** First record of the file in a generation we wrote (no earlier hash to compare with). */
    ORIGINAL("MHL_FILE_ORIGINAL", false);

    private final String code;
    private final boolean failure;

    FileStatus(String code, boolean failure) {
        this.code = code;
        this.failure = failure;
    }

    /** The stable code. */
    public String code() {
        return code;
    }

    /** Whether this outcome is a failure. */
    public boolean failure() {
        return failure;
    }
}
