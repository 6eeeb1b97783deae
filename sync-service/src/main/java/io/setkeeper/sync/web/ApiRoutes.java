package io.setkeeper.sync.web;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.setkeeper.protocol.topics.Ids;
import io.setkeeper.sync.store.SyncStore;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The REST API for post teams: {@code GET /api/productions}, {@code /api/productions/{p}/appliances} (with last
 * contact), {@code /api/productions/{p}/messages?schema=&limit=} (received messages with their bodies),
 * {@code /api/productions/{p}/artefacts} and {@code /api/productions/{p}/artefacts/{id}/content} (verified bytes).
 */
public final class ApiRoutes {
    private final SyncStore store;

    public ApiRoutes(SyncStore store) {
        this.store = store;
    }

    /** Registers the routes. */
    public void register(HttpRouting.Builder routing) {
        routing.get("/api/productions", this::productions)
                .get("/api/productions/{p}/appliances", this::appliances)
                .get("/api/productions/{p}/messages", this::messages)
                .get("/api/productions/{p}/artefacts", this::artefacts)
                .get("/api/productions/{p}/artefacts/{a}/content", this::content);
    }

    private void productions(ServerRequest req, ServerResponse res) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (String p : store.productions()) {
            a.add(Json.createObjectBuilder().add("production", p).add("appliances", store.appliances(p).size()));
        }
        res.send(a.build());
    }

    private void appliances(ServerRequest req, ServerResponse res) {
        String p = production(req, res);
        if (p == null) {
            return;
        }
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (SyncStore.ApplianceContact c : store.appliances(p)) {
            a.add(Json.createObjectBuilder().add("appliance", c.appliance())
                    .add("lastContact", c.lastContact().toString()).add("messages", c.messages()));
        }
        res.send(a.build());
    }

    private void messages(ServerRequest req, ServerResponse res) {
        String p = production(req, res);
        if (p == null) {
            return;
        }
        String schema = req.query().first("schema").orElse(null);
        int limit;
        try {
            limit = Math.clamp(Integer.parseInt(req.query().first("limit").orElse("1000")), 1, 10_000);
        } catch (NumberFormatException e) {
            res.status(Status.BAD_REQUEST_400).send(error("limit must be a number"));
            return;
        }
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (SyncStore.Received r : store.messages(p, schema, limit)) {
            a.add(Json.createObjectBuilder().add("messageId", r.messageId()).add("appliance", r.appliance())
                    .add("schema", r.schema()).add("version", r.version()).add("time", r.sentAt().toString())
                    .add("receivedAt", r.receivedAt().toString())
                    .add("correlationId", r.correlationId() == null ? JsonValue.NULL
                            : Json.createValue(r.correlationId()))
                    .add("body", parse(r.body())));
        }
        res.send(a.build());
    }

    private void artefacts(ServerRequest req, ServerResponse res) {
        String p = production(req, res);
        if (p == null) {
            return;
        }
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (SyncStore.Artefact x : store.artefacts(p)) {
            a.add(Json.createObjectBuilder().add("artefactId", x.artefactId()).add("appliance", x.appliance())
                    .add("kind", x.kind()).add("name", x.name()).add("size", x.size()).add("sha256", x.sha256())
                    .add("status", x.status()).add("detail", x.detail() == null ? "" : x.detail())
                    .add("updatedAt", x.updatedAt().toString()));
        }
        res.send(a.build());
    }

    private void content(ServerRequest req, ServerResponse res) {
        String p = production(req, res);
        if (p == null) {
            return;
        }
        String id = req.path().pathParameters().get("a");
        var artefact = Ids.isValid(id) ? store.artefact(p, id) : java.util.Optional.<SyncStore.Artefact>empty();
        if (artefact.isEmpty() || !"verified".equals(artefact.get().status())) {
            res.status(Status.NOT_FOUND_404).send(error("no verified artefact '" + id + "' in " + p));
            return;
        }
        try {
            res.header("Content-Type", "application/octet-stream");
            res.send(Files.readAllBytes(Path.of(artefact.get().path())));
        } catch (java.io.IOException e) {
            res.status(Status.INTERNAL_SERVER_ERROR_500).send(error("cannot read the artefact: " + e.getMessage()));
        }
    }

    private static String production(ServerRequest req, ServerResponse res) {
        String p = req.path().pathParameters().get("p");
        if (!Ids.isValid(p)) {
            res.status(Status.BAD_REQUEST_400).send(error("invalid production id '" + p + "'"));
            return null;
        }
        return p;
    }

    private static JsonObject error(String message) {
        return Json.createObjectBuilder().add("error", message).build();
    }

    private static JsonValue parse(String json) {
        return Json.createReader(new StringReader(json)).readValue();
    }
}
