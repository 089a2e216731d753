package io.claimbench.runs;

/**
 * What to run. Null fields take defaults: scorer and judge template from the eval set, one sample, seed 0,
 * each model's temperature, the configured concurrency, no cost cap, cache on, no early stop.
 */
public record RunRequest(String evalSet, String candidate, String baseline, String judge, String scorer,
                         String judgeTemplate, Integer samples, Long seed, Double temperature, Integer concurrency,
                         Double costCap, Boolean cache, Boolean earlyStop) {

    public RunRequest(String evalSet, String candidate, String baseline, String judge, String scorer,
                      String judgeTemplate, Integer samples, Long seed, Double temperature, Integer concurrency,
                      Double costCap, Boolean cache) {
        this(evalSet, candidate, baseline, judge, scorer, judgeTemplate, samples, seed, temperature, concurrency,
                costCap, cache, null);
    }
}
