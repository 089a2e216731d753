package io.claimbench.runs;


/**
 * A run's sampling and limits once defaults are applied.
 *
 * @param temperature overrides both models' temperature; null: each model's own
 * @param costCap     the most the run may spend; null: no cap
 */
public record RunSettings(int samples, long seed, Double temperature, int concurrency, Double costCap, boolean cache,
                          boolean earlyStop) {

    public static final int MAX_SAMPLES = 100;
    public static final int MAX_CONCURRENCY = 1024;

    public RunSettings {
        if (samples < 1 || samples > MAX_SAMPLES || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("samples or concurrency out of range");
        }
    }
}
