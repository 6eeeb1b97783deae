package io.setkeeper.sync.broker;

import java.nio.file.Path;

/**
 * The embedded broker's TLS listener for boxes ({@code sync.broker.tls.*}): a PKCS#12 keystore with the broker's
 * certificate and key, a PKCS#12 truststore with every production's CA ({@code ca.crt} from
 * {@code provision-production.sh}), client certificates required. The plain listener then serves only this
 * machine (the sync-service's own intake) and should stay on 127.0.0.1.
 */
public record BrokerTls(String host, int port, Path keystore, String keystorePassword, Path truststore,
                        String truststorePassword) {
    public BrokerTls {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("sync.broker.tls.port must be 1-65535, was " + port);
        }
    }
}
