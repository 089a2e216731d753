package io.claimbench.results;

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

    static RunReport.Humans humans(List<ComparisonRow> comparisons, List<HumanVoteEntity> votes, long seed) {
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
                (voter, c) -> byComparison.getOrDefault(c.id(), Map.of()).get(voter));
        List<PairOutcome> judge = new ArrayList<>();
        List<PairOutcome> majority = new ArrayList<>();
        long majorities = 0;
        for (ComparisonRow c : comparisons) {
            Map<String, PairOutcome> cv = byComparison.getOrDefault(c.id(), Map.of());
            Map<PairOutcome, Integer> tally = new HashMap<>();
            cv.values().forEach(o -> tally.merge(o, 1, Integer::sum));
            PairOutcome m = tally.entrySet().stream().filter(e -> e.getValue() * 2 > cv.size())
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            majorities += m == null ? 0 : 1;
            majority.add(m);
            judge.add(c.outcome().decided() ? c.outcome() : null);
        }
        return new RunReport.Humans(votes.size(), List.copyOf(voters), between, majorities,
                io.claimbench.stats.Agreement.of(judge, majority, PairOutcome.TIE), winRate(comparisons, votes, seed));
    }

    /**
     * The candidate's win rate by the votes (a tie or "both bad" as half), with the prompt-clustered bootstrap
     * interval the judges' win rate has: votes on one prompt are not independent.
     */
    static RunReport.HumanWinRate winRate(List<ComparisonRow> comparisons, List<HumanVoteEntity> votes, long seed) {
        Map<Long, Long> promptOf = new HashMap<>();
        comparisons.forEach(c -> promptOf.put(c.id(), c.promptVersionId()));
        // In a fixed order, so that the seeded bootstrap draws the same clusters each time.
        List<io.claimbench.stats.Observation> observations = votes.stream()
                .filter(v -> v.outcome != null && v.outcome.decided())
                .sorted(java.util.Comparator.comparingLong((HumanVoteEntity v) -> v.comparisonId).thenComparing(v -> v.voter))
                .map(v -> new io.claimbench.stats.Observation(Long.toString(promptOf.getOrDefault(v.comparisonId, v.comparisonId)),
                        v.outcome.winShare()))
                .toList();
        if (observations.isEmpty()) {
            return new RunReport.HumanWinRate(0, null, null);
        }
        return new RunReport.HumanWinRate(observations.size(),
                observations.stream().mapToDouble(io.claimbench.stats.Observation::win).average().orElseThrow(),
                io.claimbench.stats.ClusteredBootstrap.interval(observations,
                        io.claimbench.stats.ClusteredBootstrap.DEFAULT_RESAMPLES, seed));
    }
}
