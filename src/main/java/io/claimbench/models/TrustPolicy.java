package io.claimbench.models;

import io.claimbench.catalog.Bundle;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Keeps REST callers from using the server as a proxy for its secrets or files: recordings only from the
 * configured folders (symbolic links resolved), and keys from the environment only for allowed variables sent
 * to the provider's own endpoint or an allowed base URL.
 */
@ApplicationScoped
public class TrustPolicy {

    private final SecurityConfig config;

    public TrustPolicy(SecurityConfig config) {
        this.config = config;
    }

    /** The recording location ({@code path[#model]}) if a REST caller may replay it; else an exception that tells nothing of the file. */
    public void checkRecording(String location) {
        int hash = location.lastIndexOf('#');
        Path file = Bundle.resolve(hash > 0 ? location.substring(0, hash) : location);
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException | RuntimeException e) {
            throw refused();
        }
        for (String root : config.recordingRoots()) {
            try {
                Path r = Bundle.resolve(root).toRealPath();
                if (real.startsWith(r) && Files.isRegularFile(real)) {
                    return;
                }
            } catch (IOException ignored) {
                // a configured root that does not exist allows nothing
            }
        }
        throw refused();
    }

    /** A model defined over REST: checked for its recording and for where a key from the environment would go. */
    public void checkDefinedModel(ModelSpec spec) {
        if (spec.provider() == Provider.RECORDED) {
            checkRecording(spec.recording());
            return;
        }
        boolean ownKey = spec.apiKey() != null && !spec.apiKey().isBlank();
        if (ownKey || spec.apiKeyEnv() == null) {
            return;
        }
        if (!config.keyEnvs().contains(spec.apiKeyEnv())) {
            throw new IllegalArgumentException("apiKeyEnv: a model defined over the API may only name " + config.keyEnvs()
                    + " (claimbench.security.key-envs)");
        }
        if (spec.baseUrl() != null) {
            List<String> allowed = config.keyBaseUrls().orElse(List.of());
            if (allowed.stream().noneMatch(prefix -> spec.baseUrl().startsWith(prefix))) {
                throw new IllegalArgumentException("baseUrl: a key from the environment is only sent to the provider's "
                        + "own endpoint or to claimbench.security.key-base-urls; give this model its own apiKey");
            }
        }
    }

    private IllegalArgumentException refused() {
        return new IllegalArgumentException("recording: not a replayable file under " + config.recordingRoots()
                + " (claimbench.security.recording-roots)");
    }
}
