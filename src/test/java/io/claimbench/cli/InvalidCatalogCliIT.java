package io.claimbench.cli;

import io.claimbench.support.PackagedCli;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A broken eval set: validate names the file and line and exits 2. */
@QuarkusMainIntegrationTest
@TestProfile(InvalidCatalogCliIT.BrokenCatalog.class)
class InvalidCatalogCliIT {

    public static class BrokenCatalog implements QuarkusTestProfile {
        /** The CLI's own profile, as in production; the %test catalog would otherwise win over these overrides. */
        @Override
        public String getConfigProfile() {
            return "cli";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return PackagedCli.asShipped(Map.of("claimbench.catalog.eval-sets-dir", "src/test/resources/broken-catalog/eval-sets",
                    "claimbench.catalog.validate-on-start", "false", "claimbench.runs.resume-on-start", "false",
                    "quarkus.datasource.jdbc.url", "jdbc:h2:mem:cli;DB_CLOSE_DELAY=-1"));
        }
    }

    @Test
    @Launch(value = {"validate"}, exitCode = 3)
    void should_name_file_and_line(LaunchResult result) {
        assertThat(result.getErrorOutput())
                .contains("broken-catalog/eval-sets/broken.yaml:9: comparator must be one of >=, >, <=, <; was '=>'")
                .contains("broken-catalog/eval-sets/broken.yaml:15: category 'gamma' is not in the eval set's categories");
    }
}
