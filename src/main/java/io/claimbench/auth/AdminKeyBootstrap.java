package io.claimbench.auth;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

/**
 * Secure by default: a server that starts with no key at all (none configured, none created, no OIDC) creates an
 * admin key, writes it to {@code admin.key} in the data folder (owner-only) and logs where it is, never the key.
 * Started again, it finds the key in the database (or registers the file's key in a new database).
 */
@ApplicationScoped
public class AdminKeyBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminKeyBootstrap.class);
    static final String FILE = "admin.key";
    static final String NAME = "admin";

    private final AuthConfig config;
    private final ApiKeyStore store;
    private final Path dataDir;
    private final boolean oidc;

    public AdminKeyBootstrap(AuthConfig config, ApiKeyStore store,
                             @ConfigProperty(name = "claimbench.data-dir") String dataDir,
                             @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean oidc) {
        this.config = config;
        this.store = store;
        this.dataDir = Path.of(dataDir);
        this.oidc = oidc;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (!config.createAdminKey() || oidc || store.anyKey()) {
            return;
        }
        Path file = dataDir.resolve(FILE).toAbsolutePath().normalize();
        try {
            String key = ApiKeys.generate();
            boolean created = OwnerOnlyFiles.create(file, (key + "\n").getBytes(StandardCharsets.US_ASCII));
            if (!created) {
                key = Files.readString(file, StandardCharsets.US_ASCII).trim();
                if (!ApiKeys.looksLikeKey(key)) {
                    throw new IllegalStateException(file + " holds no ClaimBench key: remove it to have a new one made");
                }
            }
            store.register(NAME, EnumSet.of(Role.ADMIN), "first start", key);
            LOG.infof("No API key was configured: %s the admin key in %s (readable by its owner only). Send it as "
                    + "'Authorization: Bearer <key>' or 'X-API-Key: <key>'; create other keys with POST /api/keys.",
                    created ? "created" : "registered", file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the admin key to " + file, e);
        }
    }
}
