package io.setkeeper.appliance.modelsync;

import io.setkeeper.appliance.model.ModelService;
import io.setkeeper.appliance.model.ModelVersion;
import io.setkeeper.appliance.model.ModelVersions;
import io.setkeeper.appliance.model.VersionRejectedException;
import io.setkeeper.appliance.outbox.Outbox;
import io.setkeeper.protocol.messages.ModelVersionAnnounced;
import io.setkeeper.protocol.models.ModelBundle;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends every model version the box cuts to post: verifies the version on disk (a tampered one is not sent),
 * packs its files as a {@link ModelBundle} under {@code outgoing/}, signs the bundle's SHA-256 with the production's
 * Ed25519 key, and enqueues a {@link ModelVersionAnnounced} (lineage, clips, metrics, the public key and its
 * fingerprint) and the bundle as an artefact (manifest + chunks). A marker file records that a version is in the
 * outbox; at start every version without one is sent (a crash between cut and enqueue loses nothing; sending twice
 * is harmless: post keys versions by id and artefacts by their content-derived id).
 */
public final class ModelShipper {
    private static final Logger LOG = Logger.getLogger(ModelShipper.class.getName());
    /** Chunk size of model artefacts: 1 MiB. */
    public static final int CHUNK = 1024 * 1024;
    /** The artefact kind of model bundles. */
    public static final String KIND = "model-bundle";

    /** What was enqueued for a version. */
    public record Shipped(String version, String artefactId, String announcementId, String manifestMessageId) {
    }

    private final ModelService model;
    private final Outbox outbox;
    private final Path outgoing;

    public ModelShipper(ModelService model, Outbox outbox, Path outgoing) {
        this.model = model;
        this.outbox = outbox;
        this.outgoing = outgoing;
    }

    /** Sends the versions not sent yet, then every version as it is cut. */
    public static ModelShipper attach(ModelService model, Outbox outbox, Path outgoing) {
        ModelShipper shipper = new ModelShipper(model, outbox, outgoing);
        shipper.shipPending();
        model.onCut(shipper::shipQuietly);
        return shipper;
    }

    /** Sends every recorded version without a marker; returns how many were enqueued. */
    public int shipPending() {
        int n = 0;
        for (ModelVersion v : model.history()) {
            n += shipQuietly(v) ? 1 : 0;
        }
        return n;
    }

    private boolean shipQuietly(ModelVersion v) {
        try {
            return ship(v).isPresent();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "model version " + v.id() + " could not be queued for post; it is tried again at "
                    + "the next start", e);
            return false;
        }
    }

    /** Enqueues one version unless it was already; empty if it was (or if the box refuses it as tampered). */
    public synchronized Optional<Shipped> ship(ModelVersion v) throws IOException {
        Path marker = outgoing.resolve(v.id() + ".queued");
        if (Files.exists(marker)) {
            return Optional.empty();
        }
        ModelVersions.Opened opened;
        try {
            opened = model.versions().open(v.id());
        } catch (VersionRejectedException e) {
            LOG.severe(() -> "not sending model version " + v.id() + " to post: " + e.getMessage());
            return Optional.empty();
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : List.of(ModelBundle.MANIFEST, ModelBundle.SIGNATURE)) {
            files.put(name, Files.readAllBytes(v.dir().resolve(name)));
        }
        for (String name : opened.manifest().getJsonObject("files").keySet()) {
            files.put(name, Files.readAllBytes(v.dir().resolve(name)));
        }
        byte[] bundle = ModelBundle.write(files);
        String sha = ModelBundle.sha256Hex(bundle);
        String artefactId = "model-" + v.id() + "-" + sha.substring(0, 12);
        Path file = outgoing.resolve(artefactId + ".skmodel");
        Files.createDirectories(outgoing);
        if (!Files.exists(file)) {
            Path tmp = outgoing.resolve("." + artefactId + ".tmp");
            Files.write(tmp, bundle);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        byte[] publicKey = model.versions().key().publicKey();
        String signature = Base64.getEncoder().encodeToString(
                model.versions().key().sign(sha.getBytes(StandardCharsets.US_ASCII)));
        JsonObject manifest = opened.manifest();
        ModelVersionAnnounced announced = new ModelVersionAnnounced(v.id(), v.parent(), clips(manifest),
                metrics(manifest), artefactId, Base64.getEncoder().encodeToString(publicKey),
                ModelBundle.fingerprint(publicKey));
        Outbox.Enqueued a = outbox.enqueue(announced, null, null);
        if (!a.stored()) {
            throw new IOException("the outbox refused the announcement of " + v.id() + ": " + a.admission());
        }
        String manifestId = outbox.enqueueArtefact(file, artefactId, KIND, CHUNK, signature);
        Files.writeString(marker, artefactId + "\n");
        LOG.info(() -> "model version " + v.id() + " queued for post as " + artefactId + " (" + bundle.length
                + " bytes)");
        return Optional.of(new Shipped(v.id(), artefactId, a.messageId(), manifestId));
    }

    private static List<String> clips(JsonObject manifest) {
        return manifest.getJsonArray("clips") == null ? List.of()
                : manifest.getJsonArray("clips").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .toList();
    }

    /** The manifest's numeric metrics; {@code {mean, sd}} pairs become {@code name.mean} and {@code name.sd}. */
    static Map<String, Double> metrics(JsonObject manifest) {
        Map<String, Double> out = new LinkedHashMap<>();
        JsonObject m = manifest.getJsonObject("metrics");
        if (m == null) {
            return out;
        }
        m.forEach((name, value) -> {
            if (value instanceof JsonNumber n) {
                out.put(name, n.doubleValue());
            } else if (value.getValueType() == JsonValue.ValueType.OBJECT) {
                value.asJsonObject().forEach((k, inner) -> {
                    if (inner instanceof JsonNumber n) {
                        out.put(name + "." + k, n.doubleValue());
                    }
                });
            }
        });
        return out;
    }
}
