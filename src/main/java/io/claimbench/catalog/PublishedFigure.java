package io.claimbench.catalog;

/** A figure the model maker published for the claim, for a run's results to be read against. */
public record PublishedFigure(String label, double value, String source) {
}
