package io.claimbench.cli;

import io.claimbench.auth.ApiKeys;
import io.claimbench.auth.Role;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * API keys for the configuration (keys created over REST need none of this): {@code keys new} makes a key and prints
 * the two properties that admit it, {@code keys hash} prints the hash of a key read from standard input.
 */
@CommandLine.Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Make API keys for the server's configuration.",
        subcommands = {KeysCommand.New.class, KeysCommand.Hash.class})
public class KeysCommand {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @CommandLine.Command(name = "new", mixinStandardHelpOptions = true,
            description = "Print a new key (give it to the client, it is not kept) and the properties that admit it.")
    static class New implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Option(names = "--name", required = true, paramLabel = "NAME", description = "the key's name, as runs record their starter")
        String name;

        @CommandLine.Option(names = "--roles", split = ",", defaultValue = "reader", paramLabel = "ROLE",
                description = "reader, voter, runner or admin (each includes those before it); default: ${DEFAULT-VALUE}")
        List<String> roles = new ArrayList<>();

        @Override
        public Integer call() {
            if (!NAME.matcher(name).matches()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--name: 1 to 64 letters, digits, '.', '_' or '-'");
            }
            List<String> labels = new ArrayList<>();
            for (String r : roles) {
                try {
                    labels.add(Role.require(r).label());
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--roles: " + e.getMessage());
                }
            }
            String key = ApiKeys.generate();
            var out = spec.commandLine().getOut();
            out.println("# the key (shown once: give it to the client; the server keeps only its hash)");
            out.println(key);
            out.println("# the server's configuration (application.properties, or the same names as environment variables)");
            out.println("claimbench.auth.keys.\"" + name + "\".hash=" + ApiKeys.hash(key));
            out.println("claimbench.auth.keys.\"" + name + "\".roles=" + String.join(",", labels));
            return 0;
        }
    }

    @CommandLine.Command(name = "hash", mixinStandardHelpOptions = true,
            description = "Read a key from standard input and print its hash, for claimbench.auth.keys.\"NAME\".hash.")
    static class Hash implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            String key = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (key == null || !ApiKeys.looksLikeKey(key.trim())) {
                throw new CommandLine.ParameterException(spec.commandLine(), "standard input: expected one ClaimBench key (cb_...)");
            }
            spec.commandLine().getOut().println(ApiKeys.hash(key.trim()));
            return 0;
        }
    }
}
