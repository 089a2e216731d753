package io.claimbench.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The folders prompt files and judge templates ({@code judges/<name>.md}) are read from, first match wins: the
 * user's own folder, then the shipped (or configured) one.
 */
public record PromptRoots(List<Path> dirs) {

    public PromptRoots {
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("at least one prompts folder");
        }
        dirs = List.copyOf(dirs);
    }

    public static PromptRoots of(Path dir) {
        return new PromptRoots(List.of(dir));
    }

    /** The folder that holds template {@code name}; the last folder when none does, so that an error names a path. */
    public Path dirOfTemplate(String name) {
        return dirs.stream().filter(d -> Files.isRegularFile(template(d, name))).findFirst().orElse(dirs.getLast());
    }

    /** Where template {@code name} is read from (it may not exist). */
    public Path templateFile(String name) {
        return template(dirOfTemplate(name), name);
    }

    /** A prompt file named relative to a prompts folder, inside it; empty when no folder holds it. */
    public Optional<Path> promptFile(String relative) {
        for (Path d : dirs) {
            Path f = d.resolve(relative).normalize();
            if (f.startsWith(d.normalize()) && Files.isRegularFile(f)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Whether a relative name stays inside the prompts folders (no {@code ..} out of them). */
    public boolean contains(String relative) {
        Path d = dirs.getFirst();
        return d.resolve(relative).normalize().startsWith(d.normalize());
    }

    private static Path template(Path dir, String name) {
        return dir.resolve("judges").resolve(name + ".md");
    }

    @Override
    public String toString() {
        return dirs.stream().map(Bundle::describe).collect(java.util.stream.Collectors.joining(", "));
    }
}
