package io.claimbench.results;

import io.claimbench.runs.RunEntity;
import io.claimbench.stats.PairOutcome;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The report's section on repeated samples (epochs): each epoch's win rate and their spread. */
final class EpochFigures {

    private EpochFigures() {
    }

    /** Win rate per sample index and its spread; null for one sample. */
    static RunReport.Epochs epochs(RunEntity run, List<ComparisonRow> comparisons) {
        if (run.samples <= 1) {
            return null;
        }
        List<RunReport.Epoch> epochs = new ArrayList<>();
        for (int s = 0; s < run.samples; s++) {
            final int sample = s;
            double[] shares = comparisons.stream().filter(c -> c.sampleIndex() == sample && c.outcome().decided())
                    .mapToDouble(ComparisonRow::observedShare).toArray();
            Double rate = shares.length == 0 ? null : java.util.Arrays.stream(shares).average().orElseThrow();
            epochs.add(new RunReport.Epoch(s, shares.length, rate,
                    rate == null ? null : io.claimbench.stats.WinRate.wilson(rate, shares.length, io.claimbench.stats.WinRate.Z95)));
        }
        double[] rates = epochs.stream().filter(e -> e.winRate() != null).mapToDouble(RunReport.Epoch::winRate).toArray();
        double mean = java.util.Arrays.stream(rates).average().orElse(Double.NaN);
        double sd = rates.length < 2 ? Double.NaN
                : Math.sqrt(java.util.Arrays.stream(rates).map(x -> (x - mean) * (x - mean)).sum() / (rates.length - 1));
        Map<Long, java.util.Set<PairOutcome>> byPrompt = new TreeMap<>();
        Map<Long, Integer> decidedEpochs = new HashMap<>();
        for (ComparisonRow c : comparisons) {
            if (c.outcome().decided()) {
                byPrompt.computeIfAbsent(c.promptVersionId(), k -> java.util.EnumSet.noneOf(PairOutcome.class)).add(c.outcome());
                decidedEpochs.merge(c.promptVersionId(), 1, Integer::sum);
            }
        }
        List<Long> complete = byPrompt.keySet().stream().filter(p -> decidedEpochs.get(p) == run.samples).toList();
        long consistent = complete.stream().filter(p -> byPrompt.get(p).size() == 1).count();
        return new RunReport.Epochs(run.samples, epochs, rates.length == 0 ? null : mean,
                rates.length < 2 ? null : sd,
                rates.length == 0 ? null : java.util.Arrays.stream(rates).min().orElseThrow(),
                rates.length == 0 ? null : java.util.Arrays.stream(rates).max().orElseThrow(),
                complete.size(), complete.isEmpty() ? null : (double) consistent / complete.size());
    }
}
