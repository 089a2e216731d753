package io.claimbench.cli;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verdicts as JUnit XML, for CI test reports: one {@code testcase} per claim x candidate x category. Each test
 * case sits in a {@code testsuite} of its own, whose {@code properties} carry its figures (n, win rate, interval,
 * threshold, effect size, p-value, cost), since the published JUnit schemas allow properties on suites only. A refuted
 * claim (or an inconclusive one, unless inconclusive passes) is a {@code failure} with the figures, a run that failed
 * or exceeded its error budget an {@code error}, an inconclusive claim that passes {@code skipped}. The document is
 * valid against the Ant/Jenkins JUnit schema (windyroad/JUnit-Schema, in the tests' resources): each suite has the
 * timestamp, host name, package and id it requires, and (empty) system-out and system-err.
 */
final class JUnitReport {

    private JUnitReport() {
    }

    /** Written now, on this machine. */
    static String of(List<ClaimRows> runs) {
        return of(runs, Instant.now(), hostName());
    }

    /** {@code at} is each suite's timestamp, {@code host} its host name. */
    static String of(List<ClaimRows> runs, Instant at, String host) {
        String timestamp = LocalDateTime.ofInstant(at, ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        try {
            StringWriter text = new StringWriter();
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites"); // the schema allows no attributes here
            int id = 0;
            for (ClaimRows run : runs) {
                for (ClaimRows.Row row : run.rows()) {
                    suite(x, id++, run, row, timestamp, host);
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

    private static void suite(XMLStreamWriter x, int id, ClaimRows run, ClaimRows.Row row, String timestamp, String host)
            throws XMLStreamException {
        String name = run.evalSet() + ": " + run.candidate() + " vs " + run.baseline() + " [" + (row.category() == null ? "all" : row.category()) + "]";
        x.writeCharacters("\n  ");
        x.writeStartElement("testsuite");
        attribute(x, "name", name);
        x.writeAttribute("package", "claimbench." + xmlSafe(run.evalSet()));
        x.writeAttribute("timestamp", timestamp);
        attribute(x, "hostname", host);
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
            attribute(x, "value", p.getValue());
        }
        x.writeCharacters("\n    ");
        x.writeEndElement();
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        attribute(x, "name", row.claim() + " [" + (row.category() == null ? "all" : row.category()) + "]");
        attribute(x, "classname", run.evalSet() + "." + run.candidate());
        x.writeAttribute("time", "0");
        String figures = Numbers.figure(row.value(), row.interval(), row.n()) + ", threshold " + row.threshold()
                + ", verdict " + row.verdictLabel();
        switch (row.outcome()) {
            case FAILED -> element(x, "failure", row.message(), row.verdictLabel().toLowerCase(Locale.ROOT), figures);
            case ERROR -> element(x, "error", row.message(), "infrastructure", figures);
            case SKIPPED -> {
                x.writeCharacters("\n      ");
                x.writeEmptyElement("skipped");
                attribute(x, "message", row.message());
            }
            case PASSED -> {
            }
        }
        x.writeCharacters("\n    ");
        x.writeEndElement();
        x.writeCharacters("\n    ");
        x.writeEmptyElement("system-out");
        x.writeCharacters("\n    ");
        x.writeEmptyElement("system-err");
        x.writeCharacters("\n  ");
        x.writeEndElement();
    }

    private static void element(XMLStreamWriter x, String name, String message, String type, String text) throws XMLStreamException {
        x.writeCharacters("\n      ");
        x.writeStartElement(name);
        attribute(x, "message", message);
        x.writeAttribute("type", type);
        x.writeCharacters(xmlSafe(text));
        x.writeEndElement();
    }

    private static void attribute(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeAttribute(name, xmlSafe(value == null ? "" : value));
    }

    /**
     * Text without the characters XML 1.0 cannot carry at all (control characters, lone surrogates), which the
     * writer would pass through into a document no reader accepts; an endpoint's error message may hold them.
     */
    static String xmlSafe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                    || c >= 0x10000 && c <= 0x10FFFF;
            b.appendCodePoint(allowed ? c : 0xFFFD);
        });
        return b.toString();
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown";
        }
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
