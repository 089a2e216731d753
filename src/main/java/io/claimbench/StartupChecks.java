package io.claimbench;

import io.claimbench.catalog.CatalogConfig;
import io.claimbench.catalog.CatalogService;
import io.claimbench.models.ModelRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;

/** The server refuses to start on a bad eval set or model configuration, naming the file and line or property. */
@ApplicationScoped
public class StartupChecks {

    private static final Logger LOG = Logger.getLogger(StartupChecks.class);

    void check(@Observes @Priority(1) StartupEvent event, CatalogConfig catalogConfig, CatalogService catalog,
               ModelRegistry models) {
        List<String> problems = models.configProblems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid model configuration:\n  " + String.join("\n  ", problems));
        }
        if (catalogConfig.validateOnStart()) {
            var sets = catalog.reload();
            LOG.infof("catalog: %d eval sets, %d prompts", sets.size(), sets.stream().mapToInt(s -> s.prompts().size()).sum());
        }
    }
}
