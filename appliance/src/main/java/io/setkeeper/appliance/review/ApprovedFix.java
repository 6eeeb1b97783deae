package io.setkeeper.appliance.review;

import io.setkeeper.protocol.messages.Approval;
import io.setkeeper.protocol.messages.FixApproved;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A fix that a person approved: the only form in which a fix can be exported or enqueued for post. It can only be
 * made inside this package, from an APPROVE decision on that very fix read from (or just appended to) the audit log.
 */
public final class ApprovedFix {
    private final Fix fix;
    private final Decision decision;

    private ApprovedFix(Fix fix, Decision decision) {
        this.fix = fix;
        this.decision = decision;
    }

    /** Pairs a fix with its approval; refuses any decision that is not an APPROVE of this fix. */
    static ApprovedFix of(Fix fix, Decision decision) {
        if (decision.subjectType() != Subject.Type.FIX || !decision.subjectId().equals(fix.id())) {
            throw new IllegalArgumentException("decision " + decision.id() + " is not about fix " + fix.id());
        }
        if (decision.decision() != Decision.Kind.APPROVE) {
            throw new IllegalArgumentException("fix " + fix.id() + " was not approved (" + decision.decision() + ")");
        }
        return new ApprovedFix(fix, decision);
    }

    public Fix fix() {
        return fix;
    }

    public Decision decision() {
        return decision;
    }

    /** The approval record as JSON (OTIO metadata {@code setkeeper.approval}, the export's approval field). */
    public JsonObject approvalJson() {
        JsonArrayBuilder ev = Json.createArrayBuilder();
        decision.evidence().forEach(ev::add);
        JsonObjectBuilder b = Json.createObjectBuilder().add("fixId", fix.id()).add("decisionId", decision.id())
                .add("approvedBy", decision.decidedBy()).add("role", decision.role().name())
                .add("reason", decision.reason()).add("approvedAt", decision.decidedAt().toString())
                .add("evidence", ev).add("auditSeq", decision.seq()).add("auditHash", decision.hash());
        if (decision.modelVersion() != null) {
            b.add("modelVersion", decision.modelVersion());
        } else {
            b.addNull("modelVersion");
        }
        return b.build();
    }

    /**
     * The protocol message that carries this approved fix to post. Besides the fix's parameters it carries
     * {@code approval.decisionId}, {@code approval.auditSeq} and {@code approval.auditHash}: the post side holds
     * a copy of the chain head at every approval, so a log cut back on the box is detectable from post.
     */
    public FixApproved toMessage() {
        String artefact = switch (fix) {
            case Fix.PlateFix p -> p.plateArtefact();
            case Fix.PatchFix p -> p.plateArtefact();
            case Fix.ReframeFix r -> r.cropPathArtefact();
            case Fix.CdlFix c -> null;
        };
        java.util.Map<String, String> parameters = new java.util.LinkedHashMap<>(fix.parameters());
        parameters.put("approval.decisionId", decision.id());
        parameters.put("approval.auditSeq", Long.toString(decision.seq()));
        parameters.put("approval.auditHash", decision.hash());
        JsonArrayBuilder evidence = Json.createArrayBuilder();
        decision.evidence().forEach(evidence::add);
        parameters.put("approval.evidence", evidence.build().toString());
        if (decision.modelVersion() != null) {
            parameters.put("approval.modelVersion", decision.modelVersion());
        }
        ClipRef t = fix.target();  // what post needs to export it (protocol.interchange.ApprovedFixes)
        parameters.put("target.reel", t.reel());
        parameters.put("target.scene", t.scene());
        parameters.put("target.take", t.take());
        parameters.put("target.circled", Boolean.toString(t.circled()));
        parameters.put("target.sourceIn", Long.toString(t.sourceIn()));
        parameters.put("target.sourceOut", Long.toString(t.sourceOut()));
        return new FixApproved(fix.id(), fix.kind(), fix.target().clip(), null, null, parameters,
                new Approval(decision.decidedBy(), decision.role().name(), decision.reason(), decision.decidedAt()),
                artefact);
    }
}
