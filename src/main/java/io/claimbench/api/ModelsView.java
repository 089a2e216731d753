package io.claimbench.api;

import io.claimbench.results.RunReport;

import java.util.Map;

/**
 * Each model's answers in a run: part of {@link RunResultsView}, the API's own types mapped from
 * {@link RunReport.Models} here only.
 */
public record ModelsView(ModelFiguresView candidate, ModelFiguresView baseline) {

    public static ModelsView of(RunReport.Models m) {
        return m == null ? null : new ModelsView(ModelFiguresView.of(m.candidate()), ModelFiguresView.of(m.baseline()));
    }

    /**
     * One model's answers: length, latency, time to first token and cost, the benchmark score of a reference scorer,
     * failed checks by name and style means by measure (both maps in the order the domain gives them).
     */
    public record ModelFiguresView(String name, long answers, long errors, long fromCache, ScoreView lengthChars,
                                   ScoreView latencyMs, ScoreView firstTokenMs, ScoreView costPerAnswer,
                                   Double totalCost, Double costPerWin, ScoreView benchmarkScore,
                                   Map<String, Long> failedChecks, Map<String, ScoreView> style) {

        static ModelFiguresView of(RunReport.ModelFigures f) {
            return f == null ? null : new ModelFiguresView(f.name(), f.answers(), f.errors(), f.fromCache(),
                    ScoreView.of(f.lengthChars()), ScoreView.of(f.latencyMs()), ScoreView.of(f.firstTokenMs()),
                    ScoreView.of(f.costPerAnswer()), f.totalCost(), f.costPerWin(), ScoreView.of(f.benchmarkScore()),
                    f.failedChecks(), Views.map(f.style(), ScoreView::of));
        }
    }
}
