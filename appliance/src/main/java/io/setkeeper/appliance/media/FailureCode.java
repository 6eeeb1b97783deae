package io.setkeeper.appliance.media;

/** Why a file could not be probed. Stable codes: the UI, reports and tests key on them, never on messages. */
public enum FailureCode {
    /** The path does not exist. */
    NOT_FOUND,
    /** The path exists but is a folder or a special file. */
    NOT_A_FILE,
    /** The file exists but cannot be read (permissions, I/O error). */
    UNREADABLE,
    /** The file has zero bytes. */
    EMPTY_FILE,
    /** No container format recognises the file: it is not media, whatever its extension says. */
    UNRECOGNIZED_FORMAT,
    /** The container is recognised but cannot be opened: truncated copy or damaged file. */
    TRUNCATED_OR_CORRUPT,
    /** The container opens but holds no picture or sound essence (e.g. a header-only MXF). */
    NO_ESSENCE,
    /** Probing took longer than its time budget and was interrupted. */
    TIMEOUT,
    /** FFmpeg failed for another reason; the message carries FFmpeg's own words. */
    DECODER_ERROR
}
