package io.setkeeper.protocol.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Signs and verifies artefacts with a production's Ed25519 key pair: the signature covers the artefact's SHA-256
 * (lower-case hex, as in the manifest), so a verified hash plus a valid signature proves the bytes came from a box
 * holding the production's private key. Public keys travel as base64 X.509 (the JDK's {@code getEncoded()}).
 */
public final class ArtefactSignature {
    /** The signature algorithm. */
    public static final String ALGORITHM = "Ed25519";

    private ArtefactSignature() {
    }

    /** The base64 signature of {@code sha256Hex}. */
    public static String sign(PrivateKey key, String sha256Hex) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(sha256Hex.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
    }

    /** True if {@code signatureBase64} is a valid signature of {@code sha256Hex} by {@code key}. */
    public static boolean verify(PublicKey key, String sha256Hex, String signatureBase64) {
        if (signatureBase64 == null) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(sha256Hex.getBytes(StandardCharsets.US_ASCII));
            return s.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Reads a base64 X.509 Ed25519 public key. */
    public static PublicKey publicKey(String base64X509) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64X509.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 X.509 Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** The base64 X.509 form of a public key, for configuration files. */
    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }
}
