package io.setkeeper.appliance.web;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.setkeeper.appliance.review.ReviewException;
import io.setkeeper.appliance.review.Role;
import io.setkeeper.appliance.review.User;
import io.setkeeper.appliance.review.UserService;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/**
 * Users and tokens, ADMIN only (reads too): {@code GET/POST /api/users}, {@code POST /api/users/{id}/tokens},
 * {@code POST /api/users/{id}/revoke}; {@code GET /api/users/me} for any valid token. A token is shown once.
 */
final class UserRoutes implements HttpService {
    private final UserService users;
    private final Auth auth;

    UserRoutes(UserService users, Auth auth) {
        this.users = users;
        this.auth = auth.closed();
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any(auth::filter).get("/me", this::me).get("/", this::list).post("/", this::create)
                .post("/{id}/tokens", this::token).post("/{id}/revoke", this::revoke);
    }

    private void me(ServerRequest req, ServerResponse res) {
        try {
            res.send(ReviewViews.user(Auth.user(req)));
        } catch (RuntimeException e) {
            ReviewViews.fail(res, e);
        }
    }

    private void list(ServerRequest req, ServerResponse res) {
        try {
            admin(req);
            JsonArrayBuilder arr = Json.createArrayBuilder();
            users.users().forEach(u -> arr.add(ReviewViews.user(u)));
            res.send(arr.build());
        } catch (RuntimeException e) {
            ReviewViews.fail(res, e);
        }
    }

    private void create(ServerRequest req, ServerResponse res) {
        try {
            admin(req);
            JsonObject body = FixRoutes.body(req);
            UserService.Issued issued = users.create(body.getString("name", ""), Role.parse(body.getString("role",
                    "")));
            res.status(Status.CREATED_201).send(issued(issued));
        } catch (RuntimeException e) {
            ReviewViews.fail(res, e);
        }
    }

    private void token(ServerRequest req, ServerResponse res) {
        try {
            admin(req);
            String label = req.content().hasEntity() ? FixRoutes.body(req).getString("label", "") : "";
            res.status(Status.CREATED_201).send(issued(users.issueToken(req.path().pathParameters().get("id"),
                    label)));
        } catch (RuntimeException e) {
            ReviewViews.fail(res, e);
        }
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        try {
            admin(req);
            int n = users.revoke(req.path().pathParameters().get("id"));
            res.send(Json.createObjectBuilder().add("revoked", n).build());
        } catch (RuntimeException e) {
            ReviewViews.fail(res, e);
        }
    }

    private static void admin(ServerRequest req) {
        User u = Auth.user(req);
        if (!u.role().canAdminister()) {
            throw ReviewException.forbidden("user '" + u.name() + "' has role " + u.role()
                    + "; managing users needs ADMIN");
        }
    }

    private static JsonObject issued(UserService.Issued i) {
        return Json.createObjectBuilder().add("user", ReviewViews.user(i.user())).add("token", i.token())
                .add("note", "the token is shown once; only its hash is stored").build();
    }
}
