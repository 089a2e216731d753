package io.claimbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimbench.results.RunReport;
import io.claimbench.runs.RunProgress;
import io.claimbench.runs.RunService;
import picocli.CommandLine;

import java.io.Console;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What a command that runs claims shows people: {@code --format table|json} for stdout at the end, and the runs'
 * progress on stderr while they execute ({@code --quiet} for none). Stdout carries only the table or the document.
 * <p>
 * A command mixes it in with one line, {@code @CommandLine.Mixin OutputFormat format = new OutputFormat();}, follows
 * each run while it waits for it, and prints once at the end:
 * <pre>{@code
 * try (OutputFormat.Follow progress = format.progress(runs, run.id, label)) {
 *     executor.completion(run.id).get();
 * }
 * format.print(spec, json, document, rows, reports);
 * }</pre>
 */
final class OutputFormat {

    /** As typed on the command line. */
    enum Format { table, json }

    /** {@code auto}: a bar redrawn in place on a terminal, plain lines otherwise (a CI log). */
    enum Display { auto, bar, lines }

    /** How often a bar is redrawn and how often a log is offered a line (which it prints at a bounded rate). */
    static final Duration BAR_EVERY = Duration.ofMillis(250);
    static final Duration LINES_EVERY = Duration.ofSeconds(1);
    /** In a log, a line at least this often even when a tenth of the items takes longer. */
    static final Duration HEARTBEAT = Duration.ofSeconds(60);

    @CommandLine.Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "What stdout gets at the end: table (default), the verdicts with their intervals and each "
                    + "model's score and cost, for people; json, the results document.")
    Format format = Format.table;
    @CommandLine.Option(names = {"-q", "--quiet"}, description = "No progress on stderr while the run executes.")
    boolean quiet;
    /** Forces the progress display; tests use it, as their stderr is never a terminal. */
    @CommandLine.Option(names = "--progress", hidden = true, defaultValue = "auto")
    Display display = Display.auto;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    Clock clock = Clock.systemUTC();

    /** A run followed on stderr; closing it stops the polling and prints the run's last state. */
    @FunctionalInterface
    interface Follow extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Follows run {@code runId} on stderr from now until the returned handle is closed, polling
     * {@link RunService#progress(String)} from a thread of its own; {@code label} names the run on each line. Nothing
     * with {@code --quiet}. Follow one run at a time: a terminal has one line to redraw.
     */
    Follow progress(RunService runs, String runId, String label) {
        return progress(() -> runs.progress(runId), label);
    }

    /** The same for progress read elsewhere (a server's events). */
    Follow progress(Supplier<Optional<RunProgress>> poll, String label) {
        if (quiet) {
            return () -> {
            };
        }
        boolean bar = display == Display.bar || display == Display.auto && terminal();
        PrintWriter err = mixee.commandLine().getErr();
        ProgressPrinter printer = new ProgressPrinter(err, bar ? ProgressPrinter.Style.BAR : ProgressPrinter.Style.LINES,
                clock, label, HEARTBEAT);
        return follow(poll, printer, bar ? BAR_EVERY : LINES_EVERY);
    }

    /**
     * At the end: the verdict table, or with {@code --format json} the document exactly as the REST API gives it.
     * {@code reports} are the runs of {@code rows}, in the same order (for the models' scores and costs).
     */
    void print(CommandLine.Model.CommandSpec spec, ObjectMapper json, Object documents, List<ClaimRows> rows,
               List<RunReport> reports) throws JsonProcessingException {
        if (format == Format.json) {
            CliErrors.printJson(spec, json, documents);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.print(VerdictTable.of(rows, reports));
            out.flush();
        }
    }

    static Follow follow(Supplier<Optional<RunProgress>> poll, ProgressPrinter printer, Duration every) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "claimbench-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> read(poll).ifPresent(printer::update), 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return () -> {
            // Not shutdownNow: interrupting a poll in the middle of a database read can close an embedded database's file.
            timer.shutdown();
            try {
                timer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            printer.finish(read(poll).orElse(null));
        };
    }

    /** Progress is for people: a poll that fails is skipped, never the command's failure. */
    private static Optional<RunProgress> read(Supplier<Optional<RunProgress>> poll) {
        try {
            return poll.get();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a person is watching: {@link Console#isTerminal()} on JDK 22 and later (where a console exists even
     * when redirected), a console at all before that. Called reflectively, as the code is compiled for Java 21.
     */
    static boolean terminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
