package io.claimbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** The report files a CI step asks for, written after the run: the results JSON, JUnit XML and a Markdown summary. */
final class ReportFiles {

    @CommandLine.Option(names = "--output", paramLabel = "FILE", description = "Also write the results JSON here.")
    Path output;
    @CommandLine.Option(names = "--junit", paramLabel = "FILE",
            description = "Write JUnit XML here: one test case per claim and category.")
    Path junit;
    @CommandLine.Option(names = "--markdown", paramLabel = "FILE",
            description = "Write a Markdown table of the verdicts here; it is also appended to $GITHUB_STEP_SUMMARY when set.")
    Path markdown;
    /** Where GitHub Actions collects a step's summary; taken from its environment variable. */
    @CommandLine.Option(names = "--step-summary", paramLabel = "FILE", hidden = true, defaultValue = "${env:GITHUB_STEP_SUMMARY}")
    String stepSummary;

    /** {@code documents} is what --output writes (the same JSON as stdout); {@code rows} feed JUnit and Markdown. */
    void write(ObjectMapper json, Object documents, List<ClaimRows> rows) {
        if (output != null) {
            String text;
            try {
                text = json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(documents) + "\n";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            write("--output", output, text, false);
        }
        if (junit != null) {
            write("--junit", junit, JUnitReport.of(rows), false);
        }
        boolean summarise = stepSummary != null && !stepSummary.isBlank();
        if (markdown != null || summarise) {
            String summary = MarkdownSummary.of(rows);
            if (markdown != null) {
                write("--markdown", markdown, summary, false);
            }
            if (summarise) {
                write("GITHUB_STEP_SUMMARY", Path.of(stepSummary), summary, true);
            }
        }
    }

    /** A file that cannot be written is the caller's configuration: an IllegalArgumentException naming the option. */
    private static void write(String option, Path file, String text, boolean append) {
        try {
            if (append) {
                Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } else {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(option + ": cannot write " + file + ": " + e.getClass().getSimpleName());
        }
    }
}
