package io.claimbench.cli;

import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code @QuarkusMainTest} class is tagged {@code quarkus-main}, so that Surefire runs it in a JVM of its own
 * (pom.xml, execution {@code quarkus-main-tests}): its launches leave class loaders behind that would slow down every
 * test class after it in a shared JVM.
 */
class QuarkusMainTestTagTest {

    @Test
    void should_tag_every_main_test_so_that_it_runs_in_its_own_jvm() throws IOException, URISyntaxException {
        Path root = Path.of(QuarkusMainTestTagTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> mainTests;
        try (Stream<Path> files = Files.walk(root)) {
            mainTests = files.map(root::relativize).map(Path::toString)
                    .filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .<Class<?>>map(f -> load(f.substring(0, f.length() - ".class".length()).replace('/', '.')))
                    .filter(c -> c.isAnnotationPresent(QuarkusMainTest.class))
                    .toList();
        }
        assertThat(mainTests).as("main tests found").hasSizeGreaterThanOrEqualTo(3);
        assertThat(mainTests).allSatisfy(c -> assertThat(c.getAnnotation(Tag.class)).as(c.getName())
                .isNotNull().extracting(Tag::value).isEqualTo("quarkus-main"));
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, QuarkusMainTestTagTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
