package io.setkeeper.appliance.outbox.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS with a client certificate towards the broker, from the files {@code firmware-config/pki/provision-production.sh}
 * makes: the production CA ({@code ca.crt}, PEM; the broker's certificate must chain to it) and the box's
 * PKCS#12 ({@code appliance-<box>.p12}, client certificate with CN {@code <box>.<production>}) with its password
 * file ({@code appliance-<box>.p12.pass}). Used with an {@code ssl://} broker URI.
 */
public record MqttTls(Path caFile, Path keystore, Path keystorePasswordFile) {
    public MqttTls {
        if (caFile == null || keystore == null || keystorePasswordFile == null) {
            throw new IllegalArgumentException("TLS needs setkeeper.sync.tls.ca, .keystore and .keystore-password-file");
        }
    }

    /** The socket factory: trusts only the CA file, presents the keystore's certificate. */
    public SSLSocketFactory socketFactory() {
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            try (InputStream in = Files.newInputStream(caFile)) {
                Collection<? extends Certificate> cas = x509.generateCertificates(in);
                if (cas.isEmpty()) {
                    throw new IllegalArgumentException("no certificate in " + caFile);
                }
                int i = 0;
                for (Certificate c : cas) {
                    trust.setCertificateEntry("ca-" + i++, c);
                }
            }
            char[] password = Files.readString(keystorePasswordFile, StandardCharsets.UTF_8).strip().toCharArray();
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                keys.load(in, password);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up MQTT TLS from " + caFile + " and " + keystore + ": "
                    + e.getMessage(), e);
        }
    }
}
