package io.setkeeper.appliance.web;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.setkeeper.appliance.store.ProductionStore;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/** Productions, their shoot days and cards: {@code /api/productions[/{id}[/days|/cards]]}. */
final class ProductionRoutes implements HttpService {
    private final ProductionStore store;

    ProductionRoutes(ProductionStore store) {
        this.store = store;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list).post("/", this::create).get("/{id}", this::one)
                .get("/{id}/days", this::days).get("/{id}/cards", this::cards);
    }

    private void list(ServerRequest req, ServerResponse res) {
        JsonArrayBuilder arr = Json.createArrayBuilder();
        store.productions().forEach(p -> arr.add(production(p)));
        res.send(arr.build());
    }

    private void create(ServerRequest req, ServerResponse res) {
        try {
            JsonObject body = req.content().as(JsonObject.class);
            String id = body.getString("id");
            if (!id.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
                throw new IllegalArgumentException("production id must be 1-64 letters, digits, '-' or '_'");
            }
            res.status(Status.CREATED_201).send(production(store.ensure(id, body.getString("name", id))));
        } catch (RuntimeException e) {
            res.status(Status.BAD_REQUEST_400).send(JsonViews.error(e.getMessage() == null
                    ? "body must be {\"id\": ..., \"name\": ...}" : e.getMessage()));
        }
    }

    private void one(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        store.production(id).ifPresentOrElse(p -> res.send(production(p)),
                () -> res.status(Status.NOT_FOUND_404).send(JsonViews.error("no production " + id)));
    }

    private void days(ServerRequest req, ServerResponse res) {
        JsonArrayBuilder arr = Json.createArrayBuilder();
        store.days(req.path().pathParameters().get("id")).forEach(d -> arr.add(Json.createObjectBuilder()
                .add("id", d.id()).add("date", d.date().toString()).add("label", d.label())));
        res.send(arr.build());
    }

    private void cards(ServerRequest req, ServerResponse res) {
        JsonArrayBuilder arr = Json.createArrayBuilder();
        store.cards(req.path().pathParameters().get("id")).forEach(c -> arr.add(JsonViews.card(c)));
        res.send(arr.build());
    }

    private static JsonObject production(ProductionStore.Production p) {
        return Json.createObjectBuilder().add("id", p.id()).add("name", p.name()).build();
    }
}
