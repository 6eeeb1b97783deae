package io.setkeeper.appliance.outbox;

import io.setkeeper.appliance.store.Database;
import io.setkeeper.appliance.store.OutboxStore;
import io.setkeeper.protocol.codec.JsonCodec;
import io.setkeeper.protocol.topics.TopicScheme;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outbox as the appliance runs it: the {@link Outbox} to enqueue into, the {@link Publisher} worker and a
 * periodic {@link Housekeeper}, started and stopped together. The wiring passes the transport
 * ({@code new MqttTransport(MqttSettings.of(uri, clientId))}).
 */
public final class OutboxService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OutboxService.class.getName());

    /**
     * @param scheme        topic scheme ({@link TopicScheme#DEFAULT} in production)
     * @param capacity      pending messages the outbox aims to hold (see {@link CapacityPolicy})
     * @param publisher     publisher behaviour
     * @param retention     how long confirmed and dropped rows are kept
     * @param housekeeping  how often the housekeeper runs
     */
    public record Settings(TopicScheme scheme, int capacity, PublisherSettings publisher, Duration retention,
                           Duration housekeeping) {
        /** Production defaults: 10,000 pending, standard publisher, 7 days retention, housekeeping every 10 min. */
        public static Settings standard() {
            return new Settings(TopicScheme.DEFAULT, 10_000, PublisherSettings.standard(), Duration.ofDays(7),
                    Duration.ofMinutes(10));
        }
    }

    private final Outbox outbox;
    private final Publisher publisher;
    private final Housekeeper housekeeper;
    private final ScheduledExecutorService timer;

    private OutboxService(Outbox outbox, Publisher publisher, Housekeeper housekeeper,
                          ScheduledExecutorService timer) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.housekeeper = housekeeper;
        this.timer = timer;
    }

    /** Starts publishing what is in (and what comes into) the outbox table of {@code db}. */
    public static OutboxService start(Database db, String production, String appliance, Transport transport,
                                      Settings s, Clock clock) {
        OutboxStore store = new OutboxStore(db);
        JsonCodec codec = new JsonCodec();
        Outbox outbox = new Outbox(store, codec, s.scheme(), production, appliance, new CapacityPolicy(s.capacity()),
                clock);
        Publisher publisher = new Publisher(store, transport, codec, s.publisher(),
                s.scheme().receipts(production, appliance), clock, new SecureRandom());
        outbox.onEnqueued(publisher::wake);
        Housekeeper keeper = new Housekeeper(store, s.retention(), clock);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-housekeeper");
            t.setDaemon(true);
            return t;
        });
        OutboxService service = new OutboxService(outbox, publisher, keeper, timer);
        long every = s.housekeeping().toMillis();
        timer.scheduleWithFixedDelay(service::housekeep, every, every, TimeUnit.MILLISECONDS);
        publisher.start();
        return service;
    }

    /** Where the rest of the appliance enqueues what goes to post. */
    public Outbox outbox() {
        return outbox;
    }

    public Publisher publisher() {
        return publisher;
    }

    private void housekeep() {
        try {
            Housekeeper.Pass pass = housekeeper.run();
            if (pass.deleted() + pass.expired() > 0) {
                LOG.fine(() -> "outbox housekeeping: " + pass);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "outbox housekeeping failed", e);
        }
    }

    /**
     * Lets a running housekeeping pass finish (it writes H2: an interrupt inside an H2 write closes the whole
     * database), then stops; only a pass still running after 5 s is interrupted.
     */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(5, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        publisher.close();
    }
}
