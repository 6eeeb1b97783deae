package io.setkeeper.appliance.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.store.ReviewStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The hash chain as pure functions: a built chain verifies; any edit, removal, swap or cut tail is found. */
class AuditChainTest {
    private static List<ReviewStore.AuditRow> chain(int n) {
        List<ReviewStore.AuditRow> rows = new ArrayList<>();
        String prev = ReviewStore.GENESIS;
        for (int i = 1; i <= n; i++) {
            ReviewStore.AuditRow r = ReviewService.withHash(new ReviewStore.AuditRow(i, "d" + i, "FIX", "fix-" + i,
                    "APPROVE", "Ana", "DIT", "2026-11-22T03:0" + i + ":00Z", "reason " + i, i % 2 == 0 ? null : "m1",
                    "[\"e" + i + "\"]", prev, ""));
            rows.add(r);
            prev = r.hash();
        }
        return rows;
    }

    private static Optional<ReviewStore.Head> head(List<ReviewStore.AuditRow> rows) {
        var last = rows.get(rows.size() - 1);
        return Optional.of(new ReviewStore.Head(last.seq(), last.hash()));
    }

    private static ReviewStore.AuditRow withReason(ReviewStore.AuditRow r, String reason) {
        return new ReviewStore.AuditRow(r.seq(), r.decisionId(), r.subjectType(), r.subjectId(), r.decision(),
                r.decidedBy(), r.role(), r.decidedAt(), reason, r.modelVersion(), r.evidence(), r.prevHash(), r.hash());
    }

    @Test
    void anUntouchedChainVerifies() {
        var rows = chain(5);
        var v = AuditChain.verify(rows, head(rows));
        assertTrue(v.ok(), v.problem());
        assertEquals(5, v.rows());
        assertEquals(rows.get(4).hash(), v.head());
        assertTrue(AuditChain.verify(List.of(), Optional.empty()).ok());
    }

    @Test
    void anEditedFieldIsFoundAtItsRow() {
        var rows = new ArrayList<>(chain(5));
        rows.set(2, withReason(rows.get(2), "reason 3 (edited)"));
        var v = AuditChain.verify(rows, head(rows));
        assertFalse(v.ok());
        assertEquals(3L, v.firstBadSeq().orElseThrow());
    }

    @Test
    void rehashingAnEditedRowBreaksTheNextLink() {
        var rows = new ArrayList<>(chain(5));
        rows.set(1, ReviewService.withHash(withReason(rows.get(1), "other")));
        var v = AuditChain.verify(rows, head(rows));
        assertFalse(v.ok());
        assertEquals(3L, v.firstBadSeq().orElseThrow());
    }

    @Test
    void removedSwappedAndCutRowsAreFound() {
        var rows = chain(5);
        var missing = new ArrayList<>(rows);
        missing.remove(1);
        assertEquals(3L, AuditChain.verify(missing, head(rows)).firstBadSeq().orElseThrow());
        var swapped = new ArrayList<>(rows);
        swapped.set(1, rows.get(2));
        swapped.set(2, rows.get(1));
        assertFalse(AuditChain.verify(swapped, head(rows)).ok());
        var cut = rows.subList(0, 4);
        var v = AuditChain.verify(cut, head(rows));
        assertFalse(v.ok());
        assertTrue(v.problem().contains("head"), v.problem());
        assertFalse(AuditChain.verify(List.of(), head(rows)).ok());
    }

    @Test
    void fieldsCannotBleedIntoEachOther() {
        var a = ReviewService.withHash(new ReviewStore.AuditRow(1, "d", "FIX", "ab", "APPROVE", "c", "DIT", "t",
                "r", null, "[]", ReviewStore.GENESIS, ""));
        var b = ReviewService.withHash(new ReviewStore.AuditRow(1, "d", "FIX", "a", "APPROVE", "bc", "DIT", "t",
                "r", null, "[]", ReviewStore.GENESIS, ""));
        assertNotEquals(a.hash(), b.hash());
        assertEquals(64, a.hash().length());
    }
}
