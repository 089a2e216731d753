package io.claimbench.results;

import io.claimbench.runs.ComparisonEntity;
import io.claimbench.runs.HumanVoteEntity;
import io.claimbench.stats.PairOutcome;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The report's section on human votes: how voters agree, and how the judge agrees with their majority. */
final class HumanFigures {

    private HumanFigures() {
    }

    static RunReport.Humans humans(List<ComparisonEntity> comparisons, List<HumanVoteEntity> votes) {
        if (votes.isEmpty()) {
            return null;
        }
        Map<Long, Map<String, PairOutcome>> byComparison = new HashMap<>();
        java.util.TreeSet<String> voters = new java.util.TreeSet<>();
        for (HumanVoteEntity v : votes) {
            byComparison.computeIfAbsent(v.comparisonId, k -> new HashMap<>()).put(v.voter, v.outcome);
            voters.add(v.voter);
        }
        List<RunReport.RaterAgreement> between = RaterAgreements.agreement(List.copyOf(voters), comparisons,
                (voter, c) -> byComparison.getOrDefault(c.id, Map.of()).get(voter));
        List<PairOutcome> judge = new ArrayList<>();
        List<PairOutcome> majority = new ArrayList<>();
        long majorities = 0;
        for (ComparisonEntity c : comparisons) {
            Map<String, PairOutcome> cv = byComparison.getOrDefault(c.id, Map.of());
            Map<PairOutcome, Integer> tally = new HashMap<>();
            cv.values().forEach(o -> tally.merge(o, 1, Integer::sum));
            PairOutcome m = tally.entrySet().stream().filter(e -> e.getValue() * 2 > cv.size())
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            majorities += m == null ? 0 : 1;
            majority.add(m);
            judge.add(c.outcome.decided() ? c.outcome : null);
        }
        return new RunReport.Humans(votes.size(), List.copyOf(voters), between, majorities,
                io.claimbench.stats.Agreement.of(judge, majority, PairOutcome.TIE));
    }
}
