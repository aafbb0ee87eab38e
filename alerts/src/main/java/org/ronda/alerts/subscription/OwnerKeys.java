package org.ronda.alerts.subscription;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * API keys of subscription owners and the other secrets of a subscription. A key is 32 random
 * bytes shown once to its owner; only its SHA-256 is stored, so the subscriptions topic never holds
 * a usable key.
 */
public final class OwnerKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private OwnerKeys() {
    }

    /** A new owner key: {@code rk_} and 64 hex characters. */
    public static String newKey() {
        return "rk_" + randomHex(32);
    }

    /** A new random secret of {@code bytes} bytes as lowercase hex. */
    public static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HEX.formatHex(b);
    }

    /** A new subscription id. */
    public static String newSubscriptionId() {
        return "sub_" + randomHex(12);
    }

    /** Lowercase hex SHA-256 of {@code key}. */
    public static String hash(String key) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Compares two secrets in time that does not depend on where they differ. */
    public static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
