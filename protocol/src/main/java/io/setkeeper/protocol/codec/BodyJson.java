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
import io.setkeeper.protocol.messages.Schemas;
import io.setkeeper.protocol.messages.Unknown;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.StringReader;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** Maps each message body to and from its JSON object. Chunk data is not part of the JSON (see {@link ChunkFrame}). */
final class BodyJson {
    private BodyJson() {
    }

    static JsonObject write(Message message) {
        JsonObjectBuilder b = JsonP.PROVIDER.createObjectBuilder();
        switch (message) {
            case ModelVersionAnnounced m -> b.add("modelVersion", m.modelVersion())
                    .add("parentVersion", nullable(m.parentVersion())).add("trainedOnClips", array(m.trainedOnClips()))
                    .add("metrics", numbers(m.metrics())).add("artefactId", m.artefactId())
                    .add("publicKey", nullable(m.publicKey())).add("publicKeySha256", nullable(m.publicKeySha256()));
            case ArtefactManifest m -> b.add("artefactId", m.artefactId()).add("kind", m.kind()).add("name", m.name())
                    .add("size", m.size()).add("chunkSize", m.chunkSize()).add("sha256", m.sha256())
                    .add("chunkSha256", array(m.chunkSha256())).add("signature", nullable(m.signature()));
            case ArtefactChunk c -> b.add("artefactId", c.artefactId()).add("index", c.index())
                    .add("sha256", c.sha256()).add("length", c.data().length);
            case FixApproved f -> b.add("fixId", f.fixId()).add("kind", f.kind()).add("clip", f.clip())
                    .add("timecodeIn", nullable(f.timecodeIn())).add("timecodeOut", nullable(f.timecodeOut()))
                    .add("parameters", strings(f.parameters())).add("approval", approval(f.approval()))
                    .add("artefactId", nullable(f.artefactId()));
            case FlagRaised f -> b.add("flagId", f.flagId()).add("kind", f.kind()).add("severity", f.severity())
                    .add("clip", f.clip()).add("timecodeIn", nullable(f.timecodeIn()))
                    .add("timecodeOut", nullable(f.timecodeOut())).add("summary", f.summary())
                    .add("measurements", numbers(f.measurements())).add("evidence", array(f.evidence()));
            case FlagDecided f -> b.add("flagId", f.flagId()).add("decision", f.decision())
                    .add("decidedBy", f.decidedBy()).add("role", f.role()).add("reason", f.reason());
            case CoverageReport c -> b.add("scene", c.scene()).add("plannedSetups", c.plannedSetups())
                    .add("coveredSetups", c.coveredSetups()).add("missing", array(c.missing()))
                    .add("flagged", array(c.flagged()));
            case ApplianceStatus s -> b.add("state", s.state()).add("softwareVersion", s.softwareVersion())
                    .add("outboxPending", s.outboxPending()).add("diskFreeBytes", s.diskFreeBytes());
            case DeliveryReceipt r -> b.add("receivedMessageId", r.receivedMessageId())
                    .add("status", r.status().name()).add("detail", r.detail());
            case Unknown u -> {
                return JsonP.PROVIDER.createReader(new StringReader(u.rawBody())).readObject();
            }
        }
        return b.build();
    }

    /** Reads a known body; returns {@link Unknown} for unknown schemas and newer versions. */
    static Message read(String schema, int version, JsonObject o, byte[] chunkData) {
        if (version != 1 || !isKnown(schema)) {
            return new Unknown(schema, version, o.toString());
        }
        try {
            return switch (schema) {
                case Schemas.MODEL_VERSION_ANNOUNCED -> new ModelVersionAnnounced(Fields.text(o, "modelVersion"),
                        Fields.optText(o, "parentVersion"), Fields.texts(o, "trainedOnClips"),
                        Fields.numbers(o, "metrics"), Fields.text(o, "artefactId"), Fields.optText(o, "publicKey"),
                        Fields.optText(o, "publicKeySha256"));
                case Schemas.ARTEFACT_MANIFEST -> new ArtefactManifest(Fields.text(o, "artefactId"),
                        Fields.text(o, "kind"), Fields.text(o, "name"), Fields.integer(o, "size"),
                        Fields.smallInt(o, "chunkSize"), Fields.text(o, "sha256"), Fields.texts(o, "chunkSha256"),
                        Fields.optText(o, "signature"));
                case Schemas.ARTEFACT_CHUNK -> chunk(o, chunkData);
                case Schemas.FIX_APPROVED -> new FixApproved(Fields.text(o, "fixId"), Fields.text(o, "kind"),
                        Fields.text(o, "clip"), Fields.optText(o, "timecodeIn"), Fields.optText(o, "timecodeOut"),
                        Fields.strings(o, "parameters"), approval(Fields.object(o, "approval")),
                        Fields.optText(o, "artefactId"));
                case Schemas.FLAG_RAISED -> new FlagRaised(Fields.text(o, "flagId"), Fields.text(o, "kind"),
                        Fields.text(o, "severity"), Fields.text(o, "clip"), Fields.optText(o, "timecodeIn"),
                        Fields.optText(o, "timecodeOut"), Fields.text(o, "summary"),
                        Fields.numbers(o, "measurements"), Fields.texts(o, "evidence"));
                case Schemas.FLAG_DECIDED -> new FlagDecided(Fields.text(o, "flagId"), Fields.text(o, "decision"),
                        Fields.text(o, "decidedBy"), Fields.text(o, "role"), Fields.optText(o, "reason"));
                case Schemas.COVERAGE_REPORT -> new CoverageReport(Fields.text(o, "scene"),
                        Fields.smallInt(o, "plannedSetups"), Fields.smallInt(o, "coveredSetups"),
                        Fields.texts(o, "missing"), Fields.texts(o, "flagged"));
                case Schemas.APPLIANCE_STATUS -> new ApplianceStatus(Fields.text(o, "state"),
                        Fields.text(o, "softwareVersion"), Fields.smallInt(o, "outboxPending"),
                        Fields.integer(o, "diskFreeBytes"));
                case Schemas.DELIVERY_RECEIPT -> new DeliveryReceipt(Fields.text(o, "receivedMessageId"),
                        receiptStatus(Fields.text(o, "status")), Fields.optText(o, "detail"));
                default -> throw new IllegalStateException("unreachable: " + schema);
            };
        } catch (MalformedMessageException e) {
            throw new MalformedMessageException(schema + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException | NullPointerException | IndexOutOfBoundsException e) {
            throw new MalformedMessageException(schema + ": " + e.getMessage(), e);
        }
    }

    static boolean isKnown(String schema) {
        return switch (schema) {
            case Schemas.MODEL_VERSION_ANNOUNCED, Schemas.ARTEFACT_MANIFEST, Schemas.ARTEFACT_CHUNK,
                 Schemas.FIX_APPROVED, Schemas.FLAG_RAISED, Schemas.FLAG_DECIDED, Schemas.COVERAGE_REPORT,
                 Schemas.APPLIANCE_STATUS, Schemas.DELIVERY_RECEIPT -> true;
            default -> false;
        };
    }

    private static ArtefactChunk chunk(JsonObject o, byte[] data) {
        if (data == null) {
            throw new MalformedMessageException("an artefact chunk must arrive as a binary chunk frame, not plain JSON");
        }
        long length = Fields.integer(o, "length");
        if (length != data.length) {
            throw new MalformedMessageException("chunk header says " + length + " bytes but the frame carries "
                    + data.length);
        }
        return new ArtefactChunk(Fields.text(o, "artefactId"), Fields.smallInt(o, "index"), Fields.text(o, "sha256"),
                data);
    }

    private static DeliveryReceipt.Status receiptStatus(String s) {
        try {
            return DeliveryReceipt.Status.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("field 'status' has unknown value '" + s + "'", e);
        }
    }

    private static JsonObject approval(Approval a) {
        return JsonP.PROVIDER.createObjectBuilder().add("approvedBy", a.approvedBy()).add("role", a.role())
                .add("reason", a.reason()).add("approvedAt", a.approvedAt().toString()).build();
    }

    private static Approval approval(JsonObject o) {
        Instant at = Fields.instant(o, "approvedAt");
        return new Approval(Fields.text(o, "approvedBy"), Fields.text(o, "role"), Fields.text(o, "reason"), at);
    }

    private static jakarta.json.JsonValue nullable(String s) {
        return s == null ? jakarta.json.JsonValue.NULL : JsonP.PROVIDER.createValue(s);
    }

    private static JsonArrayBuilder array(Collection<String> values) {
        JsonArrayBuilder a = JsonP.PROVIDER.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }

    private static JsonObjectBuilder numbers(Map<String, Double> values) {
        JsonObjectBuilder b = JsonP.PROVIDER.createObjectBuilder();
        values.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> b.add(e.getKey(), e.getValue()));
        return b;
    }

    private static JsonObjectBuilder strings(Map<String, String> values) {
        JsonObjectBuilder b = JsonP.PROVIDER.createObjectBuilder();
        values.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> b.add(e.getKey(), e.getValue()));
        return b;
    }
}
