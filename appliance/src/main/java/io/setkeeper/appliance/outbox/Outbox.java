package io.setkeeper.appliance.outbox;

import io.setkeeper.appliance.store.OutboxRow;
import io.setkeeper.appliance.store.OutboxStore;
import io.setkeeper.protocol.codec.JsonCodec;
import io.setkeeper.protocol.envelope.Envelope;
import io.setkeeper.protocol.messages.ArtefactChunk;
import io.setkeeper.protocol.messages.ArtefactManifest;
import io.setkeeper.protocol.messages.DeliveryReceipt;
import io.setkeeper.protocol.messages.Message;
import io.setkeeper.protocol.topics.Channel;
import io.setkeeper.protocol.topics.TopicScheme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The appliance's way to send anything to post: wraps a body in an envelope, applies the capacity policy and writes
 * it to the outbox table, from which the {@link Publisher} sends it. Large files go as a manifest plus chunk rows
 * that point into the file. Writes are serialised so that the capacity decision and the insert are one step.
 */
public final class Outbox {
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    /** What became of an enqueued message. */
    public record Enqueued(String messageId, CapacityPolicy.Admission admission, String shedMessageId) {
        public boolean stored() {
            return !(admission instanceof CapacityPolicy.Admission.Refuse);
        }
    }

    private final OutboxStore store;
    private final JsonCodec codec;
    private final TopicScheme scheme;
    private final String production;
    private final String appliance;
    private final CapacityPolicy policy;
    private final Clock clock;
    private volatile Runnable onEnqueued = () -> { };

    public Outbox(OutboxStore store, JsonCodec codec, TopicScheme scheme, String production, String appliance,
                  CapacityPolicy policy, Clock clock) {
        this.store = store;
        this.codec = codec;
        this.scheme = scheme;
        this.production = production;
        this.appliance = appliance;
        this.policy = policy;
        this.clock = clock;
    }

    /** Called after every successful enqueue (the publisher's {@link Publisher#wake()}), so nothing waits a poll. */
    public void onEnqueued(Runnable listener) {
        this.onEnqueued = listener;
    }

    /** Enqueues a message without expiry. */
    public Enqueued enqueue(Message body) {
        return enqueue(body, null, null);
    }

    /**
     * Enqueues a message.
     *
     * @param correlationId the message it answers, or {@code null}
     * @param expires       when it stops being worth sending (time-bound alerts), or {@code null}
     */
    public synchronized Enqueued enqueue(Message body, String correlationId, Instant expires) {
        Priority priority = Priority.of(body);
        Envelope envelope = Envelope.of(body, production, appliance, clock.instant(), correlationId);
        CapacityPolicy.Admission admission = admit(priority);
        String shed = shed(admission, envelope.messageId());
        if (admission instanceof CapacityPolicy.Admission.Refuse r) {
            LOG.warning(() -> "outbox refused " + body.schema() + ": " + r.reason());
            return new Enqueued(envelope.messageId(), admission, null);
        }
        Channel channel = Channel.forSchema(body.schema());
        store.insert(List.of(OutboxRow.New.message(envelope.messageId(), body.schema(), scheme.topicFor(envelope),
                channel.qos(), channel.retain(), priority.rank(), codec.encode(envelope), envelope.time(),
                expires)));
        onEnqueued.run();
        return new Enqueued(envelope.messageId(), admission, shed);
    }

    /**
     * Enqueues an artefact file: its manifest and one row per chunk, all in one transaction. The file must not
     * change until the post side verified it (model versions are immutable).
     *
     * @return the manifest's message id; the post side's VERIFIED receipt for it confirms the whole artefact
     */
    public String enqueueArtefact(Path file, String artefactId, String kind, int chunkSize, String signature)
            throws IOException {
        // hash outside the lock: approvals must not wait seconds behind a large file
        ArtefactManifest manifest = ArtefactChunker.manifest(file, artefactId, kind, chunkSize, signature);
        synchronized (this) {
            return enqueueManifest(file, manifest);
        }
    }

    private String enqueueManifest(Path file, ArtefactManifest manifest) {
        String artefactId = manifest.artefactId();
        Instant now = clock.instant();
        Envelope head = Envelope.of(manifest, production, appliance, now);
        shed(admit(Priority.MODEL), head.messageId());
        List<OutboxRow.New> rows = new ArrayList<>(manifest.chunkCount() + 1);
        Channel mc = Channel.ARTEFACT_MANIFEST;
        rows.add(OutboxRow.New.message(head.messageId(), manifest.schema(), scheme.topicFor(head), mc.qos(),
                mc.retain(), Priority.MODEL.rank(), codec.encode(head), now, null));
        String path = file.toAbsolutePath().toString();
        for (int i = 0; i < manifest.chunkCount(); i++) {
            // the header carries length and hash; the bytes are read from the file when published
            ArtefactChunk placeholder = new ArtefactChunk(artefactId, i, manifest.chunkSha256().get(i),
                    new byte[manifest.chunkLength(i)]);
            Envelope chunk = new Envelope(placeholder.schema(), placeholder.version(), UUID.randomUUID().toString(),
                    production, appliance, now, head.messageId(), placeholder);
            byte[] header = codec.header(chunk).toString().getBytes(StandardCharsets.UTF_8);
            rows.add(new OutboxRow.New(chunk.messageId(), placeholder.schema(), scheme.topicFor(chunk),
                    Channel.ARTEFACT_CHUNK.qos(), false, Priority.CHUNK.rank(), header, path,
                    (long) i * manifest.chunkSize(), manifest.chunkLength(i), now, null));
        }
        store.insert(rows);
        onEnqueued.run();
        return head.messageId();
    }

    /** Applies a delivery receipt from the post side; false if it matched nothing pending. */
    public boolean confirm(DeliveryReceipt receipt) {
        return store.markConfirmed(receipt.receivedMessageId(), clock.instant(), receipt.status().name(),
                receipt.detail());
    }

    /** Pending messages per priority. */
    public Map<Priority, Long> pending() {
        Map<Priority, Long> out = new EnumMap<>(Priority.class);
        store.pendingByPriority().forEach((rank, n) -> out.put(Priority.ofRank(rank), n));
        return out;
    }

    private CapacityPolicy.Admission admit(Priority priority) {
        return policy.admit(priority, pending());
    }

    private String shed(CapacityPolicy.Admission admission, String forMessage) {
        if (admission instanceof CapacityPolicy.Admission.AcceptShedding s) {
            return store.dropOldest(s.victim().rank(), clock.instant(), "shed for " + forMessage).orElse(null);
        }
        return null;
    }
}
