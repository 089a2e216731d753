package io.claimbench.models;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/**
 * What callers of the REST API may make the server do with its files and secrets. The CLI is run by the
 * operator and is not restricted.
 */
@ConfigMapping(prefix = "claimbench.security")
public interface SecurityConfig {

    /** Folders whose files REST callers may replay as recordings; default {@code eval-sets/public}. */
    @WithDefault("eval-sets/public")
    List<String> recordingRoots();

    /** Environment variables a model defined over REST may take its key from; default the three providers' own. */
    @WithDefault("OPENAI_API_KEY,ANTHROPIC_API_KEY,GEMINI_API_KEY")
    List<String> keyEnvs();

    /**
     * Base URLs (prefixes) to which a model defined over REST may send a key taken from the environment; default
     * none: such a model uses its provider's public endpoint, or brings its own key.
     */
    Optional<List<String>> keyBaseUrls();
}
