package io.claimbench.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One prompt of an eval set. {@code hash} addresses its content (text and reference), so an edited prompt is a
 * new version while results keep pointing at the text they were run on. {@code sourceId} is the id the prompt
 * has in a third-party data set, used to find recorded answers.
 */
public record PromptItem(String id, String category, String text, String reference, String sourceId, String hash) {

    public PromptItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(text, "text");
    }

    public static PromptItem of(String id, String category, String text, String reference, String sourceId) {
        return new PromptItem(id, category, text, reference, sourceId, hash(text, reference));
    }

    static String hash(String text, String reference) {
        return sha256(text + "\u0000" + (reference == null ? "" : reference));
    }

    /** Cloned for each digest: a clone skips the provider lookup, which cost as much as hashing a prompt. */
    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String s) {
        MessageDigest md;
        try {
            md = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
        return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
