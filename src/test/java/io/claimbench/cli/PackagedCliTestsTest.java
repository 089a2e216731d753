package io.claimbench.cli;

import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI tests launch the packaged application: {@code @QuarkusMainIntegrationTest} classes, named {@code *IT} so
 * that Failsafe runs them after the package phase. None is an in-process {@code @QuarkusMainTest}: that builds the
 * application again for every launch (12-15 s each on 2 cores, against 5-8 s for the jar) and, in Quarkus 3.33, keeps
 * each launch's class loader, which slowed every later test class in the same JVM. Fake endpoints live in the test JVM
 * under model names of their own ({@link CliExitCodesIT.FakeEndpoints}).
 */
class PackagedCliTestsTest {

    @Test
    void should_name_every_packaged_main_test_for_failsafe() throws IOException, URISyntaxException {
        List<Class<?>> classes = testClasses();
        List<Class<?>> packaged = classes.stream().filter(c -> c.isAnnotationPresent(QuarkusMainIntegrationTest.class)).toList();
        assertThat(packaged).as("main tests found").hasSizeGreaterThanOrEqualTo(8);
        assertThat(packaged).allSatisfy(c -> assertThat(c.getSimpleName()).as("run by Failsafe").endsWith("IT"));
    }

    @Test
    void should_launch_no_main_test_in_the_test_jvm() throws IOException, URISyntaxException {
        assertThat(testClasses()).filteredOn(c -> c.isAnnotationPresent(QuarkusMainTest.class)).as("in-process main tests")
                .isEmpty();
    }

    private static List<Class<?>> testClasses() throws IOException, URISyntaxException {
        Path root = Path.of(PackagedCliTestsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(root::relativize).map(Path::toString)
                    .filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .<Class<?>>map(f -> load(f.substring(0, f.length() - ".class".length()).replace('/', '.')))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PackagedCliTestsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
