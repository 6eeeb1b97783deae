package io.setkeeper.sync.intake;

import io.setkeeper.protocol.codec.JsonCodec;
import io.setkeeper.protocol.codec.MalformedMessageException;
import io.setkeeper.protocol.envelope.Envelope;
import io.setkeeper.protocol.messages.ArtefactChunk;
import io.setkeeper.protocol.messages.ArtefactManifest;
import io.setkeeper.protocol.messages.DeliveryReceipt;
import io.setkeeper.protocol.topics.Topic;
import io.setkeeper.protocol.topics.TopicScheme;
import io.setkeeper.sync.store.SyncStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.security.PublicKey;
import java.nio.file.Path;
import io.setkeeper.protocol.messages.ModelVersionAnnounced;
import io.setkeeper.protocol.models.ModelBundle;
import io.setkeeper.protocol.signing.ArtefactSignature;
import io.setkeeper.sync.models.Trust;
import io.setkeeper.sync.store.ModelTables;
import java.util.ArrayList;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Handles one message from the broker: decodes it, ignores repeats by message id, stores it, stores artefact chunks
 * and reassembles and verifies an artefact once all its chunks and its manifest are there, and says which delivery
 * receipts to send back. A malformed payload is logged and skipped; it never stops the next one.
 */
public final class Intake {
    private static final Logger LOG = Logger.getLogger(Intake.class.getName());
    private static final String MODEL = "model-bundle";  // a ModelBundle (ModelShipper); plain "model" bytes are hash-checked only
    private static final String AWAITING_KEY = "awaiting-key";

    /** A receipt to publish on a topic. */
    public record Reply(String topic, byte[] payload, DeliveryReceipt receipt) {
    }

    private final SyncStore store;
    private final ArtefactFiles files;
    private final JsonCodec codec;
    private final TopicScheme scheme;
    private final String instance;
    private final Clock clock;
    private final Trust trust;
    private final ModelTables models;

    /** @param instance this sync-service instance's id, for logs (receipts carry the production and appliance they answer) */
    public Intake(SyncStore store, ArtefactFiles files, JsonCodec codec, TopicScheme scheme, String instance,
                  Trust trust, ModelTables models, Clock clock) {
        this.trust = trust;
        this.models = models;
        this.store = store;
        this.files = files;
        this.codec = codec;
        this.scheme = scheme;
        this.instance = instance;
        this.clock = clock;
    }

    /** Handles one payload that arrived on {@code topic}; returns the receipts to send. */
    public List<Reply> handle(String topic, byte[] payload) {
        Envelope e;
        Topic t;
        try {
            t = scheme.parse(topic);
            e = codec.decode(payload);
        } catch (MalformedMessageException | IllegalArgumentException ex) {
            LOG.warning(() -> "skipping a malformed message on " + topic + ": " + ex.getMessage());
            return List.of();
        }
        if (e.body() instanceof DeliveryReceipt) {
            return List.of();  // our own receipts come back through the wildcard subscription
        }
        if (!t.production().equals(e.production()) || !t.appliance().equals(e.appliance())) {
            return List.of(reply(e, DeliveryReceipt.Status.REJECTED, "topic " + topic + " does not match envelope "
                    + e.production() + "/" + e.appliance()));
        }
        Instant now = clock.instant();
        store.touch(e.production(), e.appliance(), now);
        try {
            return switch (e.body()) {
                case ArtefactChunk c -> chunk(e, c, now);
                case ArtefactManifest m -> manifest(e, m, now);
                case ModelVersionAnnounced a -> announced(e, a, topic, now);
                default -> List.of(reply(e, store.insertIfNew(received(e, topic, now))
                        ? DeliveryReceipt.Status.STORED : DeliveryReceipt.Status.DUPLICATE, ""));
            };
        } catch (IOException ex) {
            LOG.warning(() -> "cannot store artefact bytes of " + e.messageId() + ": " + ex.getMessage());
            return List.of();  // no receipt: the appliance sends it again
        }
    }

    private List<Reply> chunk(Envelope e, ArtefactChunk c, Instant now) throws IOException {
        String actual = ArtefactFiles.sha256Hex(c.data());
        if (!actual.equals(c.sha256())) {
            // not recorded as received: a good copy sent again is still welcome
            return List.of(reply(e, DeliveryReceipt.Status.REJECTED, "chunk " + c.index() + " of " + c.artefactId()
                    + " has SHA-256 " + actual + ", header says " + c.sha256()));
        }
        files.putChunk(e.production(), c.artefactId(), c.index(), c.data());
        boolean fresh = store.insertIfNew(received(e, scheme.topicFor(e), now));
        Reply chunkReply = reply(e, fresh ? DeliveryReceipt.Status.STORED : DeliveryReceipt.Status.DUPLICATE, "");
        return concat(chunkReply, complete(e.production(), c.artefactId(), now));
    }

    private List<Reply> manifest(Envelope e, ArtefactManifest m, Instant now) throws IOException {
        store.insertIfNew(received(e, scheme.topicFor(e), now));
        String json = new String(codec.encode(e), StandardCharsets.UTF_8);
        SyncStore.Artefact a = store.registerArtefact(new SyncStore.Artefact(e.production(), m.artefactId(),
                e.appliance(), e.messageId(), m.kind(), m.name(), m.size(), m.sha256(), "receiving", null, null, now),
                json);
        if (!a.status().equals("receiving")) {
            // a repeated manifest after the artefact was finished: repeat the verdict
            return List.of(manifestVerdict(e.production(), e.appliance(), a.manifestMessageId(), a.status(),
                    a.detail()));
        }
        return complete(e.production(), m.artefactId(), now).map(List::of).orElse(List.of());
    }

    private Optional<Reply> complete(String production, String artefactId, Instant now) throws IOException {
        Optional<String> json = store.manifestJson(production, artefactId);
        if (json.isEmpty()) {
            return Optional.empty();  // chunks came before their manifest: wait for it
        }
        Envelope head = codec.decode(json.get().getBytes(StandardCharsets.UTF_8));
        ArtefactManifest m = (ArtefactManifest) head.body();
        if (files.present(production, m) < m.chunkCount()) {
            return Optional.empty();
        }
        ArtefactFiles.Assembly assembled = files.assemble(production, m);
        Optional<PublicKey> key = trust.key(production);
        if (assembled.verified() && key.isEmpty() && MODEL.equals(m.kind())) {
            // a model is only ever verified with a key: keep the bytes until the announcement brings one
            store.finishArtefact(production, artefactId, AWAITING_KEY, "waiting for production " + production
                    + "'s public key (provisioned, or pinned from the model announcement)",
                    assembled.file().toString(), now);
            return Optional.empty();
        }
        ArtefactFiles.Assembly result = assembled.verified() ? signed(production, m, assembled.file(),
                key.orElse(null)) : assembled;
        String status = result.verified() ? "verified" : "rejected";
        if (!store.finishArtefact(production, artefactId, status, result.detail(),
                result.file() == null ? null : result.file().toString(), now)) {
            return Optional.empty();
        }
        return Optional.of(settled(production, head, m, status, result.detail()));
    }

    private Reply settled(String production, Envelope head, ArtefactManifest m, String status, String detail) {
        if (status.equals("rejected")) {
            LOG.warning(() -> "artefact " + m.artefactId() + " of " + production + " refused: " + detail);
        }
        if (MODEL.equals(m.kind())) {
            models.settle(production, m.artefactId(), status, detail);
        }
        return manifestVerdict(production, head.appliance(), head.messageId(), status, detail);
    }

    /**
     * A model announcement: its key is admitted (pinned at first contact) or the announcement is refused and
     * reported; model artefacts that waited for the key are verified now.
     */
    private List<Reply> announced(Envelope e, ModelVersionAnnounced a, String topic, Instant now) throws IOException {
        boolean fresh = store.insertIfNew(received(e, topic, now));
        Optional<String> problem = trust.admit(e.production(), a.publicKey(), a.publicKeySha256());
        String status = problem.isPresent() ? "rejected" : store.artefact(e.production(), a.artefactId())
                .map(SyncStore.Artefact::status).filter(s -> !s.equals(AWAITING_KEY)).orElse("receiving");
        String detail = problem.orElse(store.artefact(e.production(), a.artefactId())
                .map(SyncStore.Artefact::detail).orElse(""));
        String body = codec.header(e).getJsonObject("body").toString();
        models.announce(new ModelTables.ModelVersion(e.production(), e.appliance() + "." + a.modelVersion(),
                e.appliance(), a.modelVersion(), a.parentVersion(), a.artefactId(), a.publicKeySha256(), status,
                detail, now, body));
        List<Reply> out = new ArrayList<>();
        if (problem.isPresent()) {
            LOG.warning(() -> "model " + a.modelVersion() + " of " + e.production() + "/" + e.appliance()
                    + " refused: " + problem.get());
            out.add(reply(e, DeliveryReceipt.Status.REJECTED, problem.get()));
        } else {
            out.add(reply(e, fresh ? DeliveryReceipt.Status.STORED : DeliveryReceipt.Status.DUPLICATE, ""));
        }
        Optional<PublicKey> key = trust.key(e.production());
        if (key.isPresent()) {
            for (SyncStore.Artefact w : store.artefacts(e.production())) {
                if (w.status().equals(AWAITING_KEY)) {
                    Envelope head = codec.decode(store.manifestJson(e.production(), w.artefactId()).orElseThrow()
                            .getBytes(StandardCharsets.UTF_8));
                    ArtefactManifest m = (ArtefactManifest) head.body();
                    ArtefactFiles.Assembly r = signed(e.production(), m, Path.of(w.path()), key.get());
                    String verdict = r.verified() ? "verified" : "rejected";
                    if (store.moveArtefact(e.production(), w.artefactId(), AWAITING_KEY, verdict, r.detail(),
                            r.file() == null ? null : r.file().toString(), now)) {
                        out.add(settled(e.production(), head, m, verdict, r.detail()));
                    }
                }
            }
        }
        if (problem.isPresent()) {
            models.settle(e.production(), a.artefactId(), "rejected", problem.get());
        }
        return out;
    }

    /**
     * Checks a reassembled (hash-verified) artefact against the production's key: with no key, an artefact that is
     * not a model stays verified by its hash alone; a model must carry a valid signature and its bundle must verify
     * (signed manifest, every file's hash). A refused file is deleted.
     */
    private ArtefactFiles.Assembly signed(String production, ArtefactManifest m, Path file, PublicKey key)
            throws IOException {
        if (key == null) {
            return new ArtefactFiles.Assembly(true, file, "");
        }
        String problem = null;
        if (!ArtefactSignature.verify(key, m.sha256(), m.signature())) {
            problem = m.signature() == null
                    ? "unsigned, but production " + production + " requires signed artefacts"
                    : "signature does not verify with production " + production + "'s public key";
        } else if (MODEL.equals(m.kind())) {
            try {
                ModelBundle.verify(ModelBundle.read(file), key, null);
            } catch (ModelBundle.RejectedException ex) {
                problem = "model bundle refused: " + ex.getMessage();
            }
        }
        if (problem == null) {
            return new ArtefactFiles.Assembly(true, file, "");
        }
        java.nio.file.Files.deleteIfExists(file);
        return new ArtefactFiles.Assembly(false, null, problem);
    }

    private Reply manifestVerdict(String production, String appliance, String manifestId, String status,
                                  String detail) {
        DeliveryReceipt r = new DeliveryReceipt(manifestId, status.equals("verified")
                ? DeliveryReceipt.Status.VERIFIED : DeliveryReceipt.Status.REJECTED, detail == null ? "" : detail);
        Envelope env = Envelope.of(r, production, appliance, clock.instant(), manifestId);
        return new Reply(scheme.receipts(production, appliance), codec.encode(env), r);
    }

    private Reply reply(Envelope answered, DeliveryReceipt.Status status, String detail) {
        DeliveryReceipt r = new DeliveryReceipt(answered.messageId(), status, detail);
        Envelope env = Envelope.of(r, answered.production(), answered.appliance(), clock.instant(),
                answered.messageId());
        return new Reply(scheme.receipts(answered.production(), answered.appliance()), codec.encode(env), r);
    }

    private SyncStore.Received received(Envelope e, String topic, Instant now) {
        String body = codec.header(e).getJsonObject("body").toString();
        return new SyncStore.Received(e.messageId(), e.production(), e.appliance(), e.schema(), e.version(), topic,
                e.time(), now, e.correlationId(), body);
    }

    private static List<Reply> concat(Reply first, Optional<Reply> second) {
        return second.map(s -> List.of(first, s)).orElse(List.of(first));
    }

    /** The id this instance was started with (for logs). */
    public String instance() {
        return instance;
    }
}
