package io.claimbench.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.support.ServerProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged server as operators meet it (issue 10, point 9): it listens on the loopback interface unless
 * CLAIMBENCH_HOST says otherwise, serves Swagger UI and the contract in production, and logs plain lines unless
 * CLAIMBENCH_LOG_JSON=true turns the console into one JSON object per line.
 */
class ServerOperationsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void should_listen_on_loopback_only_log_plain_lines_and_serve_swagger_ui_by_default() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "ops-default");
        Path log = dir.resolve("server.log");
        try (ServerProcess s = ServerProcess.start(Map.of(), Map.of("CLAIMBENCH_HOST", "", "CLAIMBENCH_LOG_JSON", ""), log)) {
            int port = URI.create(s.url("/")).getPort();
            var ui = s.get("/q/swagger-ui/");
            assertThat(ui.statusCode()).as(ui.body()).isEqualTo(200);
            assertThat(ui.body()).containsIgnoringCase("swagger");
            assertThat(s.get("/q/swagger-ui").statusCode()).as("without the slash").isIn(200, 301, 302);
            var doc = s.get("/q/openapi?format=json");
            assertThat(doc.statusCode()).isEqualTo(200);
            assertThat(doc.body()).contains("\"operationId\" : \"startRun\"");

            String text = Files.readString(log);
            assertThat(text).contains("Listening on: http://127.0.0.1:" + port);
            assertThat(text.lines().filter(l -> l.contains("Listening on:"))).allMatch(l -> !l.startsWith("{"));
            Optional<InetAddress> other = nonLoopbackAddress();
            if (other.isPresent()) {
                assertThat(connects(other.get(), port)).as("reachable on " + other.get().getHostAddress()).isFalse();
            }
        }
    }

    @Test
    void should_listen_on_all_interfaces_and_log_json_when_told() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "ops-json");
        Path log = dir.resolve("server.log");
        try (ServerProcess s = ServerProcess.start(Map.of(), Map.of("CLAIMBENCH_HOST", "0.0.0.0", "CLAIMBENCH_LOG_JSON", "true"), log)) {
            int port = URI.create(s.url("/")).getPort();
            assertThat(s.get("/q/swagger-ui/").statusCode()).isEqualTo(200);

            // The JVM's own warnings go to stderr before logging starts; everything logged is one JSON object a line.
            List<String> logged = Files.readAllLines(log).stream().filter(l -> l.startsWith("{")).toList();
            assertThat(logged).hasSizeGreaterThan(3);
            JsonNode listening = null;
            for (String line : logged) {
                JsonNode record = JSON.readTree(line);
                assertThat(record.has("timestamp") && record.has("level") && record.has("loggerName") && record.has("message"))
                        .as(line).isTrue();
                if (record.get("message").asText().contains("Listening on:")) {
                    listening = record;
                }
            }
            assertThat(listening).as("the start line, as JSON").isNotNull();
            assertThat(listening.get("message").asText()).contains("http://0.0.0.0:" + port);
            assertThat(Files.readAllLines(log)).noneMatch(l -> l.matches("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d.*"));
            Optional<InetAddress> other = nonLoopbackAddress();
            if (other.isPresent()) {
                assertThat(connects(other.get(), port)).as("reachable on " + other.get().getHostAddress()).isTrue();
            }
        }
    }

    /** An IPv4 address of this machine other than loopback, if it has one. */
    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (n.isUp() && !n.isLoopback()) {
                for (InetAddress a : Collections.list(n.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        return Optional.of(a);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
