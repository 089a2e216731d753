package io.claimbench.catalog;

/** The claim as it was made: the words, who said them, and where. */
public record Claim(String quote, String speaker, String source) {
}
