package io.setkeeper.appliance.outbox.mqtt;

import io.setkeeper.appliance.outbox.Backoff;
import io.setkeeper.appliance.outbox.OutboxService;
import io.setkeeper.appliance.outbox.PublisherSettings;
import io.setkeeper.appliance.store.Database;
import io.setkeeper.appliance.store.OutboxStore;
import io.setkeeper.protocol.messages.ArtefactManifest;
import io.setkeeper.protocol.topics.TopicScheme;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The appliance's outbox as its own process for {@link OutboxCrashIT}: enqueues an artefact on first start, publishes
 * until nothing is pending, prints progress lines. Args: data dir, broker URI, topic root, client id, artefact file.
 */
public final class OutboxChild {
    private OutboxChild() {
    }

    public static void main(String[] args) throws Exception {
        Database db = Database.open(Path.of(args[0]));
        OutboxStore store = new OutboxStore(db);
        boolean fresh = store.size() == 0;
        OutboxService service = OutboxService.start(db, "prod", "cart-a",
                new MqttTransport(new MqttSettings(args[1], args[3], 3600, 10, 5)),
                new OutboxService.Settings(new TopicScheme(args[2]), 1000, new PublisherSettings(16,
                        Duration.ofSeconds(3), new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0.5),
                        Duration.ofMillis(50)), Duration.ofDays(1), Duration.ofMinutes(10)), Clock.systemUTC());
        if (fresh) {
            service.outbox().enqueueArtefact(Path.of(args[4]), "model-k", "model", ArtefactManifest.MIN_CHUNK, null);
        }
        System.out.println("STARTED fresh=" + fresh + " rows=" + store.size());
        while (store.pendingByPriority().values().stream().mapToLong(Long::longValue).sum() > 0) {
            Thread.sleep(100);
        }
        System.out.println("ALL CONFIRMED");
        service.close();
        db.close();
        System.exit(0);
    }
}
