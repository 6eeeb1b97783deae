package io.setkeeper.sync;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The security keys of {@code sync.*}: broker TLS (passwords from files), first-contact pinning, the data folder. */
class SyncConfigTest {
    private static SyncConfig read(Map<String, String> keys) {
        return SyncConfig.from(Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .sources(ConfigSources.create(keys)).build());
    }

    @Test
    void defaultsHaveNoTlsAndPinAtFirstContact(@TempDir Path dir) {
        SyncConfig c = read(Map.of("sync.data-dir", dir.toString()));
        assertNull(c.broker().tls());
        assertTrue(c.firstContact());
        assertEquals(dir.toAbsolutePath(), c.dataDir());
    }

    @Test
    void brokerTlsReadsItsPasswordsFromFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ks.pass"), "ks-secret\n");
        Files.writeString(dir.resolve("ts.pass"), "ts-secret\n");
        Map<String, String> keys = new HashMap<>(Map.of("sync.data-dir", dir.toString(),
                "sync.broker.tls.port", "8883", "sync.broker.tls.keystore", dir.resolve("broker.p12").toString(),
                "sync.broker.tls.keystore-password-file", dir.resolve("ks.pass").toString(),
                "sync.broker.tls.truststore", dir.resolve("trust.p12").toString(),
                "sync.broker.tls.truststore-password-file", dir.resolve("ts.pass").toString(),
                "sync.trust.first-contact", "false"));
        SyncConfig c = read(keys);
        assertEquals(8883, c.broker().tls().port());
        assertEquals("0.0.0.0", c.broker().tls().host());
        assertEquals("ks-secret", c.broker().tls().keystorePassword());
        assertEquals("ts-secret", c.broker().tls().truststorePassword());
        assertFalse(c.firstContact());
        keys.put("sync.broker.tls.truststore-password-file", dir.resolve("missing.pass").toString());
        var e = assertThrows(IllegalArgumentException.class, () -> read(keys));
        assertTrue(e.getMessage().contains("missing.pass"), e.getMessage());
    }
}
