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

/** The server refuses to start on an invalid eval set, naming the file and the line. */
@QuarkusMainIntegrationTest
@TestProfile(ServerStartupIT.BrokenCatalogServer.class)
class ServerStartupIT {

    public static class BrokenCatalogServer implements QuarkusTestProfile {
        /** A profile of its own: the %test catalog would otherwise win over these overrides. */
        @Override
        public String getConfigProfile() {
            return "broken-catalog";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return PackagedCli.asShipped(Map.of("claimbench.catalog.eval-sets-dir", "src/test/resources/broken-catalog/eval-sets",
                    "claimbench.runs.resume-on-start", "false", "claimbench.catalog.validate-on-start", "true",
                    "quarkus.datasource.jdbc.url", "jdbc:h2:mem:startup;DB_CLOSE_DELAY=-1"));
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void should_not_start_and_should_name_file_and_line(LaunchResult result) {
        assertThat(result.getOutput() + result.getErrorOutput())
                .contains("broken-catalog/eval-sets/broken.yaml:9: comparator must be one of");
    }
}
