package io.claimbench.runs;

import java.util.List;

/**
 * What to run. Null fields take defaults: scorer and judge template from the eval set, one sample, seed 0,
 * each model's temperature, the configured concurrency, no cost cap, cache on, no early stop, one judge, both
 * orders judged for every pair.
 *
 * @param judges      a panel of judges instead of the single {@code judge} (give one or the other)
 * @param judgeAggregate how a panel's verdicts combine: {@code majority} (default) or {@code mean}
 * @param swap        {@code always} (default) or {@code adaptive}: the second order only when the first verdict is
 *                    not decisive (A>>B or B>>A), or when the pair is drawn for the audit
 * @param swapAudit   under adaptive swap, the share of pairs judged in both orders anyway (default 0.2)
 */
public record RunRequest(String evalSet, String candidate, String baseline, String judge, String scorer,
                         String judgeTemplate, Integer samples, Long seed, Double temperature, Integer concurrency,
                         Double costCap, Boolean cache, Boolean earlyStop, List<String> judges, String judgeAggregate,
                         String swap, Double swapAudit) {

    public RunRequest(String evalSet, String candidate, String baseline, String judge, String scorer,
                      String judgeTemplate, Integer samples, Long seed, Double temperature, Integer concurrency,
                      Double costCap, Boolean cache, Boolean earlyStop) {
        this(evalSet, candidate, baseline, judge, scorer, judgeTemplate, samples, seed, temperature, concurrency,
                costCap, cache, earlyStop, null, null, null, null);
    }

    public RunRequest(String evalSet, String candidate, String baseline, String judge, String scorer,
                      String judgeTemplate, Integer samples, Long seed, Double temperature, Integer concurrency,
                      Double costCap, Boolean cache) {
        this(evalSet, candidate, baseline, judge, scorer, judgeTemplate, samples, seed, temperature, concurrency,
                costCap, cache, null);
    }
}
