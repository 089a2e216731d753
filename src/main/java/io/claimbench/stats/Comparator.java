package io.claimbench.stats;

import java.util.Arrays;
import java.util.Optional;

/** How a claimed figure relates to its threshold. */
public enum Comparator {
    AT_LEAST(">="), GREATER(">"), AT_MOST("<="), LESS("<");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public static Optional<Comparator> fromSymbol(String s) {
        return Arrays.stream(values()).filter(c -> c.symbol.equals(s == null ? null : s.trim())).findFirst();
    }

    /** True when the claim asks for a value above the threshold. */
    public boolean upward() {
        return this == AT_LEAST || this == GREATER;
    }
}
