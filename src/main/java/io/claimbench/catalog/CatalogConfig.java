package io.claimbench.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** Where the eval sets and prompts live: shipped inside the application unless a folder is configured. */
@ConfigMapping(prefix = "claimbench.catalog")
public interface CatalogConfig {

    /** Folder of eval-set files ({@code <id>.yaml}) that replaces the shipped ones; default: the shipped eval sets. */
    Optional<String> evalSetsDir();

    /** Folder of prompt files and judge templates ({@code judges/<name>.md}) that replaces the shipped ones. */
    Optional<String> promptsDir();

    /**
     * The user's own eval sets besides these: folders of {@code <id>.yaml} files, or single files (the CLI's
     * {@code --eval-sets}, a spec's {@code eval-sets}).
     */
    Optional<List<String>> extraEvalSets();

    /**
     * The user's own prompt files and judge templates ({@code judges/<name>.md}), looked up before the shipped ones.
     */
    Optional<String> extraPromptsDir();

    /** Load, validate and index the catalog at start-up, failing start-up on a bad file; default true. */
    @WithDefault("true")
    boolean validateOnStart();
}
