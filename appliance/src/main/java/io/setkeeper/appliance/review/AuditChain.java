package io.setkeeper.appliance.review;

import io.setkeeper.appliance.store.ReviewStore;
import java.util.List;
import java.util.Optional;

/**
 * The audit log's hash chain: each row's hash is the SHA-256 of its content and the previous row's hash, so editing,
 * removing or reordering any row breaks every later link. Pure functions; {@link #verify} walks a whole log.
 */
public final class AuditChain {
    /** The outcome of a walk: ok, or the first bad row and why. */
    public record Verification(boolean ok, long rows, Optional<Long> firstBadSeq, String problem, String head) {
    }

    private AuditChain() {
    }

    /** The hash of a row's content linked to {@code prevHash}; fields are length-prefixed so none can bleed. */
    public static String hash(ReviewStore.AuditRow r) {
        StringBuilder s = new StringBuilder("setkeeper-audit-v1");
        for (String f : List.of(Long.toString(r.seq()), r.decisionId(), r.subjectType(), r.subjectId(), r.decision(),
                r.decidedBy(), r.role(), r.decidedAt(), r.reason(), r.modelVersion() == null ? "\u0000" : r.modelVersion(),
                r.evidence(), r.prevHash())) {
            s.append('|').append(f.length()).append(':').append(f);
        }
        return Tokens.sha256(s.toString());
    }

    /**
     * Checks that rows are numbered 1..n, each links to its predecessor, each hash matches its content, and the
     * recorded head is the last row (so rows removed from the end are detected too).
     */
    public static Verification verify(List<ReviewStore.AuditRow> rows, Optional<ReviewStore.Head> head) {
        Verification chain = verify(rows);
        if (!chain.ok()) {
            return chain;
        }
        if (rows.isEmpty()) {
            return head.isEmpty() ? chain : bad(0, head.get().seq(), "the log is empty but its head names row "
                    + head.get().seq());
        }
        ReviewStore.AuditRow last = rows.get(rows.size() - 1);
        if (head.isEmpty() || head.get().seq() != last.seq() || !head.get().hash().equals(last.hash())) {
            return bad(rows.size(), last.seq(), "the recorded head ("
                    + head.map(h -> "row " + h.seq()).orElse("none") + ") is not the last row " + last.seq()
                    + ": rows were removed or the head was edited");
        }
        return chain;
    }

    /** Checks that rows are numbered 1..n, each links to its predecessor and each hash matches its content. */
    public static Verification verify(List<ReviewStore.AuditRow> rows) {
        String prev = ReviewStore.GENESIS;
        long expected = 1;
        for (ReviewStore.AuditRow r : rows) {
            if (r.seq() != expected) {
                return bad(rows.size(), r.seq(), "row " + expected + " is missing (found " + r.seq() + ")");
            }
            if (!r.prevHash().equals(prev)) {
                return bad(rows.size(), r.seq(), "row " + r.seq() + " does not link to row " + (r.seq() - 1));
            }
            if (!hash(r).equals(r.hash())) {
                return bad(rows.size(), r.seq(), "row " + r.seq() + " was changed after it was written");
            }
            prev = r.hash();
            expected++;
        }
        return new Verification(true, rows.size(), Optional.empty(), "", prev);
    }

    private static Verification bad(long rows, long seq, String problem) {
        return new Verification(false, rows, Optional.of(seq), problem, "");
    }
}
