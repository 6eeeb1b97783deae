package io.setkeeper.appliance.ingest.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** MD5 and SHA-1 through the JDK's {@link MessageDigest}, digest as lowercase hex. */
final class DigestHasher implements Hasher {
    private final HashAlgorithm algorithm;
    private final MessageDigest digest;

    DigestHasher(HashAlgorithm algorithm, String jdkName) {
        this.algorithm = algorithm;
        try {
            this.digest = MessageDigest.getInstance(jdkName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + jdkName, e);
        }
    }

    @Override
    public HashAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public void update(byte[] buf, int off, int len) {
        digest.update(buf, off, len);
    }

    @Override
    public void update(java.nio.ByteBuffer buf) {
        digest.update(buf);
    }

    @Override
    public String digest() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
