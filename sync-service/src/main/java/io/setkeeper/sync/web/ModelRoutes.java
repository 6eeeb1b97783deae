package io.setkeeper.sync.web;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.setkeeper.protocol.models.ModelBundle;
import io.setkeeper.protocol.topics.Ids;
import io.setkeeper.sync.store.ModelTables;
import io.setkeeper.sync.store.SyncStore;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Model versions for post: {@code GET /api/productions/{p}/models} (every announced version with its status and
 * lineage), {@code /models/{id}} (one, with its verified manifest and files) and {@code /models/{id}/files/{name}}
 * (a file's bytes, only from a verified version). A version's id is {@code {appliance}.{version}}.
 */
public final class ModelRoutes {
    private final SyncStore store;
    private final ModelTables models;

    public ModelRoutes(SyncStore store, ModelTables models) {
        this.store = store;
        this.models = models;
    }

    public void register(HttpRouting.Builder routing) {
        routing.get("/api/productions/{p}/models", this::list)
                .get("/api/productions/{p}/models/{m}", this::one)
                .get("/api/productions/{p}/models/{m}/files/{f}", this::file)
                .get("/api/productions/{p}/models/{m}/files/{d}/{f}", this::file);
    }

    private void list(ServerRequest req, ServerResponse res) {
        String p = req.path().pathParameters().get("p");
        if (!valid(p, "production", res)) {
            return;
        }
        JsonArrayBuilder a = Json.createArrayBuilder();
        models.versions(p).forEach(v -> a.add(summary(v)));
        res.send(a.build());
    }

    private void one(ServerRequest req, ServerResponse res) {
        Optional<ModelTables.ModelVersion> v = find(req, res);
        if (v.isEmpty()) {
            return;
        }
        JsonObjectBuilder b = summary(v.get());
        Optional<Map<String, byte[]>> files = bundle(v.get());
        if (files.isPresent()) {
            byte[] manifest = files.get().get(ModelBundle.MANIFEST);
            b.add("manifest", Json.createReader(new StringReader(new String(manifest,
                    java.nio.charset.StandardCharsets.UTF_8))).readObject());
            JsonArrayBuilder list = Json.createArrayBuilder();
            files.get().forEach((name, data) -> list.add(Json.createObjectBuilder().add("name", name)
                    .add("bytes", data.length).add("sha256", ModelBundle.sha256Hex(data))));
            b.add("files", list);
        }
        res.send(b.build());
    }

    private void file(ServerRequest req, ServerResponse res) {
        Optional<ModelTables.ModelVersion> v = find(req, res);
        if (v.isEmpty()) {
            return;
        }
        String folder = req.path().pathParameters().first("d").orElse(null);
        String name = (folder == null ? "" : folder + "/") + req.path().pathParameters().get("f");
        Optional<Map<String, byte[]>> files = bundle(v.get());
        byte[] data = files.map(f -> f.get(name)).orElse(null);
        if (data == null) {
            res.status(Status.NOT_FOUND_404).send(error(files.isEmpty()
                    ? "model " + v.get().id() + " is " + v.get().status() + ", not verified: nothing to download"
                    : "model " + v.get().id() + " has no file '" + name + "'"));
            return;
        }
        res.header("Content-Type", "application/octet-stream");
        res.send(data);
    }

    private Optional<ModelTables.ModelVersion> find(ServerRequest req, ServerResponse res) {
        String p = req.path().pathParameters().get("p");
        String id = req.path().pathParameters().get("m");
        if (!valid(p, "production", res)) {
            return Optional.empty();
        }
        Optional<ModelTables.ModelVersion> v = id.length() <= 200 ? models.version(p, id) : Optional.empty();
        if (v.isEmpty()) {
            res.status(Status.NOT_FOUND_404).send(error("no model version '" + id + "' in " + p));
        }
        return v;
    }

    /** The verified bundle's files, or empty if the version is not verified (yet or ever). */
    private Optional<Map<String, byte[]>> bundle(ModelTables.ModelVersion v) {
        Optional<SyncStore.Artefact> a = store.artefact(v.production(), v.artefactId());
        if (!"verified".equals(v.status()) || a.isEmpty() || !"verified".equals(a.get().status())) {
            return Optional.empty();
        }
        try {
            return Optional.of(ModelBundle.read(Path.of(a.get().path())));
        } catch (IOException | ModelBundle.RejectedException e) {
            return Optional.empty();
        }
    }

    private JsonObjectBuilder summary(ModelTables.ModelVersion v) {
        JsonObject announced = Json.createReader(new StringReader(v.announcement())).readObject();
        JsonArrayBuilder lineage = Json.createArrayBuilder();
        Set<String> seen = new HashSet<>();
        for (String parent = v.parent(); parent != null && seen.add(parent); ) {
            String parentId = v.appliance() + "." + parent;
            lineage.add(parentId);
            parent = models.version(v.production(), parentId).map(ModelTables.ModelVersion::parent).orElse(null);
        }
        return Json.createObjectBuilder().add("id", v.id()).add("appliance", v.appliance())
                .add("version", v.version())
                .add("parent", v.parent() == null ? JsonValue.NULL : Json.createValue(v.appliance() + "." + v.parent()))
                .add("lineage", lineage).add("status", v.status()).add("detail", v.detail() == null ? "" : v.detail())
                .add("artefactId", v.artefactId())
                .add("keyFingerprint", v.keyFingerprint() == null ? JsonValue.NULL : Json.createValue(v.keyFingerprint()))
                .add("announcedAt", v.announcedAt().toString())
                .add("trainedOnClips", announced.getJsonArray("trainedOnClips"))
                .add("metrics", announced.getJsonObject("metrics"));
    }

    private static boolean valid(String id, String what, ServerResponse res) {
        if (!Ids.isValid(id)) {
            res.status(Status.BAD_REQUEST_400).send(error("invalid " + what + " id '" + id + "'"));
            return false;
        }
        return true;
    }

    static JsonObject error(String message) {
        return Json.createObjectBuilder().add("error", message).build();
    }
}
