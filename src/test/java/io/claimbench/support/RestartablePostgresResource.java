package io.claimbench.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real PostgreSQL that a test can stop and start again, on the same port and data folder, as a database that goes
 * away and comes back: {@link #stopServer()} is a fast shutdown (sessions are terminated, new connections refused),
 * {@link #startServer()} the same server again, with everything it had committed.
 */
public class RestartablePostgresResource implements QuarkusTestResourceLifecycleManager {

    private static final Path DATA = Path.of("target", "embedded-pg-restartable").toAbsolutePath();
    private static int port;
    private static EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        deleteData();
        port = freePort();
        startServer();
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    /** Starts the server on its port and data folder (the first time, on a new data folder). */
    public static synchronized void startServer() {
        if (postgres != null) {
            throw new IllegalStateException("PostgreSQL is running already");
        }
        try {
            postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(Path.of("target", "embedded-pg").toAbsolutePath().toFile())
                    .setDataDirectory(DATA.toFile())
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /** Stops the server (pg_ctl stop -m fast), keeping its data. */
    public static synchronized void stopServer() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            postgres = null;
        }
    }

    @Override
    public void stop() {
        synchronized (RestartablePostgresResource.class) {
            if (postgres != null) {
                stopServer();
            }
        }
        deleteData();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteData() {
        if (!Files.exists(DATA)) {
            return;
        }
        try (Stream<Path> files = Files.walk(DATA)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
