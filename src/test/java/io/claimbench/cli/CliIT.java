package io.claimbench.cli;

import io.claimbench.support.PackagedCli;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI on the shipped catalog, as README runs it. */
@QuarkusMainIntegrationTest
@TestProfile(CliIT.ShippedCatalog.class)
class CliIT {

    public static class ShippedCatalog implements QuarkusTestProfile {
        /** The CLI's own profile, as in production; the %test catalog would otherwise win over these overrides. */
        @Override
        public String getConfigProfile() {
            return "cli";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return PackagedCli.asShipped(Map.of("claimbench.catalog.eval-sets-dir", "eval-sets",
                    "claimbench.runs.resume-on-start", "false", "quarkus.datasource.jdbc.url", "jdbc:h2:mem:cli;DB_CLOSE_DELAY=-1"));
        }
    }

    @Test
    @Launch({"compare", "--eval-set", "eq-bench-v2", "--candidate", "gpt-4-1106-preview", "--baseline", "gpt-4-0613"})
    void should_run_the_offline_main_job_and_print_the_verdict_table_with_the_published_scores(LaunchResult result) {
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        List<String> out = result.getOutputStream();
        assertThat(out.get(0)).isEqualTo("eq-bench-v2: gpt-4-1106-preview against gpt-4-0613");
        assertThat(out).anySatisfy(l -> assertThat(l).matches(
                "candidate win-rate > 0\\.5 against the baseline +all +171 +0\\.5731 \\[0\\.5058, 0\\.6433] +> 0\\.5 +SUPPORTED"));
        assertThat(out).anySatisfy(l -> assertThat(l).matches(" +emotion-intensity +171 +0\\.5731 .* SUPPORTED"));
        assertThat(out).anySatisfy(l -> assertThat(l).matches(
                "candidate +gpt-4-1106-preview +benchmark score 86\\.05 \\[83\\.77, 88\\.34] \\(n = 171\\)"));
        assertThat(out).anySatisfy(l -> assertThat(l).matches("baseline +gpt-4-0613 +benchmark score 84\\.79 .*\\(n = 171\\)"));
        // Progress goes to stderr (plain lines: the tests' stderr is no terminal), never into what stdout carries.
        assertThat(result.getOutput()).doesNotContain("items");
        assertThat(result.getErrorStream()).last().asString()
                .startsWith("eq-bench-v2 gpt-4-1106-preview vs gpt-4-0613: COMPLETED, 171/171 items, 88 won 20 tied 63 lost, 0 errors");
    }

    @Test
    @Launch({"compare", "--eval-set", "eq-bench-v2", "--candidate", "gpt-4-1106-preview", "--baseline", "gpt-4-0613",
            "--format", "json", "--quiet"})
    void should_print_the_results_document_with_format_json(LaunchResult result) {
        assertThat(result.exitCode()).isZero();
        assertThat(result.getErrorOutput()).isEmpty();
        String out = result.getOutput();
        assertThat(out).startsWith("{");
        assertThat(out).containsPattern("\"benchmarkScore\" : \\{\\s+\"n\" : 171,\\s+\"mean\" : 86\\.05")
                .containsPattern("\"benchmarkScore\" : \\{\\s+\"n\" : 171,\\s+\"mean\" : 84\\.78");
        assertThat(out).contains("\"wins\" : 88").contains("\"ties\" : 20").contains("\"losses\" : 63");
        assertThat(out).contains("\"method\" : \"wilson\"").contains("\"state\" : \"COMPLETED\"");
        // The seeded, prompt-clustered bootstrap gives the same interval on every fresh database.
        assertThat(out).containsPattern("\"interval\" : \\{\\s+\"lower\" : 0\\.5057748\\d*,\\s+\"upper\" : 0\\.6433479");
    }

    @Test
    void should_print_the_version_and_the_git_revision(io.quarkus.test.junit.main.QuarkusMainLauncher launcher) {
        for (String[] args : new String[][]{{"-V"}, {"--version"}, {"compare", "-V"}, {"validate", "--version"}}) {
            LaunchResult result = launcher.launch(args);
            assertThat(result.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(result.getOutput()).as(String.join(" ", args))
                    .matches("claimbench 0\\.1\\.0-SNAPSHOT \\(git ([0-9a-f]{40}(-dirty)?|unknown)\\)");
        }
    }

    @Test
    void should_import_alpaca_eval_annotations_and_print_the_results(io.quarkus.test.junit.main.QuarkusMainLauncher launcher) {
        java.nio.file.Path file = io.claimbench.support.SharedData.require(
                "alpaca_eval/results/gpt-3.5-turbo-1106/weighted_alpaca_eval_gpt4_turbo/annotations.json");
        LaunchResult result = launcher.launch("import", "alpaca-eval", file.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).contains("\"candidate\" : \"gpt-3.5-turbo-1106\"")
                .contains("\"wins\" : 64").contains("\"ties\" : 4").containsPattern("\"value\" : 0\\.0917796").contains("\"format\" : \"alpaca-eval\"");
    }

    @Test
    @Launch({"validate"})
    void should_validate_the_shipped_catalog(LaunchResult result) {
        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).contains("ok: 12 eval sets,");
    }

    @Test
    @Launch(value = {"compare", "--eval-set", "eq-bench-v2", "--candidate", "gpt-4-0613", "--baseline", "gpt-4-1106-preview",
            "-q"}, exitCode = 1)
    void should_exit_1_when_the_claim_is_refuted(LaunchResult result) {
        // The same data with the models swapped: the candidate's win rate is 1 - 0.5731 with the interval below 0.5.
        assertThat(result.getOutput()).containsPattern("all +171 +0\\.4269 .* REFUTED\n");
        assertThat(result.getErrorStream()).hasSize(1);
        assertThat(result.getErrorOutput()).startsWith("claimbench: refuted: candidate win-rate > 0.5 against the baseline: 0.4269").contains("(n = 171)");
    }

    @Test
    @Launch(value = {"compare", "--eval-set", "everyday", "--candidate", "no-such-model", "--baseline", "gpt-4-0613",
            "--judge", "gpt-4-0613"}, exitCode = 3)
    void should_exit_3_with_one_readable_line_on_bad_input(LaunchResult result) {
        assertThat(result.getErrorStream()).hasSize(1);
        assertThat(result.getErrorOutput()).startsWith("claimbench: --candidate: unknown model 'no-such-model'");
    }

    @Test
    @Launch(value = {"compare", "--eval-set", "eq-bench-v2", "--candidate", "gpt-4-1106-preview", "--baseline", "gpt-4-0613",
            "--sample", "3"}, exitCode = 3)
    void should_exit_3_on_an_unknown_option_with_the_message_and_a_hint_not_the_usage(LaunchResult result) {
        assertThat(result.getErrorStream()).hasSize(1);
        assertThat(result.getErrorOutput()).startsWith("claimbench: Unknown options: '--sample', '3'")
                .endsWith("(see 'claimbench compare --help')");
    }

    @Test
    @Launch(value = {"compare", "--help"})
    void should_list_the_exit_codes_in_the_help(LaunchResult result) {
        assertThat(result.getOutput()).contains("Exit codes:").contains("1   a claim refuted")
                .contains("--format=table|json").contains("-q, --quiet").contains("-V, --version").doesNotContain("--progress")
                .contains("4   infrastructure failure").contains("95% confidence sequence");
        assertThat(result.getErrorOutput()).doesNotContain("WARN").doesNotContain("format");
    }

    @Test
    void should_write_the_results_junit_and_markdown_reports_and_append_the_step_summary(
            io.quarkus.test.junit.main.QuarkusMainLauncher launcher) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "cli-reports",
                java.util.UUID.randomUUID().toString()));
        java.nio.file.Path summary = dir.resolve("step-summary.md");
        java.nio.file.Files.writeString(summary, "earlier step\n");
        LaunchResult result = launcher.launch("compare", "--eval-set", "eq-bench-v2", "--candidate", "gpt-4-1106-preview",
                "--baseline", "gpt-4-0613", "--format", "json", "--output", dir.resolve("results.json").toString(),
                "--junit", dir.resolve("junit.xml").toString(), "--markdown", dir.resolve("summary.md").toString(),
                "--step-summary", summary.toString());
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        // --output holds the document printed on stdout
        assertThat(java.nio.file.Files.readString(dir.resolve("results.json")).strip()).isEqualTo(result.getOutput().strip());
        com.fasterxml.jackson.databind.JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.getOutput());
        int categories = doc.get("categories").size();
        org.w3c.dom.Document junit = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("junit.xml").toFile());
        assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(1 + categories);
        assertThat(junit.getElementsByTagName("failure").getLength()).isZero();
        javax.xml.validation.SchemaFactory.newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(CliIT.class.getResource("/schemas/JUnit.xsd")).newValidator()
                .validate(new javax.xml.transform.stream.StreamSource(dir.resolve("junit.xml").toFile()));
        String md = java.nio.file.Files.readString(dir.resolve("summary.md"));
        assertThat(md).contains("| candidate win-rate > 0.5 against the baseline | all | 171 | 0.5731 [0.5058, 0.6433] | > 0.5 | SUPPORTED |");
        assertThat(java.nio.file.Files.readString(summary)).isEqualTo("earlier step\n" + md);
    }

    @Test
    void should_test_the_claim_against_the_runs_own_threshold(io.quarkus.test.junit.main.QuarkusMainLauncher launcher) {
        String[] job = {"compare", "--eval-set", "eq-bench-v2", "--candidate", "gpt-4-1106-preview", "--baseline", "gpt-4-0613", "-q"};
        // 0.55 lies inside [0.5058, 0.6433]: the data cannot settle it
        LaunchResult open = launcher.launch(concat(job, "--threshold", "0.55"));
        assertThat(open.exitCode()).as(open.getErrorOutput()).isEqualTo(2);
        assertThat(open.getErrorOutput()).startsWith("claimbench: inconclusive: candidate win-rate > 0.55 against the baseline: 0.5731");
        assertThat(launcher.launch(concat(job, "--threshold", "0.55", "--inconclusive", "pass")).exitCode()).isZero();
        // "worse than even" is refuted by the same interval
        LaunchResult refuted = launcher.launch(concat(job, "--comparator", "<"));
        assertThat(refuted.exitCode()).as(refuted.getErrorOutput()).isEqualTo(1);
        assertThat(launcher.launch(concat(job, "--threshold", "1.5")).getErrorOutput())
                .isEqualTo("claimbench: --threshold: threshold must be between 0 and 1");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
