package io.claimbench.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** Runs a test class on a PostgreSQL it can stop and start again ({@link RestartablePostgresResource}). */
public class RestartablePostgresProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.db-kind", "postgresql");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RestartablePostgresResource.class));
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
