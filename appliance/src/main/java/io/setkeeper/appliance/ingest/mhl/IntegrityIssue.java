package io.setkeeper.appliance.ingest.mhl;

import java.util.Objects;

/**
 * A problem with the history itself (chain, manifests, references) rather than with a media file.
 *
 * @param path   the chain or manifest concerned, relative to the checked root
 * @param detail a human-readable explanation; never null
 */
public record IntegrityIssue(Problem problem, String path, String detail) implements MhlFinding {

    /** The closed set of history problems, each with a stable code. */
    public enum Problem {
        /** No ascmhl folder with a chain anywhere under the root. */
        NO_HISTORY,
        /** {@code ascmhl_chain.xml} is missing although manifests exist, or is not readable. */
        CHAIN_UNREADABLE,
        /** The chain names a manifest that is not there. */
        MANIFEST_MISSING,
        /** A manifest is not well-formed ASC MHL. */
        MANIFEST_UNREADABLE,
        /** A manifest's bytes no longer match the C4 id the chain recorded: it was edited. */
        MANIFEST_C4_MISMATCH,
        /** A manifest file in the ascmhl folder that the chain does not list. */
        MANIFEST_NOT_IN_CHAIN,
        /** A parent manifest's reference to a nested history's manifest does not match that manifest. */
        REFERENCE_MISMATCH;

        /** The stable code, e.g. {@code MHL_MANIFEST_C4_MISMATCH}. */
        public String code() {
            return "MHL_" + name();
        }
    }

    public IntegrityIssue {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(path, "path");
        detail = detail == null ? "" : detail;
    }

    @Override
    public String code() {
        return problem.code();
    }

    @Override
    public boolean failure() {
        return true;
    }
}
