package io.setkeeper.appliance.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.setkeeper.protocol.interchange.cdl.Cdl;
import io.setkeeper.protocol.interchange.cdl.Rgb;
import io.setkeeper.protocol.messages.FixApproved;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An ApprovedFix only from an APPROVE of that very fix; every fix kind survives its JSON round trip. */
class ApprovedFixTest {
    private static final ClipRef CLIP = new ClipRef("A001C001", null, "5", "3", true, 0, 48);
    private static final Verdict OK = new Verdict(Verdict.Kind.FIXABLE_IN_POST, "delta E 1.2 after");
    private static final Fix CDL = new Fix.CdlFix("fix-1", CLIP, Cdl.of("", new Rgb(1.1, 1, 0.9), Rgb.all(0),
            Rgb.all(1), 1), "scene 5", OK, List.of("still:1"));

    private static Decision decision(Subject.Type type, String subject, Decision.Kind kind) {
        return new Decision(1, "d1", type, subject, kind, "Ana", Role.DIT, Instant.parse("2026-11-22T03:00:00Z"),
                "because", null, List.of("still:1"), "0".repeat(64), "f".repeat(64));
    }

    @Test
    void onlyAnApprovalOfThisFixMakesAnApprovedFix() {
        assertThrows(IllegalArgumentException.class,
                () -> ApprovedFix.of(CDL, decision(Subject.Type.FIX, "fix-1", Decision.Kind.REJECT)));
        assertThrows(IllegalArgumentException.class,
                () -> ApprovedFix.of(CDL, decision(Subject.Type.FIX, "fix-1", Decision.Kind.ACCEPT_AS_INTENT)));
        assertThrows(IllegalArgumentException.class,
                () -> ApprovedFix.of(CDL, decision(Subject.Type.FIX, "fix-2", Decision.Kind.APPROVE)));
        assertThrows(IllegalArgumentException.class,
                () -> ApprovedFix.of(CDL, decision(Subject.Type.FLAG, "fix-1", Decision.Kind.APPROVE)));
        FixApproved m = ApprovedFix.of(CDL, decision(Subject.Type.FIX, "fix-1", Decision.Kind.APPROVE)).toMessage();
        assertEquals("1.1 1.0 0.9", m.parameters().get("slope"));
        assertEquals("Ana", m.approval().approvedBy());
        assertNull(m.artefactId());
        assertEquals("A001C001", CLIP.reel());
    }

    @Test
    void everyKindRoundTripsThroughJson() {
        List<Fix> fixes = List.of(CDL,
                new Fix.PlateFix("fix-2", CLIP, "plate-art-1", OK, List.of()),
                new Fix.PatchFix("fix-3", CLIP, 10, 14, 100, 50, 64, 32, "mask-1", "plate-1",
                        new Verdict(Verdict.Kind.RESHOOT_ADVISED, "the obstruction covers the face"), List.of("f:1")),
                new Fix.ReframeFix("fix-4", CLIP, "9:16", "crop-1", OK, List.of("track:7")));
        for (Fix f : fixes) {
            assertEquals(f, FixJson.read(FixJson.write(f).toString()), f.kind());
        }
        ReviewException e = assertThrows(ReviewException.class, () -> FixJson.read("{\"id\":\"x\",\"kind\":\"cdl\"}"));
        assertEquals(ReviewException.Kind.INVALID, e.kind());
        assertThrows(ReviewException.class, () -> new ClipRef("A", null, null, null, false, 10, 10));
    }
}
