package io.claimbench.cli;

import io.claimbench.auth.ApiKeys;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code claimbench keys}: a new key with the properties that admit it, and the hash of a key from stdin. */
class KeysCommandTest {

    private record Result(int code, String out, String err) {
    }

    private static Result run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            CommandLine cl = new CommandLine(new KeysCommand()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
            return new Result(cl.execute(args), out.toString(), err.toString());
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void should_print_a_new_key_and_the_properties_whose_hash_admits_it() {
        Result r = run("", "new", "--name", "ci-bot", "--roles", "runner");
        assertThat(r.code()).isZero();
        List<String> lines = r.out().lines().filter(l -> !l.startsWith("#")).toList();
        assertThat(lines).hasSize(3);
        String key = lines.get(0);
        assertThat(ApiKeys.looksLikeKey(key)).isTrue();
        assertThat(lines.get(1)).isEqualTo("claimbench.auth.keys.\"ci-bot\".hash=" + ApiKeys.hash(key));
        assertThat(lines.get(2)).isEqualTo("claimbench.auth.keys.\"ci-bot\".roles=runner");
        assertThat(run("", "new", "--name", "ci-bot").out()).doesNotContain(key);
    }

    @Test
    void should_hash_a_key_from_standard_input_as_configuration_expects() {
        Result r = run("cb_test-admin-key-for-the-test-suite-only\n", "hash");
        assertThat(r.code()).isZero();
        // The %test admin key's hash in application.properties.
        assertThat(r.out().trim()).isEqualTo("sha256:39c372b0f154a10dae1e3c3cd399832538ceea1771d5663da40e68356a6196a8");
    }

    @Test
    void should_refuse_an_unknown_role_and_text_that_is_no_key() {
        assertThat(run("", "new", "--name", "x", "--roles", "boss").code()).isNotZero();
        assertThat(run("hunter2\n", "hash").code()).isNotZero();
    }
}
