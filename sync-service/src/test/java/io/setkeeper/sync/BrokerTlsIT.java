package io.setkeeper.sync;

import io.setkeeper.protocol.topics.TopicScheme;
import io.setkeeper.sync.broker.BrokerHost;
import io.setkeeper.sync.broker.BrokerTls;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded HiveMQ CE with its TLS listener for boxes and the production ACL extension, certificates made by
 * {@code firmware-config/pki/provision-production.sh} for two productions: a box publishes and subscribes under
 * its own production; a box of another production can neither publish into nor subscribe to it; a client without a
 * certificate is refused; the plain listener (the sync-service's own intake) keeps reading everything.
 */
class BrokerTlsIT {
    private static final String SECRET = "changeit-test";
    @TempDir
    Path tmp;
    private final List<AutoCloseable> closeMe = new ArrayList<>();

    @AfterEach
    void stop() {
        for (AutoCloseable c : closeMe.reversed()) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ":\n" + out);
    }

    private void provision(Path pki, String production, String box) throws Exception {
        Path script = Path.of("").toAbsolutePath().getParent().resolve("firmware-config/pki/provision-production.sh");
        run("bash", script.toString(), "--production", production, "--appliance", box, "--out", pki.toString());
    }

    private static SSLContext ssl(Path p12, Path pass, Path... cas) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (Path ca : cas) {
            try (InputStream in = Files.newInputStream(ca)) {
                trust.setCertificateEntry(ca.toString(), CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (p12 != null) {
            char[] pw = Files.readString(pass).strip().toCharArray();
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(p12)) {
                keys.load(in, pw);
            }
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, pw);
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    private MqttAsyncClient client(String uri, String id, SocketFactory factory, List<String> got) throws Exception {
        MqttAsyncClient c = new MqttAsyncClient(uri, id, new MemoryPersistence());
        closeMe.add(() -> c.close(true));
        c.setCallback((OnMessage) (topic, m) -> got.add(new String(m.getPayload(), StandardCharsets.UTF_8)));
        MqttConnectionOptions o = new MqttConnectionOptions();
        if (factory != null) {
            o.setSocketFactory(factory);
        }
        o.setConnectionTimeout(10);
        c.connect(o).waitForCompletion(15_000);
        closeMe.add(() -> {
            if (c.isConnected()) {
                c.disconnect().waitForCompletion(3000);
            }
        });
        return c;
    }

    @Test
    void boxesOnlyReachTheirOwnProductionThroughTheEmbeddedBroker() throws Exception {
        Path pki = tmp.resolve("pki");
        provision(pki, "alpha", "box-a");
        provision(pki, "beta", "box-b");
        Path brokerP12 = tmp.resolve("broker.p12");
        run("openssl", "pkcs12", "-export", "-inkey", pki.resolve("alpha/broker-box-a.key").toString(), "-in",
                pki.resolve("alpha/broker-box-a.crt").toString(), "-passout", "pass:" + SECRET, "-out",
                brokerP12.toString());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (String production : List.of("alpha", "beta")) {
            try (InputStream in = Files.newInputStream(pki.resolve(production + "/ca.crt"))) {
                trust.setCertificateEntry(production, CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
        }
        Path trustP12 = tmp.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(trustP12)) {
            trust.store(out, SECRET.toCharArray());
        }
        int plain = EmbeddedBroker.freePort();
        int tls = EmbeddedBroker.freePort();
        BrokerHost broker = BrokerHost.start("127.0.0.1", plain, tmp.resolve("broker"),
                new BrokerTls("127.0.0.1", tls, brokerP12, SECRET, trustP12, SECRET), TopicScheme.DEFAULT);
        closeMe.add(broker);
        String ssl = "ssl://127.0.0.1:" + tls;

        List<String> post = new CopyOnWriteArrayList<>();
        client("tcp://127.0.0.1:" + plain, "post-local", null, post)
                .subscribe(new MqttSubscription("setkeeper/v1/#", 1)).waitForCompletion(5000);
        List<String> alphaGot = new CopyOnWriteArrayList<>();
        MqttAsyncClient alpha = client(ssl, "alpha-box-a", ssl(pki.resolve("alpha/appliance-box-a.p12"),
                pki.resolve("alpha/appliance-box-a.p12.pass"), pki.resolve("alpha/ca.crt")).getSocketFactory(), alphaGot);
        IMqttToken own = alpha.subscribe(new MqttSubscription("setkeeper/v1/alpha/box-a/receipts", 1));
        own.waitForCompletion(5000);
        assertTrue(own.getReasonCodes()[0] < 0x80, "own production: " + own.getReasonCodes()[0]);
        alpha.publish("setkeeper/v1/alpha/box-a/status", "from-a".getBytes(StandardCharsets.UTF_8), 1, false)
                .waitForCompletion(5000);

        List<String> betaGot = new CopyOnWriteArrayList<>();
        MqttAsyncClient beta = client(ssl, "beta-box-b", ssl(pki.resolve("beta/appliance-box-b.p12"),
                pki.resolve("beta/appliance-box-b.p12.pass"), pki.resolve("alpha/ca.crt")).getSocketFactory(), betaGot);
        IMqttToken refused = beta.subscribe(new MqttSubscription("setkeeper/v1/alpha/#", 1));
        refused.waitForCompletion(5000);
        assertTrue(refused.getReasonCodes()[0] >= 0x80, "another production's topics cannot be subscribed: "
                + refused.getReasonCodes()[0]);
        try {
            beta.publish("setkeeper/v1/alpha/box-b/status", "intruder".getBytes(StandardCharsets.UTF_8), 1, false)
                    .waitForCompletion(5000);
        } catch (MqttException e) {
            // refused (or disconnected): either way it must not arrive
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!post.contains("from-a") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(1500);
        assertEquals(List.of("from-a"), post, "post reads alpha's box, never beta's intrusion");
        assertEquals(List.of(), betaGot);

        SSLContext noCert = ssl(null, null, pki.resolve("alpha/ca.crt"));
        assertThrows(MqttException.class, () -> client(ssl, "anonymous", noCert.getSocketFactory(), new ArrayList<>()));
    }
}
