package io.claimbench.results;

import io.claimbench.judging.AnswerScore;
import io.claimbench.judging.AnswerScorer;
import io.claimbench.runs.ComparisonEntity;
import io.claimbench.runs.GenerationEntity;
import io.claimbench.runs.ScoreDetails;
import io.claimbench.stats.Summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The report's figures for one model: answers, errors, length, latency, cost, benchmark score, style. */
final class ModelFigureSection {

    private ModelFigureSection() {
    }

    /** {@code lengths}: each generation's answer length in code points, -1 for none, in the order of the list. */
    static RunReport.ModelFigures figures(String name, String role, List<GenerationEntity> generations, int[] lengths,
                                           List<ComparisonEntity> comparisons, long wins,
                                           Optional<AnswerScorer> scorer, boolean candidate) {
        List<GenerationEntity> mine = generations.stream().filter(g -> role.equals(g.role)).toList();
        long errors = mine.stream().filter(g -> g.error != null).count();
        long answers = mine.size() - errors;
        double[] latencies = mine.stream().filter(g -> g.error == null && g.latencyMs != null)
                .mapToDouble(g -> g.latencyMs).toArray();
        Summary latency = Summary.of(latencies);
        Summary firstToken = Summary.of(mine.stream().filter(g -> g.error == null && g.firstTokenMs != null)
                .mapToDouble(g -> g.firstTokenMs).toArray());
        Double total = ReportFigures.sumCost(mine.stream().map(g -> g.cost).toList());
        Summary perAnswer = Summary.of(mine.stream().filter(g -> g.error == null && g.cost != null)
                .mapToDouble(g -> g.cost).toArray());
        RunReport.ScoreFigure benchmark = null;
        Map<String, Long> failedChecks = null;
        if (scorer.isPresent()) {
            List<AnswerScore> scores = new ArrayList<>();
            for (ComparisonEntity c : comparisons) {
                AnswerScore s = ScoreDetails.read(candidate ? c.candidateDetail : c.baselineDetail);
                if (s != null) {
                    scores.add(s);
                }
            }
            benchmark = scorer.get().benchmark(scores).map(ReportFigures::figure).orElse(null);
            failedChecks = scorer.get().failedCheckCounts(scores);
        }
        java.util.stream.DoubleStream.Builder mineLengths = java.util.stream.DoubleStream.builder();
        for (int i = 0; i < generations.size(); i++) {
            GenerationEntity g = generations.get(i);
            if (role.equals(g.role) && g.error == null && lengths[i] >= 0) {
                mineLengths.add(lengths[i]);
            }
        }
        Summary length = Summary.of(mineLengths.build().toArray());
        return new RunReport.ModelFigures(name, answers, errors, mine.stream().filter(g -> g.fromCache).count(),
                ReportFigures.figure(length), ReportFigures.figure(latency), ReportFigures.figure(firstToken), ReportFigures.figure(perAnswer), total,
                total == null || wins == 0 ? null : total / wins, benchmark, failedChecks,
                scorer.isPresent() ? null : style(comparisons, candidate));
    }

    /** Means of the style scorer's measures over one side's answers; null when the run measured no style. */
    static Map<String, RunReport.ScoreFigure> style(List<ComparisonEntity> comparisons, boolean candidate) {
        Map<String, List<Double>> parts = new TreeMap<>();
        for (ComparisonEntity c : comparisons) {
            if (ScoreDetails.read(candidate ? c.candidateDetail : c.baselineDetail) instanceof AnswerScore.Scored s) {
                s.parts().forEach((k, v) -> parts.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        Map<String, RunReport.ScoreFigure> out = new java.util.LinkedHashMap<>();
        parts.forEach((k, v) -> out.put(k, ReportFigures.figure(Summary.of(v.stream().mapToDouble(Double::doubleValue).toArray()))));
        return out;
    }
}
