package io.claimbench.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Which files hold eval sets: the catalog folder's, then the user's own folders and files, each folder sorted. */
final class EvalSetFiles {

    private EvalSetFiles() {
    }

    /** A missing catalog folder fails at once; a missing extra source is a problem beside the others. */
    static List<Path> list(Path catalogDir, List<Path> extras, List<CatalogException.Problem> problems) {
        if (!Files.isDirectory(catalogDir)) {
            throw new CatalogException(List.of(new CatalogException.Problem(catalogDir.toString(), 0,
                    "eval-set folder not found (set claimbench.catalog.eval-sets-dir)")));
        }
        List<Path> files = new ArrayList<>(yamlFiles(catalogDir));
        for (Path extra : extras) {
            if (Files.isDirectory(extra)) {
                files.addAll(yamlFiles(extra));
            } else if (Files.isRegularFile(extra)) {
                files.add(extra);
            } else {
                problems.add(new CatalogException.Problem(extra.toString(), 0, "no such eval-set file or folder"));
            }
        }
        return files;
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml")
                    || p.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new CatalogException(List.of(new CatalogException.Problem(dir.toString(), 0, e.getMessage())));
        }
    }
}
