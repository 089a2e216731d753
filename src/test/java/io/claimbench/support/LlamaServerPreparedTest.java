package io.claimbench.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the real-server tests find the server .ci/run prepares: ready, still building, failed, or absent. */
class LlamaServerPreparedTest {

    @TempDir
    Path tools;

    @AfterEach
    void clear() {
        System.clearProperty("claimbench.tools");
    }

    @Test
    void should_wait_while_the_build_job_lives_and_then_read_the_ready_file() throws Exception {
        System.setProperty("claimbench.tools", tools.toString());
        Files.writeString(tools.resolve("llama-server.building"), String.valueOf(ProcessHandle.current().pid()));
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
            LlamaServer.pause(java.time.Duration.ofSeconds(1));
            try {
                Files.writeString(tools.resolve("llama-server.ready"), "server=/t/bin/llama-server\nmodel=/t/m.gguf\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        LlamaServer.Prepared p = LlamaServer.prepared();
        done.join();
        assertThat(p).isEqualTo(new LlamaServer.Prepared(Path.of("/t/bin/llama-server"), Path.of("/t/m.gguf")));
    }

    @Test
    void should_fail_with_the_reason_when_the_build_job_failed() throws Exception {
        System.setProperty("claimbench.tools", tools.toString());
        Files.writeString(tools.resolve("llama-server.failed"), "building llama-server 3.21.1 failed (log x)\n");
        assertThatThrownBy(LlamaServer::prepared).isInstanceOf(AssertionFailedError.class)
                .hasMessage("llama-server could not be prepared: building llama-server 3.21.1 failed (log x)");
    }

    @Test
    void should_say_how_to_prepare_it_when_nothing_is_there() {
        System.setProperty("claimbench.tools", tools.toString());
        Class<? extends Throwable> expected = "true".equalsIgnoreCase(System.getenv("CI"))
                ? AssertionFailedError.class : TestAbortedException.class;
        assertThatThrownBy(LlamaServer::prepared).isInstanceOf(expected)
                .hasMessageContaining("not prepared in " + tools).hasMessageContaining("src/test/llm/real-server.sh prepare");
    }
}
