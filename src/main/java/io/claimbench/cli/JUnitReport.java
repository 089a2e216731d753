package io.claimbench.cli;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verdicts as JUnit XML, for CI test reports: one {@code testcase} per claim x candidate x category. Each test
 * case sits in a {@code testsuite} of its own, whose {@code properties} carry its figures (n, win rate, interval,
 * threshold, effect size, p-value, cost), since the published JUnit schemas allow properties on suites only. A refuted
 * claim (or an inconclusive one, unless inconclusive passes) is a {@code failure} with the figures, a run that failed
 * or exceeded its error budget an {@code error}, an inconclusive claim that passes {@code skipped}.
 */
final class JUnitReport {

    private JUnitReport() {
    }

    static String of(List<ClaimRows> runs) {
        try {
            StringWriter text = new StringWriter();
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "claimbench");
            int id = 0;
            for (ClaimRows run : runs) {
                for (ClaimRows.Row row : run.rows()) {
                    suite(x, id++, run, row);
                }
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
            return text + "\n";
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void suite(XMLStreamWriter x, int id, ClaimRows run, ClaimRows.Row row) throws XMLStreamException {
        String name = run.evalSet() + ": " + run.candidate() + " vs " + run.baseline() + " [" + (row.category() == null ? "all" : row.category()) + "]";
        x.writeCharacters("\n  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", name);
        x.writeAttribute("tests", "1");
        x.writeAttribute("failures", row.outcome() == ClaimRows.Outcome.FAILED ? "1" : "0");
        x.writeAttribute("errors", row.outcome() == ClaimRows.Outcome.ERROR ? "1" : "0");
        x.writeAttribute("skipped", row.outcome() == ClaimRows.Outcome.SKIPPED ? "1" : "0");
        x.writeAttribute("time", "0");
        x.writeAttribute("id", Integer.toString(id));
        x.writeCharacters("\n    ");
        x.writeStartElement("properties");
        for (Map.Entry<String, String> p : properties(run, row).entrySet()) {
            x.writeCharacters("\n      ");
            x.writeEmptyElement("property");
            x.writeAttribute("name", p.getKey());
            x.writeAttribute("value", p.getValue());
        }
        x.writeCharacters("\n    ");
        x.writeEndElement();
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        x.writeAttribute("name", row.claim() + " [" + (row.category() == null ? "all" : row.category()) + "]");
        x.writeAttribute("classname", run.evalSet() + "." + run.candidate());
        x.writeAttribute("time", "0");
        String figures = Numbers.figure(row.value(), row.interval(), row.n()) + ", threshold " + row.threshold()
                + ", verdict " + row.verdictLabel();
        switch (row.outcome()) {
            case FAILED -> element(x, "failure", row.message(), row.verdictLabel().toLowerCase(Locale.ROOT), figures);
            case ERROR -> element(x, "error", row.message(), "infrastructure", figures);
            case SKIPPED -> {
                x.writeCharacters("\n      ");
                x.writeEmptyElement("skipped");
                x.writeAttribute("message", row.message());
            }
            case PASSED -> {
            }
        }
        x.writeCharacters("\n    ");
        x.writeEndElement();
        x.writeCharacters("\n  ");
        x.writeEndElement();
    }

    private static void element(XMLStreamWriter x, String name, String message, String type, String text) throws XMLStreamException {
        x.writeCharacters("\n      ");
        x.writeStartElement(name);
        x.writeAttribute("message", message);
        x.writeAttribute("type", type);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    private static Map<String, String> properties(ClaimRows run, ClaimRows.Row row) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("evalSet", run.evalSet());
        p.put("candidate", run.candidate());
        p.put("baseline", run.baseline());
        p.put("category", row.category() == null ? "all" : row.category());
        p.put("n", Long.toString(row.n()));
        put(p, "winRate", row.value());
        put(p, "intervalLower", row.interval() == null ? null : row.interval().lower());
        put(p, "intervalUpper", row.interval() == null ? null : row.interval().upper());
        if (row.threshold() != null) {
            p.put("threshold", row.threshold());
        }
        put(p, "effectSize", row.effect());
        put(p, "pValue", row.pValue());
        put(p, "cost", row.cost());
        p.put("verdict", row.verdictLabel());
        return p;
    }

    private static void put(Map<String, String> p, String name, Double value) {
        if (value != null && !value.isNaN()) {
            p.put(name, Double.toString(value));
        }
    }
}
