package io.claimbench.cli;

import io.claimbench.stats.ClaimVerdict;
import io.claimbench.stats.Interval;
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
