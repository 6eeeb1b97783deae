package io.setkeeper.appliance.ingest.hash;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * C4 id (SMPTE ST 2114): SHA-512 of the content written in base58 with the alphabet
 * {@code 1-9A-HJ-NP-Za-km-z}, left-padded with '1' (the zero digit) to 88 digits, prefixed by {@code c4}.
 */
final class C4Hasher implements Hasher {
    static final int LENGTH = 90;
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);

    private final MessageDigest sha512;

    C4Hasher() {
        try {
            sha512 = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks SHA-512", e);
        }
    }

    @Override
    public HashAlgorithm algorithm() {
        return HashAlgorithm.C4;
    }

    @Override
    public void update(byte[] buf, int off, int len) {
        sha512.update(buf, off, len);
    }

    @Override
    public void update(java.nio.ByteBuffer buf) {
        sha512.update(buf);
    }

    @Override
    public String digest() {
        return encode(sha512.digest());
    }

    /** The C4 id of a 64-byte SHA-512 digest. */
    static String encode(byte[] sha512Digest) {
        BigInteger value = new BigInteger(1, sha512Digest);
        char[] out = new char[LENGTH];
        java.util.Arrays.fill(out, '1');
        out[0] = 'c';
        out[1] = '4';
        for (int i = LENGTH - 1; value.signum() != 0; i--) {
            BigInteger[] qr = value.divideAndRemainder(BASE);
            out[i] = ALPHABET.charAt(qr[1].intValue());
            value = qr[0];
        }
        return new String(out);
    }

    /** The 64 SHA-512 bytes behind a C4 id. */
    static byte[] decode(String c4) {
        if (c4 == null || c4.length() != LENGTH || !c4.startsWith("c4")) {
            throw new IllegalArgumentException("not a C4 id: " + c4);
        }
        BigInteger value = BigInteger.ZERO;
        for (int i = 2; i < LENGTH; i++) {
            int digit = ALPHABET.indexOf(c4.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("not a C4 id (bad character): " + c4);
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] raw = value.toByteArray();
        if (raw.length > 65 || (raw.length == 65 && raw[0] != 0)) {
            throw new IllegalArgumentException("not a C4 id (out of range): " + c4);
        }
        byte[] out = new byte[64];
        int n = Math.min(raw.length, 64);
        System.arraycopy(raw, raw.length - n, out, 64 - n, n);
        return out;
    }
}
