package io.setkeeper.appliance.web;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.setkeeper.appliance.store.OutboxRow;
import io.setkeeper.appliance.store.OutboxStore;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * {@code GET /api/sync} (read-only): what the outbox holds for post: queued, published (no receipt yet),
 * confirmed, dropped, and the last five receipts and drops. Read from the outbox table, which is the source of truth.
 */
final class SyncRoutes implements HttpService {
    private static final int LAST = 5;

    private final OutboxStore outbox;
    private final boolean publishing;

    SyncRoutes(OutboxStore outbox, boolean publishing) {
        this.outbox = outbox;
        this.publishing = publishing;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::state);
    }

    private void state(ServerRequest req, ServerResponse res) {
        List<OutboxRow> rows = outbox.all();
        long dropped = rows.stream().filter(r -> r.dropped() != null).count();
        long confirmed = rows.stream().filter(r -> r.dropped() == null && r.confirmed() != null).count();
        long published = rows.stream().filter(r -> r.dropped() == null && r.confirmed() == null
                && r.published() != null).count();
        res.send(Json.createObjectBuilder().add("publishing", publishing)
                .add("queued", rows.size() - dropped - confirmed - published).add("published", published)
                .add("confirmed", confirmed).add("dropped", dropped)
                .add("lastConfirmed", last(rows, OutboxRow::confirmed, OutboxRow::receiptStatus))
                .add("lastDropped", last(rows, OutboxRow::dropped, OutboxRow::dropReason)).build());
    }

    private static JsonArrayBuilder last(List<OutboxRow> rows, Function<OutboxRow, Instant> at,
                                         Function<OutboxRow, String> detail) {
        JsonArrayBuilder arr = Json.createArrayBuilder();
        rows.stream().filter(r -> at.apply(r) != null).sorted(Comparator.comparing(at).reversed()).limit(LAST)
                .forEach(r -> {
                    JsonObjectBuilder o = Json.createObjectBuilder().add("messageId", r.messageId())
                            .add("schema", r.schema()).add("at", at.apply(r).toString());
                    if (detail.apply(r) != null) {
                        o.add("detail", detail.apply(r));
                    }
                    arr.add(o);
                });
        return arr;
    }
}
