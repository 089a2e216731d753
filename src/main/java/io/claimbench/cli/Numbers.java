package io.claimbench.cli;

import io.claimbench.stats.Interval;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Figures as people read them in CI reports: four significant digits, the interval beside the value, and n. */
final class Numbers {

    private Numbers() {
    }

    static String round(Double x) {
        if (x == null || x.isNaN()) {
            return "–";
        }
        if (x == 0) {
            return "0";
        }
        return new BigDecimal(x).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** Dollars: cents from one dollar up ("$12.35"), four significant digits below ("$0.01234"). */
    static String usd(double x) {
        return x >= 1 ? String.format(Locale.ROOT, "$%.2f", x) : "$" + round(x);
    }

    /** "0.5731 [0.5058, 0.6433] (n = 171)"; "n = 0" when there is no value. */
    static String figure(Double value, Interval i, long n) {
        if (value == null) {
            return "n = 0";
        }
        return i == null ? String.format(Locale.ROOT, "%s (n = %d)", round(value), n)
                : String.format(Locale.ROOT, "%s [%s, %s] (n = %d)", round(value), round(i.lower()), round(i.upper()), n);
    }
}
