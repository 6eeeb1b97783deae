package io.setkeeper.sync.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.setkeeper.sync.auth.ApiTokens;
import io.setkeeper.sync.auth.Role;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.util.Optional;

/**
 * Every {@code /api/**} request needs {@code Authorization: Bearer <token>} (401 without a known token); viewers
 * read, admins also manage tokens (403 for a viewer): {@code GET /api/tokens} (names and roles, never the tokens),
 * {@code POST /api/tokens} {@code {"name":..,"role":"viewer"|"admin"}} (201 with the token, shown once),
 * {@code DELETE /api/tokens/{name}}. {@code /observe/health} stays open.
 */
public final class TokenRoutes {
    private final ApiTokens tokens;

    public TokenRoutes(ApiTokens tokens) {
        this.tokens = tokens;
    }

    public void register(HttpRouting.Builder routing) {
        routing.addFilter((chain, req, res) -> {
            String path = req.path().path();
            if (!path.startsWith("/api/") && !path.equals("/api")) {
                chain.proceed();
                return;
            }
            Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION).map(String::strip);
            Optional<Role> role = header.filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                    .flatMap(h -> tokens.authenticate(h.substring(7)));
            if (role.isEmpty()) {
                res.status(Status.UNAUTHORIZED_401).header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"setkeeper-post\"")
                        .header(HeaderNames.CONTENT_TYPE, "application/json")
                        .send(ModelRoutes.error(header.isEmpty() ? "this request needs 'Authorization: Bearer <token>'"
                                : "unknown or revoked token").toString());
                return;
            }
            if (path.startsWith("/api/tokens") && role.get() != Role.ADMIN) {
                res.status(Status.FORBIDDEN_403).header(HeaderNames.CONTENT_TYPE, "application/json")
                        .send(ModelRoutes.error("managing tokens needs an admin token").toString());
                return;
            }
            chain.proceed();
        });
        routing.get("/api/tokens", this::list).post("/api/tokens", this::create)
                .delete("/api/tokens/{name}", this::revoke);
    }

    private void list(ServerRequest req, ServerResponse res) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        tokens.table().all().forEach(t -> a.add(Json.createObjectBuilder().add("name", t.name()).add("role", t.role())
                .add("createdAt", t.createdAt().toString())));
        res.send(a.build());
    }

    private void create(ServerRequest req, ServerResponse res) {
        try {
            JsonObject body = req.content().as(JsonObject.class);
            ApiTokens.Issued issued = tokens.issue(body.getString("name", null),
                    Role.parse(body.getString("role", "viewer")));
            res.status(Status.CREATED_201).send(Json.createObjectBuilder().add("name", issued.name())
                    .add("role", issued.role().label()).add("token", issued.token()).build());
        } catch (IllegalStateException e) {
            res.status(Status.CONFLICT_409).send(ModelRoutes.error(e.getMessage()));
        } catch (RuntimeException e) {
            res.status(Status.BAD_REQUEST_400).send(ModelRoutes.error("cannot create the token: " + e.getMessage()));
        }
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        if (tokens.table().delete(req.path().pathParameters().get("name"))) {
            res.status(Status.NO_CONTENT_204).send();
        } else {
            res.status(Status.NOT_FOUND_404).send(ModelRoutes.error("no token named '"
                    + req.path().pathParameters().get("name") + "'"));
        }
    }
}
