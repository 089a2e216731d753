package io.claimbench.auth;

import java.time.Instant;
import java.util.List;

/**
 * An API key as listed: never the key itself, which is shown once, when it is created ({@code key} is null otherwise).
 * {@code source}: {@code config} (cannot be revoked over the API) or {@code api}.
 */
public record ApiKeyView(String id, String name, List<String> roles, String prefix, String source, Instant createdAt,
                         String createdBy, Instant revokedAt, String key) {
}
