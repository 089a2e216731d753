package io.claimbench.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.claimbench.support.TestKeys;
import io.claimbench.support.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages in real headless Chromium: the dashboard, a run page with its chart, the viewer, blind voting, hostile
 * answers and a phone's width. Screenshots go to target/screenshots/.
 */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
class BrowserTest {

    private static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void launch() {
        browser = Browser.launch();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    /** Signs in through the sign-in page, as a person would, and lands on {@code next}. */
    private Page signedIn(BrowserContext context, String key, String next) {
        Page page = context.newPage();
        page.navigate(url("/sign-in?next=" + next));
        page.fill("#key", key);
        page.click("#sign-in");
        page.waitForURL("**" + next);
        return page;
    }

    @Test
    void should_show_the_dashboard_and_a_run_page_with_the_chart_and_its_interval() {
        String run = WebFixtures.eqBenchRun();
        try (BrowserContext context = browser.context(false)) {
            Page page = signedIn(context, TestKeys.READER, "/");
            assertThat(page.locator("tr[data-run='" + run + "']").textContent()).contains("eq-bench-v2").contains("0.573");
            Browser.screenshot(page, "dashboard");

            page.click("a[href='/runs/" + run + "']");
            page.waitForURL("**/runs/" + run);
            assertThat(page.locator("#win-rate").textContent()).isEqualTo("0.573");
            assertThat(page.locator("#win-rate-interval").textContent()).contains("[0.506, 0.643]");
            assertThat(page.locator("#win-rate-chart").isVisible()).isTrue();
            assertThat(page.locator("#win-rate-chart .ours line.interval").count()).isEqualTo(1);
            assertThat(page.locator("#win-rate-chart .ours circle.point").count()).isEqualTo(1);
            assertThat(page.locator("#threshold-line").count()).isEqualTo(1);
            // The interval is drawn where the figures say: its ends around the point.
            double low = Double.parseDouble(page.locator("#win-rate-chart .ours line.interval").getAttribute("x1"));
            double high = Double.parseDouble(page.locator("#win-rate-chart .ours line.interval").getAttribute("x2"));
            double point = Double.parseDouble(page.locator("#win-rate-chart .ours circle.point").getAttribute("cx"));
            assertThat(low).isLessThan(point);
            assertThat(high).isGreaterThan(point);
            assertThat(page.locator("#published").textContent()).contains("86.05").contains("84.79");
            Browser.screenshot(page, "run");

            page.navigate(url("/runs/" + run + "/comparisons/0"));
            assertThat(page.locator("#candidate h2").textContent()).contains("gpt-4-1106-preview");
            Browser.screenshot(page, "viewer");
        }
    }

    @Test
    void should_render_hostile_answers_as_text_in_the_viewer_and_on_the_voting_page() {
        String run = WebFixtures.hostileRun();
        try (BrowserContext context = browser.context(false)) {
            List<String> dialogs = new ArrayList<>();
            context.onPage(p -> p.onDialog(d -> {
                dialogs.add(d.message());
                d.dismiss();
            }));
            Page page = signedIn(context, TestKeys.VOTER, "/runs/" + run + "/comparisons/0");
            assertThat(page.locator("#candidate pre").textContent()).contains("<script>window.__xss")
                    .contains("<img src=x onerror=");
            assertThat(page.locator("#baseline pre").textContent()).contains("( o.o )");
            assertThat(page.locator("main script").count()).isZero();
            assertThat(page.locator("main img").count()).isZero();
            assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
            Browser.screenshot(page, "viewer-hostile");

            page.navigate(url("/runs/" + run + "/vote"));
            assertThat(page.locator("#vote-form").isVisible()).isTrue();
            assertThat(page.locator("main script").count()).isZero();
            assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
            assertThat(dialogs).isEmpty();
        }
    }

    @Test
    void should_hide_the_models_until_the_vote_count_it_once_and_change_the_human_win_rate() {
        String run = WebFixtures.hostileRun();
        try (BrowserContext context = browser.context(false)) {
            Page page = signedIn(context, TestKeys.VOTER, "/runs/" + run);
            String before = page.locator("#human-n").textContent();

            page.navigate(url("/runs/" + run + "/vote"));
            String ballot = page.locator("main").textContent();
            assertThat(ballot).doesNotContain("web-cand").doesNotContain("web-base").doesNotContain("candidate-model");
            assertThat(page.locator("#left pre").textContent()).isNotBlank();
            Browser.screenshot(page, "vote");
            String comparison = page.locator("input[name=comparison]").getAttribute("value");
            String csrf = page.locator("input[name=csrf]").first().getAttribute("value");
            // The candidate's answer is the hostile one: vote for it, wherever it was drawn.
            boolean candidateLeft = page.locator("#left pre").textContent().startsWith("CANDIDATE");
            page.click(candidateLeft ? "#vote-left" : "#vote-right");
            page.waitForURL("**/vote/" + comparison + "**");
            assertThat(page.locator("#reveal").textContent()).contains("web-cand").contains("web-base");
            assertThat(page.locator(candidateLeft ? "#left-model" : "#right-model").textContent()).isEqualTo("web-cand");
            assertThat(page.locator("#repeated").count()).isZero();
            Browser.screenshot(page, "vote-revealed");

            page.navigate(url("/runs/" + run));
            String after = page.locator("#human-n").textContent();
            assertThat(Integer.parseInt(after)).isEqualTo(Integer.parseInt(before) + 1);
            String rate = page.locator("#human-win-rate").textContent();
            assertThat(rate).matches("\\d\\.\\d{3}");
            assertThat(page.locator("#win-rate-chart .human line.interval, #win-rate-chart .human circle.point").count())
                    .isGreaterThanOrEqualTo(1);
            Browser.screenshot(page, "run-after-vote");

            // The same vote again (a second submit of the form): stored once, nothing changes.
            var again = context.request().post(url("/runs/" + run + "/vote"), RequestOptions.create().setForm(FormData.create()
                    .set("comparison", comparison).set("choice", candidateLeft ? "RIGHT" : "LEFT").set("csrf", csrf)));
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.url()).contains("repeated=true");
            assertThat(again.text()).contains("id=\"repeated\"");
            page.navigate(url("/runs/" + run));
            assertThat(page.locator("#human-n").textContent()).isEqualTo(after);
            assertThat(page.locator("#human-win-rate").textContent()).isEqualTo(rate);
        }
    }

    @Test
    void should_fit_a_phone_screen() {
        String run = WebFixtures.hostileRun();
        try (BrowserContext context = browser.context(true)) {
            for (String path : List.of("/runs/" + run, "/runs/" + run + "/vote", "/runs/" + run + "/comparisons/0", "/")) {
                Page page = signedIn(context, TestKeys.VOTER, path);
                Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
                assertThat(((Number) overflow).intValue()).as(path + " scrolls sideways").isLessThanOrEqualTo(0);
                page.close();
            }
            Page page = context.newPage();
            page.navigate(url("/runs/" + run));
            Browser.screenshot(page, "run-phone");
            page.navigate(url("/runs/" + run + "/vote"));
            Browser.screenshot(page, "vote-phone");
        }
    }
}
