package io.claimbench.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the eval sets and prompts live. */
@ConfigMapping(prefix = "claimbench.catalog")
public interface CatalogConfig {

    /** Folder of eval-set files ({@code <id>.yaml}); default {@code eval-sets}, relative to the working directory. */
    @WithDefault("eval-sets")
    String evalSetsDir();

    /** Folder of prompt files and judge templates ({@code judges/<name>.md}); default {@code prompts}. */
    @WithDefault("prompts")
    String promptsDir();

    /** Load, validate and index the catalog at start-up, failing start-up on a bad file; default true. */
    @WithDefault("true")
    boolean validateOnStart();
}
