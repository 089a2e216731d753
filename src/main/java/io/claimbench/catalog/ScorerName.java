package io.claimbench.catalog;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every scorer an eval set or a run may name, parsed from its label once where it enters (YAML, REST, CLI). The
 * scorers themselves live in {@code judging}; this is the vocabulary, with what the catalog and a run's
 * validation need to know of each before anything is called.
 */
public enum ScorerName {
    /** An LLM judge sees both answers, in both orders. */
    PAIRWISE_JUDGE("pairwise-judge", Kind.PAIRWISE_JUDGE),
    /** The pairwise judge, shown the prompt's gold answer. */
    REFERENCE_JUDGE("reference-judge", Kind.PAIRWISE_JUDGE),
    /** MT-Bench-style grading of each answer alone; the pair's verdict derives from the two grades. */
    RUBRIC_JUDGE("rubric-judge", Kind.GRADING_JUDGE),
    EQ_BENCH_V2("eq-bench-v2", Kind.PROGRAMMATIC),
    ASCII_ART("ascii-art", Kind.PROGRAMMATIC),
    SEMANTIC_SIMILARITY("semantic-similarity", Kind.PROGRAMMATIC),
    EXACT_MATCH("exact-match", Kind.PROGRAMMATIC),
    EQ_STYLE("eq-style", Kind.PROGRAMMATIC);

    /** How a scorer decides: a judge on the pair, a judge on each answer alone, or code on each answer. */
    public enum Kind { PAIRWISE_JUDGE, GRADING_JUDGE, PROGRAMMATIC }

    private final String label;
    private final Kind kind;
    ScorerName(String label, Kind kind) {
        this.label = label;
        this.kind = kind;
    }

    /** The name in eval sets, run requests, the database and JSON. */
    @JsonValue
    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the scorer calls a judge model (so a run needs a judge). */
    public boolean usesJudge() {
        return kind != Kind.PROGRAMMATIC;
    }

    /** Whether a judge sees both answers, so that position swapping applies. */
    public boolean pairwise() {
        return kind == Kind.PAIRWISE_JUDGE;
    }

    /** Whether an eval set with this scorer must name a {@code judge-template} (a rubric judge has its own). */
    public boolean needsJudgeTemplate() {
        return kind == Kind.PAIRWISE_JUDGE;
    }

    /** Whether every prompt must carry a reference answer. */
    public boolean needsReference() {
        return this == REFERENCE_JUDGE || this == EQ_BENCH_V2 || this == SEMANTIC_SIMILARITY || this == EXACT_MATCH;
    }

    /** Whether it measures an answer without a reference, so it can annotate a judged run's answers. */
    public boolean measuresStyle() {
        return this == EQ_STYLE || this == ASCII_ART;
    }

    public static Optional<ScorerName> find(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
    }

    /** The scorer of this label; an {@link IllegalArgumentException} naming the accepted ones otherwise. */
    public static ScorerName parse(String label) {
        return find(label).orElseThrow(() -> new IllegalArgumentException("unknown scorer '" + shorten(label)
                + "' (expected one of " + labels() + ")"));
    }

    /** All labels, in declaration order: "pairwise-judge, reference-judge, ...". */
    public static String labels() {
        return Arrays.stream(values()).map(ScorerName::label).collect(Collectors.joining(", "));
    }

    /** A bad value is echoed in errors only as a short prefix. */
    public static String shorten(String value) {
        return value == null ? "null" : value.length() > 64 ? value.substring(0, 64) + "..." : value;
    }

    @Override
    public String toString() {
        return label;
    }
}
