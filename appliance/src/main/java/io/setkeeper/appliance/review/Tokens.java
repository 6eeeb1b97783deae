package io.setkeeper.appliance.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** API tokens: 32 random bytes as URL-safe Base64 with an {@code sk_} prefix; only their SHA-256 is stored. */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** A new random token (shown once, never stored). */
    public static String generate() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return "sk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The stored form of a token: lower-case hex SHA-256 of its UTF-8 text. */
    public static String hash(String token) {
        return sha256(token);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
