package io.setkeeper.appliance.model;

import io.setkeeper.appliance.modelsync.ModelShipper;
import io.setkeeper.appliance.outbox.OutboxService;
import io.setkeeper.appliance.outbox.mqtt.MqttSettings;
import io.setkeeper.appliance.outbox.mqtt.MqttTransport;
import io.setkeeper.appliance.store.Database;
import io.setkeeper.appliance.store.ModelStore;
import io.setkeeper.appliance.store.OutboxStore;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A box that learns a synthetic production (no footage needed) and sends its model versions to post through the
 * real outbox, publisher and MQTT transport, run as a child JVM by the sync-service's {@code ModelToPostIT} (the
 * sync-service never links against the appliance). Arguments: data dir, broker URI, production, appliance, number
 * of versions to cut. Exits 0 once every outbox row has a receipt, 3 if that takes longer than 90 s.
 */
public final class ShipModelMain {
    private ShipModelMain() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String production = args[2];
        String appliance = args[3];
        int versions = Integer.parseInt(args[4]);
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(data.resolve("db"))) {
            ModelService svc = new ModelService(production, ProductionModelTest.CAST,
                    data.resolve("model").resolve(production), new ModelStore(db, clock), clock);
            OutboxService sync = OutboxService.start(db, production, appliance,
                    new MqttTransport(MqttSettings.of(args[1], appliance + "-box")), OutboxService.Settings.standard(),
                    clock);
            ModelShipper.attach(svc, sync.outbox(), data.resolve("outbox-models"));
            Synthetic s = new Synthetic(appliance.hashCode(), 3, 3);
            for (int v = 0; v < versions; v++) {
                for (int i = v * 4; i < v * 4 + 4; i++) {
                    LearnResult r = svc.learn(s.clip("c" + i, i % 3, i % 3));
                    if (i < 3) {
                        svc.name(r.clusters().getFirst(), List.of("JANA", "TOMAS", "DANI").get(i), "dit");
                    }
                }
                System.out.println("CUT " + svc.cut("card " + v).id());
            }
            OutboxStore store = new OutboxStore(db);
            long deadline = System.nanoTime() + 90_000_000_000L;
            while (System.nanoTime() < deadline) {
                long pending = store.pendingByPriority().values().stream().mapToLong(Long::longValue).sum();
                if (pending == 0) {
                    System.out.println("ALL CONFIRMED");
                    sync.close();
                    return;
                }
                Thread.sleep(200);
            }
            System.out.println("STILL PENDING " + store.pendingByPriority());
            sync.close();
            System.exit(3);
        }
    }
}
