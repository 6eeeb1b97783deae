package io.setkeeper.appliance.web;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.setkeeper.appliance.review.AuditChain;
import io.setkeeper.appliance.review.Decision;
import io.setkeeper.appliance.review.ReviewException;
import io.setkeeper.appliance.review.ReviewService;
import io.setkeeper.appliance.review.Subject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.Locale;

/**
 * Decisions and the audit log: {@code POST /api/decisions} (a deciding role's token),
 * {@code GET /api/audit} (the log in order) and {@code GET /api/audit/verify} (walks the hash chain).
 */
final class DecisionRoutes implements HttpService {
    private final ReviewService review;
    private final Auth auth;
    private final boolean audit;

    private DecisionRoutes(ReviewService review, Auth auth, boolean audit) {
        this.review = review;
        this.auth = auth;
        this.audit = audit;
    }

    static DecisionRoutes decisions(ReviewService review, Auth auth) {
        return new DecisionRoutes(review, auth, false);
    }

    static DecisionRoutes audit(ReviewService review, Auth auth) {
        return new DecisionRoutes(review, auth, true);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any(auth::filter);
        if (audit) {
            rules.get("/", this::log).get("/verify", this::verify);
        } else {
            rules.post("/", this::decide);
        }
    }

    private void decide(ServerRequest req, ServerResponse res) {
        try {
            var user = Auth.user(req);
            JsonObject body = FixRoutes.body(req);
            Subject.Type type = subjectType(body.getString("subjectType", ""));
            String subjectId = body.getString("subjectId", "");
            if (subjectId.isBlank()) {
                throw ReviewException.invalid("subjectId is required");
            }
            Decision d = review.decide(user, type, subjectId, body.getString("decision", ""),
                    body.getString("reason", ""));
            res.status(Status.CREATED_201).send(ReviewViews.decision(d));
        } catch (RuntimeException e) {
            ReviewViews.fail(res, e);
        }
    }

    private void log(ServerRequest req, ServerResponse res) {
        JsonArrayBuilder arr = Json.createArrayBuilder();
        review.audit().forEach(d -> arr.add(ReviewViews.decision(d)));
        res.send(arr.build());
    }

    private void verify(ServerRequest req, ServerResponse res) {
        AuditChain.Verification v = review.verify();
        res.status(v.ok() ? Status.OK_200 : Status.CONFLICT_409).send(ReviewViews.verification(v));
    }

    private static Subject.Type subjectType(String s) {
        try {
            return Subject.Type.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw ReviewException.invalid("subjectType must be FIX or FLAG, was '" + s + "'");
        }
    }
}
