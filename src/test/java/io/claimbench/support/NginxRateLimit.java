package io.claimbench.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * nginx in front of a model server with {@code limit_req}: calls past the rate get a real 429 with
 * {@code Retry-After: 1} and an OpenAI-style JSON error, the way a hosted API or gateway limits. Streams pass through
 * unbuffered. Runs in the foreground as one process of the test's, with its config and logs in {@code dir}. .ci/run
 * installs Debian's nginx-light; without it a test skips, or fails with {@code CI=true}.
 */
public final class NginxRateLimit implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path dir;

    private NginxRateLimit(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** nginx on a free loopback port, passing at most {@code perSecond} requests a second to {@code upstreamPort}. */
    public static NginxRateLimit start(int upstreamPort, int perSecond, Path dir) throws IOException {
        Path nginx = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/bin/nginx")).stream().filter(Files::isExecutable)
                .findFirst().orElse(null);
        if (nginx == null) {
            String message = "nginx is not installed: .ci/run installs Debian's nginx-light (apt-get install nginx-light)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI=true: " + message);
            }
            Assumptions.abort(message);
        }
        int port = LlamaServer.freePort();
        Files.createDirectories(dir.resolve("temp"));
        String d = dir.toAbsolutePath().toString();
        Files.writeString(dir.resolve("nginx.conf"), """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 256; }
                http {
                    log_format calls '$msec $status $request_uri';
                    access_log %1$s/access.log calls;
                    client_body_temp_path %1$s/temp/body;
                    proxy_temp_path %1$s/temp/proxy;
                    fastcgi_temp_path %1$s/temp/fastcgi;
                    uwsgi_temp_path %1$s/temp/uwsgi;
                    scgi_temp_path %1$s/temp/scgi;
                    limit_req_zone $binary_remote_addr zone=llm:1m rate=%2$dr/s;
                    server {
                        listen 127.0.0.1:%3$d;
                        location / {
                            limit_req zone=llm;
                            limit_req_status 429;
                            error_page 429 = @limited;
                            proxy_pass http://127.0.0.1:%4$d;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_buffering off;
                            proxy_read_timeout 300s;
                        }
                        location @limited {
                            add_header Retry-After 1 always;
                            default_type application/json;
                            return 429 '{"error":{"message":"Rate limit reached: retry after 1 s","type":"rate_limit_exceeded","code":"rate_limit_exceeded"}}';
                        }
                    }
                }
                """.formatted(d, perSecond, port, upstreamPort));
        Process p = new ProcessBuilder(nginx.toString(), "-p", d, "-c", d + "/nginx.conf", "-e", d + "/error.log")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        NginxRateLimit proxy = new NginxRateLimit(p, port, dir);
        proxy.awaitListening();
        return proxy;
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ": "
                        + LlamaServer.read(dir.resolve("nginx.out")) + LlamaServer.read(dir.resolve("error.log")));
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                LlamaServer.pause(Duration.ofMillis(50));
            }
        }
        throw new IllegalStateException("nginx not listening within 20 s");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/v1";
    }

    /** The HTTP status of every request nginx saw, in order. */
    public List<Integer> statuses() {
        return LlamaServer.read(dir.resolve("access.log")).lines().map(l -> l.split(" "))
                .filter(f -> f.length >= 2).map(f -> Integer.parseInt(f[1])).toList();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
