package io.claimbench.models;

import io.claimbench.auth.OwnerOnlyFiles;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals the API keys of models defined over REST before they reach the database: AES-256-GCM, a fresh 96-bit nonce
 * per key, the model's name as associated data (a sealed key copied to another row does not open). The sealing key
 * lives outside the database: {@code claimbench.secrets.seal-key} (base64 of 32 bytes), else {@code seal.key} in the
 * data folder, made (owner-only) the first time a key is sealed. A database dump alone holds no usable key.
 */
@ApplicationScoped
public class KeySeal {

    static final String PREFIX = "sealed:v1:";
    private static final String FILE = "seal.key";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<String> configured;
    private final Path file;
    private volatile SecretKey key;

    public KeySeal(@ConfigProperty(name = "claimbench.secrets.seal-key") Optional<String> configured,
                   @ConfigProperty(name = "claimbench.data-dir") String dataDir) {
        this.configured = configured.filter(s -> !s.isBlank());
        this.file = Path.of(dataDir).resolve(FILE).toAbsolutePath().normalize();
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** The key to store for model {@code model}; null stays null. */
    public String seal(String plain, String model) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key(true), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad(model));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal the API key of model '" + model + "'", e);
        }
    }

    /** The key a model's row holds, opened; a row from before sealing holds it as it was given. */
    public String unseal(String stored, String model) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key(false), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            c.updateAAD(aad(model));
            return new String(c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the API key of model '" + model + "' does not open with this server's "
                    + "sealing key (" + where() + "): was it sealed by another installation? Define the model's key again");
        }
    }

    private static byte[] aad(String model) {
        return ("model_config:" + model).getBytes(StandardCharsets.UTF_8);
    }

    private String where() {
        return configured.isPresent() ? "claimbench.secrets.seal-key" : file.toString();
    }

    private SecretKey key(boolean create) {
        SecretKey k = key;
        if (k != null) {
            return k;
        }
        synchronized (this) {
            if (key == null) {
                key = new SecretKeySpec(load(create), "AES");
            }
            return key;
        }
    }

    private byte[] load(boolean create) {
        if (configured.isPresent()) {
            return decode(configured.get(), "claimbench.secrets.seal-key");
        }
        try {
            if (!Files.exists(file)) {
                if (!create) {
                    throw new IllegalStateException("no sealing key in " + file + ": the model keys in this database "
                            + "were sealed elsewhere");
                }
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                OwnerOnlyFiles.create(file, (Base64.getEncoder().encodeToString(fresh) + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the sealing key " + file, e);
        }
    }

    private static byte[] decode(String base64, String where) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": not base64");
        }
        if (k.length != 32) {
            throw new IllegalStateException(where + ": a sealing key is 32 bytes (base64 of 32 random bytes)");
        }
        return k;
    }
}
