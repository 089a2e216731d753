package io.claimbench.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The eval sets, prompts and judge templates shipped inside the application ({@code claimbench/} on the class path:
 * in the packaged jar, or {@code target/classes} under test), so that ClaimBench runs from any folder. Paths inside a
 * jar are read through its zip file system, which every {@code java.nio.file} call here supports.
 */
public final class Bundle {

    private static final String MARKER = "claimbench/README.md";
    private static volatile Path root;

    private Bundle() {
    }

    /** The shipped folder that holds {@code eval-sets/} and {@code prompts/}. */
    public static Path root() {
        Path r = root;
        if (r == null) {
            synchronized (Bundle.class) {
                r = root;
                if (r == null) {
                    r = locate();
                    root = r;
                }
            }
        }
        return r;
    }

    /**
     * A path as a user or the configuration gave it, relative to the working directory; when nothing is there and it
     * names a shipped file ({@code eval-sets/public/...}), the shipped one. Otherwise the path as given, so that an
     * error names what the user wrote.
     */
    public static Path resolve(String location) {
        Path given = Path.of(location);
        if (Files.exists(given) || given.isAbsolute()) {
            return given;
        }
        Path shipped = root().resolve(location.replace('\\', '/')).normalize();
        return shipped.startsWith(root()) && Files.exists(shipped) ? shipped : given;
    }

    /**
     * How a path is shown in messages and records: a shipped file relative to the shipped folder
     * ({@code eval-sets/eq-bench-v2.yaml}, as in the project), others as given.
     */
    public static String display(Path p) {
        return isShipped(p) ? root().relativize(p.toAbsolutePath()).toString() : p.toString();
    }

    /** A folder or file for a sentence: {@code the shipped prompts}, or the path as given. */
    public static String describe(Path p) {
        return isShipped(p) ? "the shipped " + display(p) : p.toString();
    }

    private static boolean isShipped(Path p) {
        Path r = root();
        return p.getFileSystem() == r.getFileSystem() && p.toAbsolutePath().startsWith(r);
    }

    private static Path locate() {
        URL url = Bundle.class.getClassLoader().getResource(MARKER);
        if (url == null) {
            throw new IllegalStateException("the shipped catalog (" + MARKER + ") is not on the class path");
        }
        try {
            URI uri = url.toURI();
            if ("file".equals(uri.getScheme())) {
                return Path.of(uri).getParent();
            }
            if ("jar".equals(uri.getScheme())) {
                String s = uri.toString();
                URI jar = URI.create(s.substring(0, s.indexOf("!/")));
                return fileSystem(jar).getPath("/claimbench");
            }
            throw new IllegalStateException("the shipped catalog is at " + uri + ", which cannot be read as files");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the shipped catalog's location is not a URI: " + url, e);
        }
    }

    private static FileSystem fileSystem(URI jar) {
        try {
            return FileSystems.newFileSystem(jar, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(jar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the shipped catalog in " + jar, e);
        }
    }
}
