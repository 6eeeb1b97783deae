package io.setkeeper.protocol.codec;

import io.setkeeper.protocol.messages.ApplianceStatus;
import io.setkeeper.protocol.messages.Approval;
import io.setkeeper.protocol.messages.ArtefactChunk;
import io.setkeeper.protocol.messages.ArtefactManifest;
import io.setkeeper.protocol.messages.CoverageReport;
import io.setkeeper.protocol.messages.DeliveryReceipt;
import io.setkeeper.protocol.messages.FixApproved;
import io.setkeeper.protocol.messages.FlagDecided;
import io.setkeeper.protocol.messages.FlagRaised;
import io.setkeeper.protocol.messages.Message;
import io.setkeeper.protocol.messages.ModelVersionAnnounced;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One instance of every known message body. */
final class Samples {
    static final String H1 = "a".repeat(64);
    static final String H2 = "b".repeat(64);

    static List<Message> all() {
        return List.of(
                new ModelVersionAnnounced("m-2", "m-1", List.of("A001C001"), Map.of("acc", 0.5), "art-1"),
                new ModelVersionAnnounced("m-1", null, List.of(), Map.of(), "art-0"),
                new ArtefactManifest("art-1", "model", "m.bin", 300_000, 262_144, H1, List.of(H1, H2), null),
                new ArtefactChunk("art-1", 1, H2, new byte[]{1, 2, 3, (byte) 0xff}),
                new FixApproved("fix-1", "cdl", "A001C001", "01:00:00:00", null, Map.of("slope", "1 1 1"),
                        new Approval("Ann", "DIT", "matches", Instant.parse("2026-01-01T10:00:00Z")), null),
                new FlagRaised("f-1", "flicker", "warning", "A001C002", "01:00:00:00", "01:00:01:00", "flicker",
                        Map.of("amp", 0.2), List.of("s1")),
                new FlagDecided("f-1", "dismissed", "Bo", "director", "intended"),
                new CoverageReport("5", 3, 1, List.of("master"), List.of()),
                new ApplianceStatus("online", "0.1.0", 3, 1L << 40),
                new DeliveryReceipt("m-123", DeliveryReceipt.Status.REJECTED, "hash mismatch"));
    }

    private Samples() {
    }
}
