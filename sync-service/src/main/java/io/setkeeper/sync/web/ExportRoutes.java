package io.setkeeper.sync.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.setkeeper.protocol.codec.JsonCodec;
import io.setkeeper.protocol.interchange.ApprovedFixes;
import io.setkeeper.protocol.interchange.ExportFormat;
import io.setkeeper.protocol.messages.FixApproved;
import io.setkeeper.protocol.messages.Schemas;
import io.setkeeper.protocol.topics.Ids;
import io.setkeeper.sync.store.SyncStore;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.util.Comparator;
import java.util.List;

/**
 * Approved fixes at post and their interchange exports: {@code GET /api/productions/{p}/fixes} (every approved fix
 * received, with its approval record and audit link) and {@code GET /api/productions/{p}/exports/{format}}
 * ({@code cdl}, {@code ccc}, {@code ale}, {@code edl}, {@code otio}; {@code ?fps=25&dropFrame=false&title=}) rendered
 * by {@code protocol.interchange.ApprovedFixes}, the code the appliance renders its own exports with.
 */
public final class ExportRoutes {
    private static final int MAX_FIXES = 100_000;
    private final SyncStore store;
    private final JsonCodec codec = new JsonCodec();

    public ExportRoutes(SyncStore store) {
        this.store = store;
    }

    public void register(HttpRouting.Builder routing) {
        routing.get("/api/productions/{p}/fixes", this::fixes)
                .get("/api/productions/{p}/exports/{format}", this::export);
    }

    /** A received fix: the message and where it came from. */
    private record Received(SyncStore.Received row, FixApproved fix) {
    }

    /** The approved fixes of a production in approval order (time, then audit sequence). */
    private List<Received> approved(String production) {
        return store.messages(production, Schemas.FIX_APPROVED, MAX_FIXES).stream().map(r -> {
            JsonObject envelope = Json.createObjectBuilder().add("schema", r.schema()).add("version", r.version())
                    .add("messageId", r.messageId()).add("production", r.production())
                    .add("appliance", r.appliance()).add("time", r.sentAt().toString()).addNull("correlationId")
                    .add("body", Json.createReader(new StringReader(r.body())).readObject()).build();
            return new Received(r, (FixApproved) codec.fromJson(envelope, null).body());
        }).sorted(Comparator.comparing((Received x) -> x.fix().approval().approvedAt())
                .thenComparingLong(x -> Long.parseLong(x.fix().parameters().getOrDefault("approval.auditSeq", "0"))))
                .toList();
    }

    private void fixes(ServerRequest req, ServerResponse res) {
        String p = req.path().pathParameters().get("p");
        if (!Ids.isValid(p)) {
            res.status(Status.BAD_REQUEST_400).send(ModelRoutes.error("invalid production id '" + p + "'"));
            return;
        }
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (Received r : approved(p)) {
            FixApproved f = r.fix();
            a.add(Json.createObjectBuilder().add("fixId", f.fixId()).add("kind", f.kind()).add("clip", f.clip())
                    .add("appliance", r.row().appliance()).add("messageId", r.row().messageId())
                    .add("receivedAt", r.row().receivedAt().toString())
                    .add("parameters", Json.createObjectBuilder(new java.util.TreeMap<String, Object>(f.parameters())))
                    .add("approval", ApprovedFixes.approvalJson(f))
                    .add("artefactId", f.artefactId() == null ? jakarta.json.JsonValue.NULL
                            : Json.createValue(f.artefactId())));
        }
        res.send(a.build());
    }

    private void export(ServerRequest req, ServerResponse res) {
        String p = req.path().pathParameters().get("p");
        if (!Ids.isValid(p)) {
            res.status(Status.BAD_REQUEST_400).send(ModelRoutes.error("invalid production id '" + p + "'"));
            return;
        }
        ExportFormat format;
        try {
            format = ExportFormat.parse(req.path().pathParameters().get("format"));
        } catch (IllegalArgumentException e) {
            res.status(Status.NOT_FOUND_404).send(ModelRoutes.error(e.getMessage()));
            return;
        }
        try {
            int fps = Integer.parseInt(req.query().first("fps").orElse("25"));
            boolean dropFrame = Boolean.parseBoolean(req.query().first("dropFrame").orElse("false"));
            String title = req.query().first("title").orElse(p + " approved fixes");
            String text = ApprovedFixes.render(format, title, fps, dropFrame,
                    approved(p).stream().map(Received::fix).toList());
            res.header(HeaderNames.CONTENT_TYPE, format.contentType() + "; charset=UTF-8")
                    .header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + p + "." + format.extension()
                            + "\"").send(text);
        } catch (IllegalArgumentException e) {
            res.status(Status.BAD_REQUEST_400).send(ModelRoutes.error("cannot export: " + e.getMessage()));
        }
    }
}
