package io.claimbench.web;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The system's headless Chromium driven by Playwright (no browser download). Without Chromium the browser tests
 * fail in CI ({@code CI=true}) and are skipped, saying why, on a developer's machine.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CLAIMBENCH_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Browser launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = "no Chromium at " + CHROMIUM + " (apt-get install -y chromium): browser tests need it";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message + ", and CI must run them");
            }
            Assumptions.abort("skipped: " + message);
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            return new Browser(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(FLAGS)));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh profile (no cookies) at a desktop width, or a phone's 375 px. */
    BrowserContext context(boolean phone) {
        return browser.newContext(new NewContextOptions().setViewportSize(phone ? 375 : 1280, phone ? 812 : 900)
                .setDeviceScaleFactor(1));
    }

    static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
