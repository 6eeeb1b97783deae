package io.setkeeper.appliance.web;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.setkeeper.appliance.review.Fix;
import io.setkeeper.appliance.review.FixJson;
import io.setkeeper.appliance.review.ProposedFix;
import io.setkeeper.appliance.review.ReviewException;
import io.setkeeper.appliance.review.ReviewService;
import io.setkeeper.appliance.review.Subject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/** Proposed fixes: {@code GET /api/fixes}, {@code GET /api/fixes/{id}}, {@code POST /api/fixes} (DIT and up). */
final class FixRoutes implements HttpService {
    private final ReviewService review;
    private final Auth auth;

    FixRoutes(ReviewService review, Auth auth) {
        this.review = review;
        this.auth = auth;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any(auth::filter).get("/", this::list).post("/", this::propose).get("/{id}", this::one);
    }

    private void list(ServerRequest req, ServerResponse res) {
        JsonArrayBuilder arr = Json.createArrayBuilder();
        for (ProposedFix p : review.fixes()) {
            arr.add(ReviewViews.fix(p, review.decisionOn(Subject.Type.FIX, p.fix().id())));
        }
        res.send(arr.build());
    }

    private void propose(ServerRequest req, ServerResponse res) {
        try {
            var user = Auth.user(req);
            JsonObject body = body(req);
            Fix fix = FixJson.read(body);
            ProposedFix p = review.propose(user, fix, body.getString("modelVersion", null));
            res.status(Status.CREATED_201).send(ReviewViews.fix(p, java.util.Optional.empty()));
        } catch (RuntimeException e) {
            ReviewViews.fail(res, e);
        }
    }

    private void one(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        review.proposed(id).ifPresentOrElse(
                p -> res.send(ReviewViews.fix(p, review.decisionOn(Subject.Type.FIX, id))),
                () -> res.status(Status.NOT_FOUND_404).send(JsonViews.error("no fix '" + id + "'")));
    }

    static JsonObject body(ServerRequest req) {
        try {
            return req.content().as(JsonObject.class);
        } catch (RuntimeException e) {
            throw ReviewException.invalid("the body must be a JSON object");
        }
    }
}
