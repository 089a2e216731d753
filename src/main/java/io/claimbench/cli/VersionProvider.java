package io.claimbench.cli;

import io.claimbench.runs.GitRevision;
import io.claimbench.runs.RunsConfig;
import jakarta.inject.Singleton;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * {@code -V}: "claimbench 0.1.0 (git 0123abc...)", the version of the build (the Maven project's, written into a
 * resource at build time) and the code revision runs are recorded with.
 */
@Singleton
public class VersionProvider implements CommandLine.IVersionProvider {

    static final String RESOURCE = "/claimbench-version.properties";

    private final RunsConfig runs;

    public VersionProvider(RunsConfig runs) {
        this.runs = runs;
    }

    @Override
    public String[] getVersion() {
        return new String[]{"claimbench " + buildVersion() + " (git " + GitRevision.of(runs) + ")"};
    }

    static String buildVersion() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "");
            // Unfiltered (a build that skipped resource filtering) it still reads "${project.version}".
            return v.isBlank() || v.contains("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
