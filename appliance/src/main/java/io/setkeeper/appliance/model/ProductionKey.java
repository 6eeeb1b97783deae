package io.setkeeper.appliance.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * A production's Ed25519 signing key (JDK provider), kept on disk as {@code ed25519.key} (PKCS#8, owner-only) and
 * {@code ed25519.pub} (X.509); created on first use. Signs and verifies version manifests.
 */
public final class ProductionKey {
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private ProductionKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Loads the key in {@code dir}, creating it if absent. */
    public static ProductionKey openOrCreate(Path dir) {
        Path priv = dir.resolve("ed25519.key"), pub = dir.resolve("ed25519.pub");
        try {
            KeyFactory kf = KeyFactory.getInstance("Ed25519");
            if (Files.exists(priv) && Files.exists(pub)) {
                return new ProductionKey(kf.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(priv))),
                        kf.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(pub))));
            }
            Files.createDirectories(dir);
            KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.write(priv, kp.getPrivate().getEncoded());
            try {
                Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the data dir's own permissions apply
            }
            Files.write(pub, kp.getPublic().getEncoded());
            return new ProductionKey(kp.getPrivate(), kp.getPublic());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the production key in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the production key in " + dir + " is not a usable Ed25519 key: " + e.getMessage(), e);
        }
    }

    public byte[] sign(byte[] data) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public boolean verify(byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(publicKey);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The X.509 encoding of the public key (what a receiver needs to verify). */
    public byte[] publicKey() {
        return publicKey.getEncoded();
    }
}
