package io.setkeeper.protocol.interchange;

import io.setkeeper.protocol.interchange.cdl.Cdl;
import io.setkeeper.protocol.interchange.cdl.Rgb;
import io.setkeeper.protocol.messages.FixApproved;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Approved CDL fixes as export clips, from the {@link FixApproved} message itself: the appliance renders its
 * exports from the messages it sends, and the sync-service from the messages it received, so both ends write the
 * same texts. A message carries the target in its parameters ({@code target.reel}, {@code target.scene},
 * {@code target.take}, {@code target.circled}, {@code target.sourceIn}, {@code target.sourceOut}), the CDL
 * ({@code slope}, {@code offset}, {@code power} as three numbers, {@code saturation}) and the approval's audit link
 * ({@code approval.decisionId}, {@code approval.auditSeq}, {@code approval.auditHash}, {@code approval.evidence} as
 * a JSON array, {@code approval.modelVersion}).
 */
public final class ApprovedFixes {
    private ApprovedFixes() {
    }

    /** The export clip of an approved CDL fix; empty for other kinds or a CDL fix without a target range. */
    public static Optional<ExportClip> clip(FixApproved f) {
        Map<String, String> p = f.parameters();
        if (!"cdl".equals(f.kind()) || !p.containsKey("target.sourceIn") || !p.containsKey("target.sourceOut")) {
            return Optional.empty();
        }
        Cdl cdl = Cdl.of(f.fixId(), rgb(p, "slope"), rgb(p, "offset"), rgb(p, "power"),
                Double.parseDouble(p.getOrDefault("saturation", "1")));
        return Optional.of(new ExportClip(f.clip(), p.getOrDefault("target.reel", f.clip()),
                p.getOrDefault("target.scene", ""), p.getOrDefault("target.take", ""),
                Boolean.parseBoolean(p.get("target.circled")), cdl, Long.parseLong(p.get("target.sourceIn")),
                Long.parseLong(p.get("target.sourceOut")), Optional.empty(), approvalJson(f)));
    }

    /** The approval record as exports carry it (OTIO {@code metadata.setkeeper.approval}). */
    public static JsonObject approvalJson(FixApproved f) {
        Map<String, String> p = f.parameters();
        String evidence = p.getOrDefault("approval.evidence", "[]");
        JsonArray ev;
        try (var r = Json.createReader(new StringReader(evidence))) {
            ev = r.readArray();
        }
        JsonObjectBuilder b = Json.createObjectBuilder().add("fixId", f.fixId())
                .add("decisionId", p.getOrDefault("approval.decisionId", ""))
                .add("approvedBy", f.approval().approvedBy()).add("role", f.approval().role())
                .add("reason", f.approval().reason()).add("approvedAt", f.approval().approvedAt().toString())
                .add("evidence", ev).add("auditSeq", Long.parseLong(p.getOrDefault("approval.auditSeq", "0")))
                .add("auditHash", p.getOrDefault("approval.auditHash", ""));
        String model = p.get("approval.modelVersion");
        return (model == null ? b.addNull("modelVersion") : b.add("modelVersion", model)).build();
    }

    /** One clip per clip name, the latest approval (last in the list) winning, in the order of the list. */
    public static List<ExportClip> latestPerClip(List<FixApproved> approved) {
        Map<String, ExportClip> byClip = new LinkedHashMap<>();
        for (FixApproved f : approved) {
            clip(f).ifPresent(c -> {
                byClip.remove(c.clipName());
                byClip.put(c.clipName(), c);
            });
        }
        return List.copyOf(byClip.values());
    }

    /** The export text of the approved CDL fixes in one format; bad options give an IllegalArgumentException. */
    public static String render(ExportFormat format, String title, int fps, boolean dropFrame,
                                List<FixApproved> approved) {
        if (fps <= 0 || fps > 120) {
            throw new IllegalArgumentException("fps must be 1-120, was " + fps);
        }
        if (dropFrame && fps != 30 && fps != 60) {
            throw new IllegalArgumentException("drop-frame needs fps 30 or 60 (29.97 / 59.94), was " + fps);
        }
        List<ExportClip> clips = latestPerClip(approved);
        return switch (format) {
            case CDL -> InterchangeExport.cdl(clips);
            case CCC -> InterchangeExport.ccc(clips);
            case ALE -> InterchangeExport.ale(fps, dropFrame, clips);
            case EDL -> InterchangeExport.edl(title, fps, dropFrame, clips);
            case OTIO -> InterchangeExport.otio(title, fps, clips);
        };
    }

    private static Rgb rgb(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null) {
            throw new IllegalArgumentException("CDL fix without '" + name + "'");
        }
        String[] parts = v.trim().split("\\s+");
        if (parts.length != 3) {
            throw new IllegalArgumentException("'" + name + "' must be three numbers, was '" + v + "'");
        }
        return new Rgb(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
    }
}
