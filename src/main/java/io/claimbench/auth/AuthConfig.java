package io.claimbench.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Map;

/** Who may call the API: keys from configuration, and the secure defaults. */
@ConfigMapping(prefix = "claimbench.auth")
public interface AuthConfig {

    /**
     * Keys given in configuration, by name ({@code claimbench.auth.keys."ci".hash=sha256:<hex>} and
     * {@code claimbench.auth.keys."ci".roles=runner}): only the SHA-256 of each key, never the key.
     */
    Map<String, ConfiguredKey> keys();

    /** Anyone may read (GET the API, OpenAPI, metrics) without a key. Writes always need one. */
    @WithDefault("false")
    boolean anonymousRead();

    /**
     * On a start that finds no key at all (none configured, none created over the API, no OIDC), create an admin key
     * and write it to {@code admin.key} in the data folder, readable by its owner only.
     */
    @WithDefault("true")
    boolean createAdminKey();

    interface ConfiguredKey {
        /** {@code sha256:} and the hex SHA-256 of the key ({@code claimbench keys hash} prints it). */
        String hash();

        @WithDefault("reader")
        List<String> roles();
    }
}
