package io.claimbench.runs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The code revision a run is recorded with: the one recorded at build time ({@code -dirty} when the build had
 * uncommitted changes), else asked of git in the working directory, else "unknown".
 */
public final class GitRevision {

    static final String RESOURCE = "/claimbench-git.properties";

    private GitRevision() {
    }

    /** The revision runs are recorded with: {@code claimbench.runs.git-revision} when set, else {@link #detect()}. */
    public static String of(RunsConfig config) {
        return config.gitRevision().orElseGet(GitRevision::detect);
    }

    static String detect() {
        try (InputStream in = GitRevision.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String id = p.getProperty("git.commit.id");
                if (id != null && id.matches("[0-9a-f]{40}")) {
                    return id + ("true".equals(p.getProperty("git.dirty")) ? "-dirty" : "");
                }
            }
        } catch (IOException e) {
            // fall through to asking git
        }
        return askGit();
    }

    private static String askGit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "unknown";
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
