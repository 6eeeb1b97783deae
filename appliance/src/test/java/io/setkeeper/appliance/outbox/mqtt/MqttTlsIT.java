package io.setkeeper.appliance.outbox.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A second, TLS-only Mosquitto (started by this test on a free port, stopped by its PID) with client certificates
 * from {@code firmware-config/pki/provision-production.sh} for two productions, {@code use_identity_as_username}
 * and the script's per-production ACL: the appliance's {@link MqttTransport} connects with its production's
 * certificate and publishes; a box of the other production can neither read nor write the first production's topics;
 * a client without a certificate is refused.
 */
class MqttTlsIT {
    @TempDir
    Path tmp;
    private Process mosquitto;
    private final List<AutoCloseable> closeMe = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closeMe.reversed()) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        if (mosquitto != null) {
            long pid = mosquitto.pid();
            mosquitto.destroy();
            if (!mosquitto.waitFor(10, TimeUnit.SECONDS)) {
                mosquitto.destroyForcibly().waitFor();
            }
            assertTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true), "mosquitto " + pid + " still runs");
        }
    }

    private void provision(Path out, String production, String box) throws Exception {
        Path script = Path.of("").toAbsolutePath().getParent().resolve("firmware-config/pki/provision-production.sh");
        Process p = new ProcessBuilder("bash", script.toString(), "--production", production, "--appliance", box,
                "--out", out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "provision-production.sh failed:\n" + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private MqttTls tls(Path pki, String production, String box, Path ca) {
        Path d = pki.resolve(production);
        return new MqttTls(ca, d.resolve("appliance-" + box + ".p12"), d.resolve("appliance-" + box + ".p12.pass"));
    }

    private MqttAsyncClient client(String uri, String id, javax.net.SocketFactory factory) throws Exception {
        return client(uri, id, factory, new CopyOnWriteArrayList<>());
    }

    private MqttAsyncClient client(String uri, String id, javax.net.SocketFactory factory, List<String> got)
            throws Exception {
        MqttAsyncClient c = new MqttAsyncClient(uri, id, new MemoryPersistence());
        c.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
            @Override
            public void messageArrived(String topic, org.eclipse.paho.mqttv5.common.MqttMessage m) {
                got.add(new String(m.getPayload(), StandardCharsets.UTF_8));
            }

            @Override
            public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse r) {
            }

            @Override
            public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException e) {
            }

            @Override
            public void deliveryComplete(IMqttToken t) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void authPacketArrived(int reasonCode, org.eclipse.paho.mqttv5.common.packet.MqttProperties p) {
            }
        });
        closeMe.add(() -> c.close(true));
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setSocketFactory(factory);
        o.setConnectionTimeout(5);
        c.connect(o).waitForCompletion(10_000);
        closeMe.add(() -> {
            if (c.isConnected()) {
                c.disconnect().waitForCompletion(3000);
            }
        });
        return c;
    }

    @Test
    void perProductionCertificatesAndAclOnMosquitto() throws Exception {
        Path pki = tmp.resolve("pki");
        provision(pki, "alpha", "box-a");
        provision(pki, "alpha", "box-c");
        provision(pki, "beta", "box-b");
        Path ca = tmp.resolve("cas.pem");
        Files.writeString(ca, Files.readString(pki.resolve("alpha/ca.crt")) + Files.readString(pki.resolve("beta/ca.crt")));
        Path acl = tmp.resolve("all.acl");
        Files.writeString(acl, Files.readString(pki.resolve("alpha/mosquitto-alpha.acl")) + "\n"
                + Files.readString(pki.resolve("beta/mosquitto-beta.acl")));
        int port = freePort();
        Path conf = tmp.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n",
                "user root", "log_type all", "persistence false", "allow_anonymous false", "per_listener_settings false",
                "listener " + port + " 127.0.0.1",
                "cafile " + ca, "certfile " + pki.resolve("alpha/broker-box-a.crt"),
                "keyfile " + pki.resolve("alpha/broker-box-a.key"),
                "require_certificate true", "use_identity_as_username true", "acl_file " + acl, ""));
        Path log = tmp.resolve("mosquitto.log");
        mosquitto = new ProcessBuilder("mosquitto", "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        awaitPort(port, log);
        String uri = "ssl://127.0.0.1:" + port;

        // a reader of production alpha, and a box of production beta trying to read alpha
        List<String> alphaGot = new CopyOnWriteArrayList<>();
        List<String> betaGot = new CopyOnWriteArrayList<>();
        MqttAsyncClient reader = client(uri, "alpha-reader", tls(pki, "alpha", "box-c", ca).socketFactory(), alphaGot);
        IMqttToken ok = reader.subscribe(new MqttSubscription("setkeeper/v1/alpha/#", 1));
        ok.waitForCompletion(5000);
        assertTrue(ok.getReasonCodes()[0] < 0x80, "alpha may read alpha: " + ok.getReasonCodes()[0]);
        MqttAsyncClient spy = client(uri, "beta-spy", tls(pki, "beta", "box-b", ca).socketFactory(), betaGot);
        IMqttToken refused = spy.subscribe(new MqttSubscription("setkeeper/v1/alpha/#", 1));
        refused.waitForCompletion(5000);
        // Mosquitto 2.0 grants the subscription but never delivers what the ACL denies: checked below by betaGot

        // the appliance's own transport, with its production's certificate
        MqttTransport box = new MqttTransport(MqttSettings.of(uri, "alpha-box-a").withTls(tls(pki, "alpha", "box-a", ca)));
        closeMe.add(box);
        box.connect("setkeeper/v1/alpha/box-a/receipts", b -> { });
        box.publish("setkeeper/v1/alpha/box-a/status", "from-a".getBytes(StandardCharsets.UTF_8), 1, false)
                .get(10, TimeUnit.SECONDS);
        // beta's box writes into alpha's topics: refused by the ACL
        MqttTransport intruder = new MqttTransport(MqttSettings.of(uri, "beta-box-b")
                .withTls(tls(pki, "beta", "box-b", ca)));
        closeMe.add(intruder);
        intruder.connect("setkeeper/v1/beta/box-b/receipts", b -> { });
        try {
            intruder.publish("setkeeper/v1/alpha/box-b/status", "intruder".getBytes(StandardCharsets.UTF_8), 1, false)
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // a refused publish may also fail the future: either way it must not arrive
        }
        intruder.publish("setkeeper/v1/beta/box-b/status", "beta-own".getBytes(StandardCharsets.UTF_8), 1, false)
                .get(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!alphaGot.contains("from-a") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(1500);  // anything denied would have arrived by now
        assertEquals(List.of("from-a"), alphaGot, "alpha's reader gets alpha's box only");
        assertEquals(List.of(), betaGot, "beta's box reads nothing of alpha");
        assertTrue(Files.readString(log).contains("Denied PUBLISH"), "the broker logs the refused publish:\n"
                + Files.readString(log));

        // no client certificate: the TLS handshake is refused
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(pki.resolve("alpha/ca.crt"))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext noCert = SSLContext.getInstance("TLS");
        noCert.init(null, tmf.getTrustManagers(), null);
        assertThrows(Exception.class, () -> client(uri, "anonymous", noCert.getSocketFactory()));
        assertThrows(Exception.class, () -> client("tcp://127.0.0.1:" + port, "plain", javax.net.SocketFactory.getDefault()));
    }

    private void awaitPort(int port, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!mosquitto.isAlive()) {
                throw new AssertionError("mosquitto exited:\n" + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("mosquitto did not listen on " + port + ":\n" + Files.readString(log));
    }
}
