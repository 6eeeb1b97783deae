package io.setkeeper.appliance.outbox;

import io.setkeeper.appliance.store.OutboxRow;
import io.setkeeper.appliance.store.OutboxStore;
import io.setkeeper.protocol.codec.JsonCodec;
import io.setkeeper.protocol.codec.MalformedMessageException;
import io.setkeeper.protocol.envelope.Envelope;
import io.setkeeper.protocol.messages.DeliveryReceipt;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * The one worker that moves the outbox table to the broker: connects with its own backoff, keeps up to
 * {@code window} publishes in flight, records broker acknowledgements as "published" and the post side's receipts as
 * "confirmed", and publishes again whatever stays unconfirmed past {@code resendAfter} (the post side ignores
 * repeats). All table writes happen on this thread; transport callbacks only enqueue events.
 */
public final class Publisher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Publisher.class.getName());

    private sealed interface Event {
        record Acked(long id, long generation) implements Event {
        }

        record Failed(long id, long generation, Throwable cause) implements Event {
        }

        record Received(byte[] payload) implements Event {
        }

        record Wake() implements Event {
        }
    }

    private final OutboxStore store;
    private final Transport transport;
    private final JsonCodec codec;
    private final PublisherSettings settings;
    private final String receiptTopic;
    private final Clock clock;
    private final RandomGenerator random;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Map<Long, OutboxRow> inFlight = new HashMap<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong confirmed = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final java.util.concurrent.CountDownLatch stop = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean running;
    private Thread thread;
    private long generation;
    private int failures;

    public Publisher(OutboxStore store, Transport transport, JsonCodec codec, PublisherSettings settings,
                     String receiptTopic, Clock clock, RandomGenerator random) {
        this.store = store;
        this.transport = transport;
        this.codec = codec;
        this.settings = settings;
        this.receiptTopic = receiptTopic;
        this.clock = clock;
        this.random = random;
    }

    /** Starts the worker thread. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("outbox-publisher").start(this::run);
    }

    /** Tells the worker that new rows are waiting, so it need not wait for the next poll. */
    public void wake() {
        events.add(new Event.Wake());
    }

    /** Publishes handed to the transport since start, including the ones sent again. */
    public long sent() {
        return sent.get();
    }

    /** Publishes acknowledged by the broker since start. */
    public long published() {
        return published.get();
    }

    /** Receipts that confirmed a pending message since start. */
    public long confirmed() {
        return confirmed.get();
    }

    /** Successful connections since start (1 means never reconnected). */
    public long connections() {
        return reconnects.get();
    }

    private void run() {
        while (running) {
            try {
                step();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "outbox publisher step failed; retrying", e);
                sleep(settings.backoff().delay(failures++, random.nextDouble()));
            }
        }
    }

    private void step() {
        if (!transport.isConnected()) {
            inFlight.clear();
            generation++;
            try {
                transport.connect(receiptTopic, payload -> events.add(new Event.Received(payload)));
                failures = 0;
                reconnects.incrementAndGet();
            } catch (TransportException e) {
                Duration wait = settings.backoff().delay(failures++, random.nextDouble());
                LOG.fine(() -> "broker unreachable (" + e.getMessage() + "), next try in " + wait);
                sleep(wait);
                return;
            }
        }
        fillWindow();
        try {
            Event first = events.poll(settings.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
            if (first != null) {
                List<Event> burst = new ArrayList<>();
                burst.add(first);
                events.drainTo(burst);
                handle(burst);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void fillWindow() {
        int free = settings.window() - inFlight.size();
        if (free <= 0) {
            return;
        }
        Instant now = clock.instant();
        for (OutboxRow row : store.due(now, now.minus(settings.resendAfter()), free, inFlight.keySet())) {
            byte[] payload;
            try {
                payload = payload(row);
            } catch (IOException e) {
                store.drop(row.id(), now, "artefact unreadable: " + e.getMessage());
                LOG.warning(() -> "cannot read artefact bytes for " + row.messageId() + ": " + e.getMessage());
                continue;
            }
            inFlight.put(row.id(), row);
            sent.incrementAndGet();
            long gen = generation;
            transport.publish(row.topic(), payload, row.qos(), row.retained()).whenComplete((ok, err) ->
                    events.add(err == null ? new Event.Acked(row.id(), gen) : new Event.Failed(row.id(), gen, err)));
        }
    }

    private byte[] payload(OutboxRow row) throws IOException {
        if (!row.hasSource()) {
            return row.payload();
        }
        byte[] data = ArtefactChunker.read(Path.of(row.sourcePath()), row.sourceOffset(), row.sourceLength());
        return codec.chunkFrame(row.payload(), data);
    }

    /** Applies a burst of events with one database transaction. */
    private void handle(List<Event> burst) {
        List<Long> acked = new ArrayList<>();
        List<OutboxStore.Confirmation> receipts = new ArrayList<>();
        for (Event event : burst) {
            switch (event) {
                case Event.Acked a -> {
                    acked.add(a.id());
                    if (a.generation() == generation) {
                        inFlight.remove(a.id());
                    }
                }
                case Event.Failed f -> {
                    if (f.generation() == generation) {
                        inFlight.remove(f.id());
                    }
                    LOG.fine(() -> "publish of row " + f.id() + " failed: " + f.cause().getMessage());
                }
                case Event.Received r -> receipt(r.payload()).ifPresent(receipts::add);
                case Event.Wake w -> {
                    // new rows: the loop fills the window next
                }
            }
        }
        int newlyConfirmed = store.record(acked, receipts, clock.instant());
        published.addAndGet(acked.size());
        confirmed.addAndGet(newlyConfirmed);
    }

    private Optional<OutboxStore.Confirmation> receipt(byte[] payload) {
        try {
            Envelope e = codec.decode(payload);
            if (e.body() instanceof DeliveryReceipt receipt) {
                if (receipt.status() == DeliveryReceipt.Status.REJECTED) {
                    LOG.warning(() -> "post rejected " + receipt.receivedMessageId() + ": " + receipt.detail());
                }
                return Optional.of(new OutboxStore.Confirmation(receipt.receivedMessageId(), receipt.status().name(),
                        receipt.detail()));
            }
        } catch (MalformedMessageException e) {
            LOG.warning(() -> "ignoring a malformed receipt: " + e.getMessage());
        }
        return Optional.empty();
    }

    private void sleep(Duration d) {
        try {
            stop.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops the worker and closes the transport. */
    @Override
    public void close() {
        running = false;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        stop.countDown();
        if (t != null) {
            // no interrupt: an interrupted thread inside H2 would close the database file channel
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        transport.disconnect();
    }
}
