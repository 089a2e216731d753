package io.claimbench.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests the build writes (quarkus-kubernetes, target/kubernetes/kubernetes.yml): several instances
 * behind a Service, probed on /q/health, listening on all interfaces, the database and the sealing key from a Secret.
 */
class KubernetesManifestIT {

    private static final Path MANIFEST = Path.of("target", "kubernetes", "kubernetes.yml");

    @Test
    void should_run_several_probed_instances_with_the_database_from_a_secret() throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (var it = yaml.readerFor(JsonNode.class).<JsonNode>readValues(MANIFEST.toFile())) {
            it.forEachRemaining(docs::add);
        }
        JsonNode deployment = docs.stream().filter(d -> d.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
        assertThat(docs).anyMatch(d -> d.path("kind").asText().equals("Service"));
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);

        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertThat(container.path("image").asText()).contains("claimbench/claimbench:");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
        assertThat(container.at("/readinessProbe/httpGet/port").asText()).isIn("8080", "http");

        List<JsonNode> env = StreamSupport.stream(container.path("env").spliterator(), false).toList();
        assertThat(value(env, "CLAIMBENCH_HOST")).isEqualTo("0.0.0.0");
        for (String[] ref : new String[][]{{"CLAIMBENCH_DB_URL", "db-url"}, {"CLAIMBENCH_DB_USER", "db-user"},
                {"CLAIMBENCH_DB_PASSWORD", "db-password"}, {"CLAIMBENCH_SEAL_KEY", "seal-key"}}) {
            JsonNode secret = variable(env, ref[0]).at("/valueFrom/secretKeyRef");
            assertThat(secret.path("name").asText()).as(ref[0]).isEqualTo("claimbench");
            assertThat(secret.path("key").asText()).as(ref[0]).isEqualTo(ref[1]);
            assertThat(variable(env, ref[0]).has("value")).as("%s is not written in the manifest", ref[0]).isFalse();
        }
        assertThat(value(env, "CLAIMBENCH_DATA_DIR")).isEqualTo("/work/data");
        assertThat(container.at("/volumeMounts/0/mountPath").asText()).isEqualTo("/work/data");
        assertThat(deployment.at("/spec/template/spec/volumes/0/emptyDir").isObject()).isTrue();
    }

    private static JsonNode variable(List<JsonNode> env, String name) {
        return env.stream().filter(e -> e.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + env));
    }

    private static String value(List<JsonNode> env, String name) {
        return variable(env, name).path("value").asText();
    }
}
