package io.claimbench.cli;

import picocli.CommandLine;

@CommandLine.Command(name = "claimbench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Put model-launch claims to the test. With no command, runs the server.",
        subcommands = {ValidateCommand.class, CompareCommand.class, CheckCommand.class, ImportCommand.class, PlanCommand.class,
                KeysCommand.class})
public class TopCommand {
}
