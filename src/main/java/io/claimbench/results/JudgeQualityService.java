package io.claimbench.results;

import io.claimbench.judging.Verdict;
import io.claimbench.runs.GameOutcome;
import io.claimbench.runs.JudgmentVerdicts;
import io.claimbench.stats.Agreement;
import io.claimbench.stats.PairOutcome;
import io.claimbench.stats.PositionBias;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.jpa.HibernateHints;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Each judge's quality over all runs: position bias from swapped games, agreement with human majorities. */
@ApplicationScoped
public class JudgeQualityService {

    private final EntityManager em;

    public JudgeQualityService(EntityManager em) {
        this.em = em;
    }

    public record JudgeQuality(String judge, long runs, long games, long unscored, long errors, PositionBias positionBias,
                               Agreement.Result withHumanMajority, SelfPreference selfPreference) {
    }

    /**
     * When the judge is of a contestant's family: that contestant's win rate under this judge and under the other
     * judges of the same eval set and pair of models, and the difference (positive: the judge favours its own
     * family). Null when no other judge compared the same pair.
     */
    public record SelfPreference(String family, String contestant, long n, double winRate, long otherN,
                                 double otherJudgesWinRate, double difference) {
    }

    public List<JudgeQuality> all() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, long[]> tallies = new TreeMap<>(); // runs, games, unscored, errors
            for (Object[] row : em.createQuery("select j.judge, j.outcome, count(j) from JudgmentEntity j group by j.judge, j.outcome",
                    Object[].class).getResultList()) {
                long[] t = tallies.computeIfAbsent((String) row[0], k -> new long[4]);
                long n = (Long) row[2];
                t[1] += n;
                t[2] += row[1] == GameOutcome.UNSCORED ? n : 0;
                t[3] += row[1] == GameOutcome.ERROR ? n : 0;
            }
            // Swapped pairs, streamed in (judge, item) order: only the current item's two games are held.
            Map<String, Map<PositionBias.SwappedPair, Long>> games = new HashMap<>();
            Object[] key = {null, null};
            Integer[] pair = new Integer[2];
            try (var rows = em.createQuery("select j.judge, j.workItemId, j.game, j.preference from JudgmentEntity j "
                            + "where j.outcome = :scored and j.game in (1, 2) order by j.judge, j.workItemId, j.id", Object[].class)
                    .setParameter("scored", GameOutcome.SCORED).setHint(HibernateHints.HINT_FETCH_SIZE, 1000).getResultStream()) {
                rows.forEach(row -> {
                    if (!row[0].equals(key[0]) || !row[1].equals(key[1])) {
                        countPair(games, (String) key[0], pair);
                        key[0] = row[0];
                        key[1] = row[1];
                        pair[0] = null;
                        pair[1] = null;
                    }
                    if (JudgmentVerdicts.read(GameOutcome.SCORED, (String) row[3], null, null) instanceof Verdict.Scored s) {
                        pair[(Integer) row[2] - 1] = s.preference().strength();
                    }
                });
            }
            countPair(games, (String) key[0], pair);
            for (Object[] row : em.createQuery("select r.judge, count(r) from RunEntity r where r.judge is not null group by r.judge",
                    Object[].class).getResultList()) {
                long[] t = tallies.get((String) row[0]);
                if (t != null) {
                    t[0] = (Long) row[1];
                }
            }
            Map<String, Agreement.Result> humans = humanAgreement();
            List<JudgeQuality> out = new ArrayList<>();
            tallies.forEach((judge, t) -> {
                out.add(new JudgeQuality(judge, t[0], t[1], t[2], t[3], PositionBias.ofCounts(games.getOrDefault(judge, Map.of())),
                        humans.get(judge),
                        selfPreference(judge)));
            });
            return out;
        });
    }

    private static void countPair(Map<String, Map<PositionBias.SwappedPair, Long>> games, String judge, Integer[] pair) {
        if (judge != null && pair[0] != null && pair[1] != null) {
            games.computeIfAbsent(judge, k -> new HashMap<>()).merge(new PositionBias.SwappedPair(pair[0], pair[1]), 1L, Long::sum);
        }
    }

    /** Under the caller's transaction. */
    private SelfPreference selfPreference(String judge) {
        String family = ModelFamily.of(judge);
        if (family == null) {
            return null;
        }
        // Win shares of each (eval set, candidate, baseline) under each judge.
        Map<String, double[]> own = new HashMap<>(); // key -> sum of the family contestant's shares, n
        Map<String, double[]> others = new HashMap<>();
        String contestant = null;
        // Counted in SQL: shares are 0, 1/2 or 1, so count x share sums exactly as the rows one by one did.
        for (Object[] row : em.createQuery("select r.evalSetId, r.candidate, r.baseline, r.judge, c.outcome, count(c) from ComparisonEntity c, "
                + "RunEntity r where c.runId = r.id and r.judge is not null group by r.evalSetId, r.candidate, r.baseline, r.judge, c.outcome",
                Object[].class).getResultList()) {
            long count = (Long) row[5];
            String candidate = (String) row[1];
            String baseline = (String) row[2];
            boolean candidateIsFamily = family.equals(ModelFamily.of(candidate));
            boolean baselineIsFamily = family.equals(ModelFamily.of(baseline));
            PairOutcome outcome = (PairOutcome) row[4];
            if (candidateIsFamily == baselineIsFamily || !outcome.decided()) {
                continue; // only pairs with exactly one contestant of the judge's family
            }
            double share = outcome.winShare();
            double familyShare = candidateIsFamily ? share : 1 - share;
            String key = row[0] + "|" + candidate + "|" + baseline;
            Map<String, double[]> target = judge.equals(row[3]) ? own : others;
            double[] acc = target.computeIfAbsent(key, k -> new double[2]);
            acc[0] += count * familyShare;
            acc[1] += count;
            if (judge.equals(row[3])) {
                contestant = candidateIsFamily ? candidate : baseline;
            }
        }
        double ownSum = 0;
        double ownN = 0;
        double otherSum = 0;
        double otherN = 0;
        for (Map.Entry<String, double[]> e : own.entrySet()) {
            double[] o = others.get(e.getKey());
            if (o != null) {
                ownSum += e.getValue()[0];
                ownN += e.getValue()[1];
                otherSum += o[0];
                otherN += o[1];
            }
        }
        if (ownN == 0 || otherN == 0) {
            return null;
        }
        double mine = ownSum / ownN;
        double theirs = otherSum / otherN;
        return new SelfPreference(family, contestant, (long) ownN, mine, (long) otherN, theirs, mine - theirs);
    }

    /** Per judge: its comparisons' outcomes against the majority of the human votes on them, over all runs. */
    private Map<String, Agreement.Result> humanAgreement() {
        Map<Long, Map<String, PairOutcome>> votes = new HashMap<>();
        Map<Long, Object[]> comparisons = new HashMap<>();
        for (Object[] row : em.createQuery("select v.comparisonId, v.voter, v.outcome, r.judge, c.outcome from HumanVoteEntity v, "
                + "ComparisonEntity c, RunEntity r where v.comparisonId = c.id and c.runId = r.id and r.judge is not null",
                Object[].class).getResultList()) {
            votes.computeIfAbsent((Long) row[0], k -> new HashMap<>()).put((String) row[1], (PairOutcome) row[2]);
            comparisons.put((Long) row[0], new Object[]{row[3], row[4]});
        }
        Map<String, List<PairOutcome>[]> byJudge = new HashMap<>();
        votes.forEach((comparison, cv) -> {
            Map<PairOutcome, Integer> tally = new HashMap<>();
            cv.values().forEach(o -> tally.merge(o, 1, Integer::sum));
            PairOutcome majority = tally.entrySet().stream().filter(e -> e.getValue() * 2 > cv.size())
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            Object[] c = comparisons.get(comparison);
            PairOutcome judged = (PairOutcome) c[1];
            @SuppressWarnings("unchecked")
            List<PairOutcome>[] lists = byJudge.computeIfAbsent((String) c[0], k -> new List[]{new ArrayList<>(), new ArrayList<>()});
            lists[0].add(judged.decided() ? judged : null);
            lists[1].add(majority);
        });
        Map<String, Agreement.Result> out = new HashMap<>();
        byJudge.forEach((judge, lists) -> out.put(judge, Agreement.of(lists[0], lists[1], PairOutcome.TIE)));
        return out;
    }
}
