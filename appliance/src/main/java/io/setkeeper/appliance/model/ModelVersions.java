package io.setkeeper.appliance.model;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Immutable, signed versions of one production's model under {@code root/versions/<id>/}: cutting writes the
 * ONNX heads, the learner state and the manifest (with the files' SHA-256) and signs the manifest with the
 * production's Ed25519 key; opening verifies the signature and every hash before anything is used.
 */
public final class ModelVersions {
    static final String ONNX = "heads.onnx";
    static final String STATE = "state.bin";
    static final String MANIFEST = "manifest.json";
    static final String SIGNATURE = "manifest.sig";
    static final String PLATES = "plates/";
    private final Path root;
    private final ProductionKey key;
    private final Clock clock;

    /** Versions under {@code root} (e.g. dataDir/model/&lt;production&gt;), key in root/keys. */
    public ModelVersions(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
        this.key = ProductionKey.openOrCreate(root.resolve("keys"));
    }

    public ProductionKey key() {
        return key;
    }

    /** Writes a new version of the model with sequence number {@code seq} (id "v" + seq) and its parent. */
    public ModelVersion cut(ProductionModel model, long seq, String parent, String reason) {
        String id = "v" + seq;
        Path dir = root.resolve("versions").resolve(id);
        if (Files.exists(dir)) {
            throw new IllegalStateException("version " + id + " already exists in " + dir + ": versions are immutable");
        }
        Instant at = clock.instant();
        Heads heads = model.heads();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("production", model.production());
        meta.put("version", id);
        meta.put("characters", String.join(",", heads.characters()));
        meta.put("setups", String.join(",", heads.setups()));
        byte[] onnx = OnnxExport.write(heads, seq, meta);
        byte[] state = ModelCodec.write(model);
        Map<String, String> hashes = new LinkedHashMap<>();
        Map<String, Long> sizes = new LinkedHashMap<>();
        hashes.put(ONNX, sha256(onnx));
        sizes.put(ONNX, (long) onnx.length);
        hashes.put(STATE, sha256(state));
        sizes.put(STATE, (long) state.length);
        Map<String, byte[]> plateFiles = new LinkedHashMap<>();
        Map<String, String> plateNames = new LinkedHashMap<>();
        for (String setup : model.plates.setups()) {
            String name = fileName(setup, plateNames.values());
            plateNames.put(setup, name);
            Plates.Image image = model.plates.image(setup).orElseThrow();
            plateFiles.put(PLATES + name + ".png", PlatePng.plate(image));
            plateFiles.put(PLATES + name + ".coverage.png", PlatePng.coverage(image));
        }
        plateFiles.forEach((name, bytes) -> {
            hashes.put(name, sha256(bytes));
            sizes.put(name, (long) bytes.length);
        });
        JsonObject manifest = Manifest.build(model, id, seq, parent, at, reason == null ? "" : reason, hashes, sizes,
                sha256(key.publicKey()), plateNames);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try (var w = Json.createWriter(json)) {
            w.writeObject(manifest);
        }
        byte[] manifestBytes = json.toByteArray();
        byte[] sig = key.sign(manifestBytes);
        try {
            Path tmp = Files.createDirectories(root.resolve("versions")).resolve("." + id + ".tmp");
            Files.createDirectories(tmp);
            Files.write(tmp.resolve(ONNX), onnx);
            Files.write(tmp.resolve(STATE), state);
            if (!plateFiles.isEmpty()) {
                Files.createDirectories(tmp.resolve(PLATES));
            }
            for (Map.Entry<String, byte[]> e : plateFiles.entrySet()) {
                Files.write(tmp.resolve(e.getKey()), e.getValue());
            }
            Files.write(tmp.resolve(MANIFEST), manifestBytes);
            Files.writeString(tmp.resolve(SIGNATURE), Base64.getEncoder().encodeToString(sig));
            Files.move(tmp, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write version " + id + " to " + dir, e);
        }
        return new ModelVersion(model.production(), id, seq, parent, at, reason, dir, sha256(manifestBytes),
                hashes.get(ONNX), Base64.getEncoder().encodeToString(sig));
    }

    /** A verified version and its learner state. */
    public record Opened(ModelVersion version, JsonObject manifest, ProductionModel model) {
    }

    /** Opens a version after checking its signature and hashes; refuses it with a clear error otherwise. */
    public Opened open(String id) {
        Path dir = root.resolve("versions").resolve(id);
        if (!id.matches("v[0-9]+") || !Files.isDirectory(dir)) {
            throw new VersionRejectedException("model version " + id + " does not exist under " + root.resolve("versions"));
        }
        try {
            byte[] manifestBytes = Files.readAllBytes(dir.resolve(MANIFEST));
            byte[] sig;
            try {
                sig = Base64.getDecoder().decode(Files.readString(dir.resolve(SIGNATURE)).trim());
            } catch (IllegalArgumentException e) {
                throw new VersionRejectedException("model version " + id + ": " + SIGNATURE + " is not base64");
            }
            if (!key.verify(manifestBytes, sig)) {
                throw new VersionRejectedException("model version " + id + ": the manifest signature does not verify with "
                        + "this production's Ed25519 key; refusing a tampered or foreign manifest");
            }
            JsonObject manifest;
            try (JsonReader r = Json.createReader(new StringReader(new String(manifestBytes, StandardCharsets.UTF_8)))) {
                manifest = r.readObject();
            }
            JsonObject files = manifest.getJsonObject("files");
            Map<String, byte[]> content = new LinkedHashMap<>();
            for (String name : files.keySet()) {
                if (!name.equals(ONNX) && !name.equals(STATE) && !name.matches("plates/[A-Za-z0-9._-]+\\.png")) {
                    throw new VersionRejectedException("model version " + id + ": the manifest lists an unexpected file " + name);
                }
                byte[] bytes = Files.readAllBytes(dir.resolve(name));
                String expected = files.getJsonObject(name).getString("sha256");
                String actual = sha256(bytes);
                if (!actual.equals(expected)) {
                    throw new VersionRejectedException("model version " + id + ": " + name + " has SHA-256 " + actual
                            + " but the signed manifest says " + expected + "; refusing a changed or tampered file");
                }
                content.put(name, bytes);
            }
            if (!content.containsKey(ONNX) || !content.containsKey(STATE)) {
                throw new VersionRejectedException("model version " + id + ": the manifest lists no " + ONNX + " or " + STATE);
            }
            ProductionModel model = ModelCodec.read(content.get(STATE), clock);
            Manifest.restorePlates(manifest, content, model.plates);
            ModelVersion v = new ModelVersion(manifest.getString("production"), id, manifest.getJsonNumber("seq").longValue(),
                    manifest.containsKey("parent") ? manifest.getString("parent") : null,
                    Instant.parse(manifest.getString("createdAt")), manifest.getString("reason"), dir,
                    sha256(manifestBytes), files.getJsonObject(ONNX).getString("sha256"), Base64.getEncoder().encodeToString(sig));
            return new Opened(v, manifest, model);
        } catch (IOException e) {
            throw new VersionRejectedException("model version " + id + ": cannot read its files: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof VersionRejectedException) {
                throw e;
            }
            throw new VersionRejectedException("model version " + id + ": unreadable: " + e.getMessage(), e);
        }
    }

    /** A file name for a setup's plate: the setup with unsafe characters replaced, unique within the version. */
    static String fileName(String setup, java.util.Collection<String> taken) {
        String base = setup.replaceAll("[^A-Za-z0-9_-]", "_");
        String name = base.isEmpty() ? "setup" : base;
        for (int i = 2; taken.contains(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
