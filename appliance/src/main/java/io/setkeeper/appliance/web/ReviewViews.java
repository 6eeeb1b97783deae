package io.setkeeper.appliance.web;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import io.setkeeper.appliance.review.AuditChain;
import io.setkeeper.appliance.review.Decision;
import io.setkeeper.appliance.review.FixJson;
import io.setkeeper.appliance.review.ProposedFix;
import io.setkeeper.appliance.review.ReviewException;
import io.setkeeper.appliance.review.User;
import io.setkeeper.appliance.store.StoreException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Optional;

/** JSON views of the approval gate's records, and the mapping of refusals to HTTP statuses. */
final class ReviewViews {
    private ReviewViews() {
    }

    static JsonObject user(User u) {
        return Json.createObjectBuilder().add("id", u.id()).add("name", u.name()).add("role", u.role().name())
                .add("createdAt", u.createdAt().toString()).build();
    }

    static JsonObject fix(ProposedFix p, Optional<Decision> decision) {
        JsonObjectBuilder b = Json.createObjectBuilder(FixJson.write(p.fix())).add("proposedBy", p.proposedBy())
                .add("proposedAt", p.proposedAt().toString())
                .add("status", decision.map(d -> d.decision().name()).orElse("PROPOSED"));
        if (p.modelVersion() != null) {
            b.add("modelVersion", p.modelVersion());
        }
        decision.ifPresent(d -> b.add("decision", decision(d)));
        return b.build();
    }

    static JsonObject decision(Decision d) {
        JsonArrayBuilder ev = Json.createArrayBuilder();
        d.evidence().forEach(ev::add);
        JsonObjectBuilder b = Json.createObjectBuilder().add("seq", d.seq()).add("id", d.id())
                .add("subjectType", d.subjectType().name()).add("subjectId", d.subjectId())
                .add("decision", d.decision().name()).add("decidedBy", d.decidedBy()).add("role", d.role().name())
                .add("decidedAt", d.decidedAt().toString()).add("reason", d.reason()).add("evidence", ev)
                .add("prevHash", d.prevHash()).add("hash", d.hash());
        if (d.modelVersion() == null) {
            b.addNull("modelVersion");
        } else {
            b.add("modelVersion", d.modelVersion());
        }
        return b.build();
    }

    static JsonObject verification(AuditChain.Verification v) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("ok", v.ok()).add("rows", v.rows());
        v.firstBadSeq().ifPresent(s -> b.add("firstBadSeq", s));
        if (!v.ok()) {
            b.add("problem", v.problem());
        } else {
            b.add("head", v.head());
        }
        return b.build();
    }

    /** Sends a refusal with its status; anything else is a 500 with the message. */
    static void fail(ServerResponse res, RuntimeException e) {
        if (e instanceof ReviewException r) {
            Status s = switch (r.kind()) {
                case INVALID -> Status.BAD_REQUEST_400;
                case UNAUTHENTICATED -> Status.UNAUTHORIZED_401;
                case FORBIDDEN -> Status.FORBIDDEN_403;
                case NOT_FOUND -> Status.NOT_FOUND_404;
                case CONFLICT, BROKEN_AUDIT -> Status.CONFLICT_409;
            };
            res.status(s).send(JsonViews.error(r.getMessage()));
        } else if (e instanceof StoreException) {
            res.status(Status.INTERNAL_SERVER_ERROR_500).send(JsonViews.error("store: " + e.getMessage()));
        } else {
            res.status(Status.BAD_REQUEST_400).send(JsonViews.error(e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }
}
