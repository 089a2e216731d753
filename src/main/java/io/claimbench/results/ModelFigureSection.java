package io.claimbench.results;

import io.claimbench.judging.AnswerScore;
import io.claimbench.judging.AnswerScorer;
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

    static RunReport.ModelFigures figures(String name, List<AnswerRow> answersOfBoth, List<ComparisonRow> comparisons, long wins,
                                           Optional<AnswerScorer> scorer, boolean candidate) {
        List<AnswerRow> mine = answersOfBoth.stream().filter(g -> g.candidate() == candidate).toList();
        long errors = mine.stream().filter(g -> g.error() != null).count();
        long answers = mine.size() - errors;
        Summary latency = Summary.of(mine.stream().filter(g -> g.error() == null && g.latencyMs() != null)
                .mapToDouble(AnswerRow::latencyMs).toArray());
        Summary firstToken = Summary.of(mine.stream().filter(g -> g.error() == null && g.firstTokenMs() != null)
                .mapToDouble(AnswerRow::firstTokenMs).toArray());
        Double total = ReportFigures.sumCost(mine.stream().map(AnswerRow::cost).toList());
        Summary perAnswer = Summary.of(mine.stream().filter(g -> g.error() == null && g.cost() != null)
                .mapToDouble(AnswerRow::cost).toArray());
        RunReport.ScoreFigure benchmark = null;
        Map<String, Long> failedChecks = null;
        if (scorer.isPresent()) {
            List<AnswerScore> scores = new ArrayList<>();
            for (ComparisonRow c : comparisons) {
                AnswerScore s = ScoreDetails.read(candidate ? c.candidateDetail() : c.baselineDetail());
                if (s != null) {
                    scores.add(s);
                }
            }
            benchmark = scorer.get().benchmark(scores).map(ReportFigures::figure).orElse(null);
            failedChecks = scorer.get().failedCheckCounts(scores);
        }
        Summary length = Summary.of(mine.stream().filter(g -> g.error() == null && g.length() >= 0)
                .mapToDouble(AnswerRow::length).toArray());
        return new RunReport.ModelFigures(name, answers, errors, mine.stream().filter(g -> g.fromCache()).count(),
                ReportFigures.figure(length), ReportFigures.figure(latency), ReportFigures.figure(firstToken), ReportFigures.figure(perAnswer), total,
                total == null || wins == 0 ? null : total / wins, benchmark, failedChecks,
                scorer.isPresent() ? null : style(comparisons, candidate));
    }

    /** Means of the style scorer's measures over one side's answers; null when the run measured no style. */
    static Map<String, RunReport.ScoreFigure> style(List<ComparisonRow> comparisons, boolean candidate) {
        Map<String, List<Double>> parts = new TreeMap<>();
        for (ComparisonRow c : comparisons) {
            if (ScoreDetails.read(candidate ? c.candidateDetail() : c.baselineDetail()) instanceof AnswerScore.Scored s) {
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
