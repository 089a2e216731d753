package io.claimbench.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A start that fails says why in one line on the CLI's stderr, with the list a message introduces. */
class StartFailureLineTest {

    @Test
    void should_keep_the_items_a_first_line_ending_in_a_colon_introduces() {
        String quarkus = "Build time property cannot be changed at runtime:\n"
                + " - quarkus.datasource.db-kind is set to 'h2' but it is build time fixed to 'postgresql'. Did you change it?\n"
                + " - quarkus.package.jar.type is set to 'uber-jar' but it is build time fixed to 'fast-jar'.\n";
        assertThat(ClaimBenchMain.rootMessage(new IllegalStateException("failed to start", new RuntimeException(quarkus))))
                .isEqualTo("Build time property cannot be changed at runtime: quarkus.datasource.db-kind is set to 'h2' but "
                        + "it is build time fixed to 'postgresql'. Did you change it?; quarkus.package.jar.type is set to "
                        + "'uber-jar' but it is build time fixed to 'fast-jar'.");
    }

    @Test
    void should_give_the_first_line_of_any_other_message() {
        assertThat(ClaimBenchMain.oneLine("port 8080 is in use\n\tat somewhere")).isEqualTo("port 8080 is in use");
        assertThat(ClaimBenchMain.oneLine("\n  no such file: a.yaml  \n")).isEqualTo("no such file: a.yaml");
        assertThat(ClaimBenchMain.oneLine("   ")).isEmpty();
    }
}
