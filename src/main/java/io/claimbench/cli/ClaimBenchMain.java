package io.claimbench.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import picocli.CommandLine;

import java.util.List;

/** With no arguments, the server; with arguments, a CLI command run in-process (profile {@code cli}). */
@QuarkusMain
public class ClaimBenchMain implements QuarkusApplication {

    @Inject
    CommandLine.IFactory factory;

    public static void main(String... args) {
        boolean cliProfile = args.length > 0 && System.getProperty("quarkus.profile") == null
                && System.getenv("QUARKUS_PROFILE") == null;
        if (cliProfile) {
            System.setProperty("quarkus.profile", "cli");
        }
        String dataDir = DataDir.apply(args);
        boolean client = DataDir.clientOnly(args);
        try {
            launch(args);
        } finally {
            // Only reached when Quarkus returns instead of exiting the JVM (under test): leave no trace.
            if (cliProfile) {
                System.clearProperty("quarkus.profile");
            }
            if (dataDir != null) {
                System.clearProperty(DataDir.PROPERTY);
            }
            if (client) {
                System.clearProperty(DataDir.JDBC_URL);
            }
        }
    }

    private static void launch(String... args) {
        // Keep Quarkus's own exit handling (tests replace it); only word a failed start in one line first.
        java.util.function.BiConsumer<Integer, Throwable> exit = io.quarkus.runtime.ApplicationLifecycleManager.getDefaultExitCodeHandler();
        Quarkus.run(ClaimBenchMain.class, (code, failure) -> {
            if (failure != null) {
                System.err.println("claimbench: cannot start: " + rootMessage(failure));
            }
            if (exit != null) {
                exit.accept(code, null);
            } else {
                System.exit(code);
            }
        }, args);
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof io.claimbench.catalog.CatalogException catalog) {
                return catalog.getMessage(); // every problem, one a line, each with its file and line
            }
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (m.contains("Database may be already in use") || m.contains("The file is locked")) {
            return "the embedded database in " + DataDir.current() + " is in use by another ClaimBench process (a running "
                    + "server?): use its REST API (--server), stop it, or choose another --data-dir";
        }
        return oneLine(m);
    }

    /**
     * A message in one line: its first, or, when the first only introduces a list (it ends with a colon, as Quarkus'
     * "Build time property cannot be changed at runtime:" does), the first with the items after it.
     */
    static String oneLine(String message) {
        List<String> lines = message.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            return message.strip();
        }
        if (lines.size() == 1 || !lines.get(0).endsWith(":")) {
            return lines.get(0);
        }
        return lines.get(0) + " " + String.join("; ", lines.subList(1, lines.size()).stream()
                .map(l -> l.startsWith("- ") ? l.substring(2) : l).toList());
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        return new CommandLine(TopCommand.class, factory)
                .setExecutionExceptionHandler(new ErrorHandler())
                .setParameterExceptionHandler(new UsageHandler())
                .execute(args);
    }

    /**
     * A bad option or argument: the message and where to look, in one line, exit 3; no usage dump (the help is one
     * {@code --help} away, and in a CI log a screenful of options hides the line that matters).
     */
    static final class UsageHandler implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("claimbench: " + e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            return CliErrors.USAGE;
        }
    }

    /** One readable line on stderr: exit 3 for bad usage or configuration, 4 for anything else. */
    static final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
            cmd.getErr().println("claimbench: " + CliErrors.describe(e));
            return CliErrors.exitCode(e);
        }
    }
}
