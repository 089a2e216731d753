package io.claimbench.cli;

import io.claimbench.stats.ClaimVerdict;
import io.claimbench.stats.Interval;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The --junit report against a published JUnit schema, the Ant/Jenkins one (src/test/resources/schemas/JUnit.xsd, see
 * the note beside it), for every kind of row a run can give.
 */
class JUnitReportSchemaTest {

    private static final Interval CI = new Interval(0.5058, 0.6433, 0.95, "clustered-bootstrap");
    private static final String TRICKY_CLAIM = "people prefer <it> & \"say\" it's 57% ]]> better\u0007";
    private static final String TRICKY_MODEL = "gpt-4.5 <preview> & \"co\"";

    private static Schema schema() throws SAXException {
        URL xsd = JUnitReportSchemaTest.class.getResource("/schemas/JUnit.xsd");
        assertThat(xsd).as("the schema on the test class path").isNotNull();
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory.newSchema(xsd);
    }

    private static void validate(String xml) throws Exception {
        schema().newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static ClaimRows.Row row(String claim, String category, ClaimVerdict verdict, ClaimRows.Outcome outcome,
                                     String message) {
        return new ClaimRows.Row(claim, category, 171, 0.5731, CI, "> 0.5", verdict, 0.025, 0.0731,
                category == null ? 1.25 : null, category == null ? "launch post 0.57" : null, outcome, message);
    }

    /** Every outcome: supported, refuted, inconclusive passing and failing, categories, an efficiency claim, n = 0. */
    private static ClaimRows scoredRun() {
        return new ClaimRows("everyday", TRICKY_MODEL, "gpt-4o", ClaimRows.Outcome.PASSED, null, List.of(
                row(TRICKY_CLAIM, null, ClaimVerdict.SUPPORTED, ClaimRows.Outcome.PASSED, null),
                row(TRICKY_CLAIM, "travel & <leisure>", ClaimVerdict.REFUTED, ClaimRows.Outcome.FAILED,
                        "refuted: 0.45 [0.3, 0.6] (n = 20) against > 0.5"),
                row(TRICKY_CLAIM, "cooking", ClaimVerdict.INCONCLUSIVE, ClaimRows.Outcome.SKIPPED,
                        "inconclusive: 0.52 [0.4, 0.64] (n = 30) against > 0.5"),
                row(TRICKY_CLAIM, "coding", ClaimVerdict.INCONCLUSIVE, ClaimRows.Outcome.FAILED,
                        "inconclusive: 0.52 [0.4, 0.64] (n = 30) against > 0.5"),
                new ClaimRows.Row("candidate latency-ratio < 1.0 of the baseline", null, 0, null, null, "< 1.0",
                        ClaimVerdict.INCONCLUSIVE, null, null, null, null, ClaimRows.Outcome.SKIPPED, "inconclusive: n = 0 against < 1.0"),
                new ClaimRows.Row("candidate cost-ratio < 0.5 of the baseline", null, 171, 0.31, new Interval(0.28, 0.35, 0.95, "x"),
                        "< 0.5", ClaimVerdict.SUPPORTED, null, -0.19, null, null, ClaimRows.Outcome.PASSED, null)));
    }

    private static ClaimRows failedRun() {
        String problem = "run ended FAILED: nothing was scored (6 of 6 items failed; commonest error (6): candidate: <html> 503 & co)";
        return new ClaimRows("smoke", "closed", "base", ClaimRows.Outcome.ERROR, problem, List.of(
                row("candidate win-rate >= 0.6 against the baseline", null, ClaimVerdict.INCONCLUSIVE, ClaimRows.Outcome.ERROR, problem)));
    }

    @Test
    void should_write_a_report_valid_against_the_published_junit_schema_for_every_kind_of_row() throws Exception {
        String xml = JUnitReport.of(List.of(scoredRun(), failedRun()), Instant.parse("2026-03-01T12:34:56.789Z"), "ci-runner");

        validate(xml);

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(7);
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagName("skipped").getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagName("error").getLength()).isEqualTo(1);
        Element first = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(first.getAttribute("timestamp")).isEqualTo("2026-03-01T12:34:56");
        assertThat(first.getAttribute("hostname")).isEqualTo("ci-runner");
        assertThat(first.getAttribute("id")).isEqualTo("0");
        Element firstCase = (Element) doc.getElementsByTagName("testcase").item(0);
        // the markup stays text; the bell, which XML cannot carry, is replaced
        assertThat(firstCase.getAttribute("name")).isEqualTo("people prefer <it> & \"say\" it's 57% ]]> better\uFFFD [all]");
        assertThat(firstCase.getAttribute("classname")).isEqualTo("everyday." + TRICKY_MODEL);
        assertThat(((Element) doc.getElementsByTagName("error").item(0)).getAttribute("message")).contains("<html> 503 & co");
    }

    @Test
    void should_write_a_valid_report_for_no_runs_at_all() throws Exception {
        validate(JUnitReport.of(List.of()));
    }

    @Test
    void should_reject_documents_that_break_the_schema() throws Exception {
        // a suite without the attributes and elements the schema requires
        String bare = """
                <testsuites><testsuite name="x" tests="1" failures="0" errors="0" time="0">
                <testcase name="a" classname="b" time="0"/></testsuite></testsuites>""";
        assertThatThrownBy(() -> validate(bare)).isInstanceOf(SAXException.class);
        // a valid report whose test case is both failed and skipped
        String valid = JUnitReport.of(List.of(scoredRun()), Instant.parse("2026-03-01T12:00:00Z"), "ci-runner");
        validate(valid);
        String twice = valid.replaceFirst("(<failure [^>]*>[^<]*</failure>)", "$1<skipped/>");
        assertThat(twice).isNotEqualTo(valid);
        assertThatThrownBy(() -> validate(twice)).isInstanceOf(SAXException.class);
    }
}
