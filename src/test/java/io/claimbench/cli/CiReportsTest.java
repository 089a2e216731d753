package io.claimbench.cli;

import io.claimbench.results.RunReport;
import io.claimbench.stats.ClaimVerdict;
import io.claimbench.stats.Interval;
import io.claimbench.stats.RegressionVerdict;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The JUnit and Markdown reports carry the same rows, as a JUnit reader and a Markdown reader see them. */
class CiReportsTest {

    private static final Interval CI = new Interval(0.5058, 0.6433, 0.95, "clustered-bootstrap");

    private static ClaimRows rows(ClaimRows.Outcome category) {
        return new ClaimRows("everyday", "gpt-4.5", "gpt-4o", ClaimRows.Outcome.PASSED, null, List.of(
                new ClaimRows.Row("candidate win-rate > 0.5 | <b>bold</b>", null, 171, 0.5731, CI, "> 0.5",
                        ClaimVerdict.SUPPORTED, 0.03, 0.0731, 1.25, "launch post 0.57", ClaimRows.Outcome.PASSED, null),
                new ClaimRows.Row("candidate win-rate > 0.5 | <b>bold</b>", "travel", 20, 0.45, new Interval(0.3, 0.6, 0.95, "x"),
                        "> 0.5", category == ClaimRows.Outcome.FAILED ? ClaimVerdict.REFUTED : ClaimVerdict.INCONCLUSIVE, 0.6,
                        -0.05, null, null, category, category == ClaimRows.Outcome.PASSED ? null : "why")));
    }

    @Test
    void should_write_one_table_row_per_claim_and_category_that_a_markdown_reader_parses() {
        String md = MarkdownSummary.of(List.of(rows(ClaimRows.Outcome.SKIPPED)));
        Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
        Node doc = parser.parse(md);
        List<List<String>> table = new ArrayList<>();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof TableBlock t) {
                collect(t, table);
            }
        }
        assertThat(table).hasSize(3);
        assertThat(table.get(0)).containsExactly("claim", "category", "n", "win rate [95% CI]", "threshold", "verdict", "published");
        // the pipe and the markup of the claim's text stay text inside their cell
        assertThat(table.get(1)).containsExactly("candidate win-rate > 0.5 | <b>bold</b>", "all", "171", "0.5731 [0.5058, 0.6433]",
                "> 0.5", "SUPPORTED", "launch post 0.57");
        assertThat(table.get(2)).containsExactly("candidate win-rate > 0.5 | <b>bold</b>", "travel", "20", "0.45 [0.3, 0.6]",
                "> 0.5", "INCONCLUSIVE", "–");
    }

    private static void collect(Node node, List<List<String>> table) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof TableRow row) {
                List<String> cells = new ArrayList<>();
                for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
                    cells.add(text((TableCell) c));
                }
                table.add(cells);
            } else {
                collect(n, table);
            }
        }
    }

    private static String text(Node node) {
        StringBuilder b = new StringBuilder();
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            b.append(n instanceof Text t ? t.getLiteral() : text(n));
        }
        return b.toString();
    }

    @Test
    void should_write_one_test_case_per_claim_and_category_with_its_figures() throws Exception {
        Document refuted = parse(JUnitReport.of(List.of(rows(ClaimRows.Outcome.FAILED))));
        NodeList cases = refuted.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(2);
        assertThat(refuted.getElementsByTagName("testsuite").getLength()).isEqualTo(2);
        Element failure = (Element) refuted.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("refuted");
        assertThat(failure.getTextContent()).isEqualTo("0.45 [0.3, 0.6] (n = 20), threshold > 0.5, verdict REFUTED");
        Element suite = (Element) refuted.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(property(suite, "n")).isEqualTo("171");
        assertThat(property(suite, "winRate")).isEqualTo("0.5731");
        assertThat(property(suite, "intervalLower")).isEqualTo("0.5058");
        assertThat(property(suite, "threshold")).isEqualTo("> 0.5");
        assertThat(property(suite, "effectSize")).isEqualTo("0.0731");
        assertThat(property(suite, "pValue")).isEqualTo("0.03");
        assertThat(property(suite, "cost")).isEqualTo("1.25");
        assertThat(((Element) refuted.getElementsByTagName("testsuite").item(1)).getAttribute("failures")).isEqualTo("1");

        Document skipped = parse(JUnitReport.of(List.of(rows(ClaimRows.Outcome.SKIPPED))));
        assertThat(skipped.getElementsByTagName("skipped").getLength()).isEqualTo(1);
        assertThat(skipped.getElementsByTagName("failure").getLength()).isZero();
        Document error = parse(JUnitReport.of(List.of(rows(ClaimRows.Outcome.ERROR))));
        assertThat(((Element) error.getElementsByTagName("error").item(0)).getAttribute("type")).isEqualTo("infrastructure");
    }

    /** A regression-mode report: the win rate regressed (also in one category), accuracy not, the score is open. */
    private static RunReport regressionReport() {
        Interval win = new Interval(0.0, 0.25, 0.95, "clustered-bootstrap");
        java.util.function.Function<String, RunReport.RegressionMeasure> winRate = category -> new RunReport.RegressionMeasure(
                "win-rate", category, "no regression: win rate >= 0.47", category == null ? 6 : 3, 1 / 12.0, win, 0.47,
                RegressionVerdict.REGRESSION, null, null, null);
        RunReport.Regression regression = new RunReport.Regression(0.03, 0.47, List.of(winRate.apply(null),
                new RunReport.RegressionMeasure("accuracy-difference", null, "no regression: accuracy difference >= -0.03",
                        6, 0.1, new Interval(-0.02, 0.3, 0.95, "newcombe"), -0.03, RegressionVerdict.NO_REGRESSION, 0.5, 0.6, 0.5),
                new RunReport.RegressionMeasure("benchmark-score-difference", null,
                        "no regression: benchmark score difference >= -2.544", 6, -1.0, new Interval(-3, 1, 0.95, "normal"),
                        -2.544, RegressionVerdict.INCONCLUSIVE, null, 83.79, 84.79)),
                List.of(winRate.apply("alpha")), RegressionVerdict.REGRESSION);
        RunReport.Run run = new RunReport.Run("r1", "COMPLETED", null, "everyday", "h", "gpt-4.5", "gpt-4o", "exact-match",
                null, null, null, 1, 0, null, false, 6, 6, false, "rev", null, null, null);
        RunReport.Group overall = new RunReport.Group(null, io.claimbench.stats.PairCounts.EMPTY,
                new RunReport.WinRateFigure(6, 1 / 12.0, null, null, win, null, null, null), ClaimVerdict.REFUTED, 0.01,
                null, null, null, null);
        return new RunReport(run, new RunReport.Hypothesis("win-rate", ">", 0.5, "candidate win-rate > 0.5 against the baseline"),
                List.of(), overall, List.of(), null, null, null, null, null, null, regression);
    }

    @Test
    void should_give_one_row_per_regression_measure_with_the_win_rates_categories_after_it() {
        ClaimRows rows = ClaimRows.of(regressionReport(), true);
        assertThat(rows.rows()).extracting(ClaimRows.Row::claim).containsExactly("no regression: win rate >= 0.47",
                "no regression: win rate >= 0.47", "no regression: accuracy difference >= -0.03",
                "no regression: benchmark score difference >= -2.544");
        assertThat(rows.rows()).extracting(ClaimRows.Row::category).containsExactly(null, "alpha", null, null);
        assertThat(rows.rows()).extracting(ClaimRows.Row::outcome).containsExactly(ClaimRows.Outcome.FAILED,
                ClaimRows.Outcome.FAILED, ClaimRows.Outcome.PASSED, ClaimRows.Outcome.SKIPPED);
        assertThat(rows.rows()).extracting(ClaimRows.Row::verdictLabel).containsExactly("REGRESSION", "REGRESSION",
                "NO_REGRESSION", "INCONCLUSIVE");
        // the claim verdict of "no regression", for readers of the verdict alone
        assertThat(rows.rows()).extracting(ClaimRows.Row::verdict).containsExactly(ClaimVerdict.REFUTED,
                ClaimVerdict.REFUTED, ClaimVerdict.SUPPORTED, ClaimVerdict.INCONCLUSIVE);
        ClaimRows.Row win = rows.rows().get(0);
        assertThat(win.threshold()).isEqualTo(">= 0.47");
        assertThat(win.message()).isEqualTo("regression: 0.08333 [0, 0.25] (n = 6) below 0.47");
        assertThat(win.effect()).isCloseTo(1 / 12.0 - 0.47, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(rows.rows().get(2).pValue()).isEqualTo(0.5);
        assertThat(ClaimRows.of(regressionReport(), false).rows().get(3).outcome()).isEqualTo(ClaimRows.Outcome.FAILED);

        String md = MarkdownSummary.of(List.of(rows));
        assertThat(md).contains("| no regression: win rate >= 0.47 | all | 6 | 0.08333 [0, 0.25] | >= 0.47 | REGRESSION | – |")
                .contains("| no regression: accuracy difference >= -0.03 | all | 6 | 0.1 [-0.02, 0.3] | >= -0.03 | NO_REGRESSION | – |")
                .doesNotContain("candidate win-rate");
        assertThat(JUnitReport.of(List.of(rows))).contains("type=\"regression\"")
                .contains("<property name=\"verdict\" value=\"NO_REGRESSION\"/>");
        // a row made as before shows its claim verdict's name
        assertThat(new ClaimRows.Row("c", null, 1, 0.5, null, "> 0.5", ClaimVerdict.SUPPORTED, null, null, null, null,
                ClaimRows.Outcome.PASSED, null).verdictLabel()).isEqualTo("SUPPORTED");
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String property(Element suite, String name) {
        NodeList props = suite.getElementsByTagName("property");
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            if (p.getAttribute("name").equals(name)) {
                return p.getAttribute("value");
            }
        }
        return null;
    }
}
