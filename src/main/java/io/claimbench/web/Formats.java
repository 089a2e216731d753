package io.claimbench.web;

import io.claimbench.api.IntervalView;
import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write numbers: {@code {fmt:f3(x)}}, {@code {fmt:ci(interval)}}; a missing figure is a dash. */
@TemplateExtension(namespace = "fmt")
public final class Formats {

    static final String NONE = "–";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** Three decimals, as the CLI writes win rates. */
    public static String f3(Double d) {
        return d == null || d.isNaN() ? NONE : String.format(Locale.ROOT, "%.3f", d);
    }

    /** Two decimals, for scores, latencies and ratios. */
    public static String f2(Double d) {
        return d == null || d.isNaN() ? NONE : String.format(Locale.ROOT, "%.2f", d);
    }

    /** A share as a percentage with one decimal. */
    public static String pct(Double d) {
        return d == null || d.isNaN() ? NONE : String.format(Locale.ROOT, "%.1f%%", d * 100);
    }

    /** A 95% interval as {@code [0.506, 0.643]}. */
    public static String ci(IntervalView i) {
        return i == null ? NONE : "[" + f3(i.lower()) + ", " + f3(i.upper()) + "]";
    }

    /** An interval of scores, ratios or latencies, to two decimals. */
    public static String ci2(IntervalView i) {
        return i == null ? NONE : "[" + f2(i.lower()) + ", " + f2(i.upper()) + "]";
    }

    /** Whether a published figure is on the win-rate scale (a share), rather than a benchmark score. */
    public static boolean rateScale(double value) {
        return value >= 0 && value <= 1;
    }

    /** A cost in dollars, with enough digits for fractions of a cent. */
    public static String usd(Double d) {
        return d == null || d.isNaN() ? NONE : String.format(Locale.ROOT, "$%.6f", d);
    }

    public static String time(Instant t) {
        return t == null ? NONE : TIME.format(t);
    }

    /** The CSS class of a verdict or outcome: {@code supported}, {@code refuted}, {@code win}... */
    public static String tone(String label) {
        return label == null ? "none" : label.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
