package io.claimbench.auth;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The keys that may call the API: those in configuration (checked at start-up) and those created over the API. */
@ApplicationScoped
public class ApiKeyStore {

    private static final Pattern HASH = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Clock clock;
    private final Map<String, ConfiguredKey> configured = new LinkedHashMap<>();

    private record ConfiguredKey(String name, String hash, Set<Role> roles) {
    }

    public ApiKeyStore(AuthConfig config, Clock clock) {
        this.clock = clock;
        config.keys().forEach((name, k) -> {
            String property = "claimbench.auth.keys.\"" + name + "\"";
            String hash = k.hash().trim().toLowerCase(java.util.Locale.ROOT);
            if (!HASH.matcher(hash).matches()) {
                throw new IllegalArgumentException(property + ".hash: expected sha256: and 64 hex digits (the SHA-256 "
                        + "of the key, never the key itself)");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String r : k.roles()) {
                try {
                    roles.add(Role.require(r));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(property + ".roles: " + e.getMessage());
                }
            }
            configured.put(hash, new ConfiguredKey(name, hash, roles));
        });
    }

    /** The caller a key belongs to; empty for a key nobody knows or one that was revoked. */
    public Optional<Caller> authenticate(String key) {
        String hash = ApiKeys.hash(key);
        ConfiguredKey c = configured.get(hash);
        if (c != null) {
            return Optional.of(new Caller("key:" + c.name(), c.roles()));
        }
        ApiKeyEntity e = QuarkusTransaction.requiringNew().call(() ->
                ApiKeyEntity.<ApiKeyEntity>find("#" + ApiKeyEntity.LIVE, hash).firstResult());
        return Optional.ofNullable(e).map(k -> new Caller("key:" + k.name, parseRoles(k.roles)));
    }

    /** Whether any key can call the API: one in configuration, or one created and not revoked. */
    public boolean anyKey() {
        return !configured.isEmpty()
                || QuarkusTransaction.requiringNew().call(() -> ApiKeyEntity.count("revokedAt is null")) > 0;
    }

    /** A new key with these roles; the key itself is in the answer and nowhere else. */
    public ApiKeyView create(String name, Collection<Role> roles, String createdBy) {
        return register(name, roles, createdBy, ApiKeys.generate());
    }

    /** Records a key made elsewhere (the first start's admin key, read back from its file). */
    ApiKeyView register(String name, Collection<Role> roles, String createdBy, String key) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("roles: at least one of reader, voter, runner, admin");
        }
        ApiKeyEntity e = new ApiKeyEntity();
        e.id = UUID.randomUUID().toString();
        e.name = name;
        e.keyHash = ApiKeys.hash(key);
        e.keyPrefix = ApiKeys.visiblePrefix(key);
        e.roles = roles.stream().sorted().map(Role::label).collect(Collectors.joining(","));
        e.createdAt = Instant.now(clock);
        e.createdBy = createdBy;
        QuarkusTransaction.requiringNew().run(e::persist);
        ApiKeyView v = view(e);
        return new ApiKeyView(v.id(), v.name(), v.roles(), v.prefix(), v.source(), v.createdAt(), v.createdBy(), null, key);
    }

    public List<ApiKeyView> list() {
        List<ApiKeyView> all = new ArrayList<>();
        configured.values().forEach(c -> all.add(new ApiKeyView("config:" + c.name(), c.name(),
                c.roles().stream().sorted().map(Role::label).toList(), null, "config", null, "configuration", null, null)));
        QuarkusTransaction.requiringNew().run(() -> ApiKeyEntity.<ApiKeyEntity>listAll().stream()
                .sorted(Comparator.comparing((ApiKeyEntity e) -> e.createdAt).thenComparing(e -> e.id))
                .forEach(e -> all.add(view(e))));
        return all;
    }

    /** Whether a key of this id is in configuration (and so cannot be revoked over the API). */
    public boolean isConfigured(String id) {
        return id != null && id.startsWith("config:")
                && configured.values().stream().anyMatch(c -> id.equals("config:" + c.name()));
    }

    /** Revokes a key created over the API; true when it existed. A revoked key stays listed, with the time. */
    public Optional<ApiKeyView> revoke(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ApiKeyEntity e = ApiKeyEntity.findById(id);
            if (e == null) {
                return Optional.empty();
            }
            if (e.revokedAt == null) {
                e.revokedAt = Instant.now(clock);
            }
            return Optional.of(view(e));
        });
    }

    private static ApiKeyView view(ApiKeyEntity e) {
        return new ApiKeyView(e.id, e.name, parseRoles(e.roles).stream().sorted().map(Role::label).toList(), e.keyPrefix,
                "api", e.createdAt, e.createdBy, e.revokedAt, null);
    }

    private static Set<Role> parseRoles(String csv) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(csv.split(",")).map(Role::parse).flatMap(Optional::stream).forEach(roles::add);
        return roles;
    }
}
