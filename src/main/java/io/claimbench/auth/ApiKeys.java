package io.claimbench.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * ClaimBench API keys: {@code cb_} and 43 URL-safe characters (256 random bits). Stored as their SHA-256 only: a key
 * that random needs no slow hash, and the digest is enough to find it.
 */
public final class ApiKeys {

    public static final String PREFIX = "cb_";
    private static final Pattern SHAPE = Pattern.compile("cb_[A-Za-z0-9_-]{20,200}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a bearer token is one of ours (else it may be an OIDC token). */
    public static boolean looksLikeKey(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    /** {@code sha256:<hex>}, the form configuration and the database hold. */
    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What may be shown of a key to tell it apart: its first characters. */
    public static String visiblePrefix(String key) {
        return key.substring(0, Math.min(key.length(), PREFIX.length() + 4));
    }
}
