package io.setkeeper.appliance.outbox;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.setkeeper.appliance.Appliance;
import io.setkeeper.appliance.ApplianceHarness;
import io.setkeeper.appliance.config.ApplianceConfig;
import io.setkeeper.appliance.store.OutboxRow;
import io.setkeeper.protocol.codec.JsonCodec;
import io.setkeeper.protocol.messages.ApplianceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sync wiring: the config keys and their defaults, and an appliance that starts and works with no broker there. */
class SyncWiringTest {
    @TempDir
    Path dir;

    @Test
    void syncIsOnByDefaultAndPointsAtTheEmbeddedBroker() {
        ApplianceConfig c = ApplianceConfig.from(Config.just(ConfigSources.classpath("application.yaml")));
        assertTrue(c.sync().enabled());
        assertEquals("tcp://127.0.0.1:1884", c.sync().brokerUri());
        assertEquals("setkeeper-demo-cart-1", c.mqttClientId());
        ApplianceConfig off = ApplianceConfig.from(Config.just(ConfigSources.create(Map.of(
                "setkeeper.sync.enabled", "false", "setkeeper.sync.broker-uri", "tcp://post.example:8883"))));
        assertFalse(off.sync().enabled());
        assertEquals("tcp://post.example:8883", off.sync().brokerUri());
        assertThrows(IllegalArgumentException.class, () -> new ApplianceConfig.Sync(true, "post.example:1883"));
    }

    @Test
    void inferenceRunsOnTheCpuWithOneThreadUnlessConfigured() {
        ApplianceConfig c = ApplianceConfig.from(Config.just(ConfigSources.classpath("application.yaml")));
        assertEquals(new ApplianceConfig.Inference("cpu", 1), c.inference());
        assertEquals(io.setkeeper.appliance.inference.InferenceConfig.cpu(1), c.inference().engineConfig());
        ApplianceConfig gpu = ApplianceConfig.from(Config.just(ConfigSources.create(Map.of(
                "setkeeper.inference.provider", "TensorRT", "setkeeper.inference.intra-op-threads", "2"))));
        assertEquals(io.setkeeper.appliance.inference.ExecutionProvider.TENSORRT, gpu.inference().engineConfig().requested());
        assertEquals(2, gpu.inference().engineConfig().intraOpThreads());
        assertThrows(IllegalArgumentException.class, () -> new ApplianceConfig.Inference("gpu", 1));
        assertThrows(IllegalArgumentException.class, () -> new ApplianceConfig.Inference("cpu", 0));
    }

    @Test
    void theApplianceWorksOfflineAndQueuesItsStatus() throws Exception {
        int closed = freePort(); // nothing listens here: the publisher keeps retrying with backoff
        ApplianceConfig base = ApplianceHarness.config(dir.resolve("data"), 0);
        ApplianceConfig config = new ApplianceConfig(base.production(), base.appliance(), base.dataDir(), base.http(),
                base.offload(), base.demo(), base.auth(), new ApplianceConfig.Sync(true, "tcp://127.0.0.1:" + closed));
        long t0 = System.nanoTime();
        try (Appliance app = Appliance.start(config, Clock.systemUTC())) {
            long startMs = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(app.sync().isPresent());
            assertTrue(startMs < 15_000, "start must not wait for the broker, took " + startMs + " ms");
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/observe/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            List<OutboxRow> rows = app.outboxStore().all();
            assertEquals(1, rows.size(), rows.toString());
            OutboxRow row = rows.get(0);
            assertEquals("setkeeper.appliance-status", row.schema());
            assertEquals(Priority.STATUS.rank(), row.priority());
            assertEquals(0, app.sync().get().publisher().connections(), "no broker, no connection");
            ApplianceStatus s = (ApplianceStatus) new JsonCodec().decode(row.payload()).body();
            assertEquals("started", s.state());
            assertTrue(s.diskFreeBytes() > 0);
        }
    }

    @Test
    void statusCountsWhatWaits() {
        ApplianceStatus s = StatusReporter.status("offload-finished", "dev",
                Map.of(Priority.APPROVAL, 2L, Priority.STATUS, 5L), 1234);
        assertEquals(7, s.outboxPending());
        assertEquals(1234, s.diskFreeBytes());
        assertEquals(0, StatusReporter.status("started", "dev", Map.of(), -1).diskFreeBytes());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
