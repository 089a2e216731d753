package io.claimbench.web;

import io.claimbench.catalog.PromptVersionEntity;
import io.claimbench.runs.ComparisonEntity;
import io.claimbench.runs.GenerationEntity;
import io.claimbench.runs.HumanVoteEntity;
import io.claimbench.runs.RunEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Blind votes: the next pair for a voter (one they have not voted on, fewest votes first, within a run and
 * optionally a category, both answers present), a vote stored once per voter and pair, and the reveal after it.
 */
@ApplicationScoped
public class VoteService {

    static final int REASON_MAX = 500;

    private final Clock clock;
    private final VoteRateLimit limit;

    public VoteService(Clock clock, VoteRateLimit limit) {
        this.clock = clock;
        this.limit = limit;
    }

    /** What came of a submit: the vote stored now, or the one stored before (a repeat changes nothing). */
    public record Cast(long comparisonId, boolean repeated) {
    }

    public Optional<Ballot> next(String runId, String category, String voter) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RunEntity run = RunEntity.findById(runId);
            if (run == null) {
                return Optional.<Ballot>empty();
            }
            List<ComparisonEntity> open = ComparisonEntity.<ComparisonEntity>list("runId", runId).stream()
                    .filter(c -> category == null || category.equals(c.category)).toList();
            Set<Long> mine = Set.copyOf(HumanVoteEntity.getEntityManager().createQuery(
                    "select v.comparisonId from HumanVoteEntity v, ComparisonEntity c where v.comparisonId = c.id "
                            + "and c.runId = :run and v.voter = :voter", Long.class)
                    .setParameter("run", runId).setParameter("voter", voter).getResultList());
            Map<Long, Long> votes = new HashMap<>();
            for (Object[] row : HumanVoteEntity.getEntityManager().createQuery(
                    "select v.comparisonId, count(v) from HumanVoteEntity v, ComparisonEntity c where v.comparisonId = c.id "
                            + "and c.runId = :run group by v.comparisonId", Object[].class)
                    .setParameter("run", runId).getResultList()) {
                votes.put((Long) row[0], (Long) row[1]);
            }
            List<ComparisonEntity> candidates = open.stream().filter(c -> !mine.contains(c.id))
                    .sorted(Comparator.comparingLong((ComparisonEntity c) -> votes.getOrDefault(c.id, 0L))
                            .thenComparingLong(c -> c.workItemId))
                    .toList();
            for (ComparisonEntity c : candidates) {
                Map<String, GenerationEntity> answers = answers(c);
                GenerationEntity cand = answers.get(GenerationEntity.CANDIDATE);
                GenerationEntity base = answers.get(GenerationEntity.BASELINE);
                if (usable(cand) && usable(base)) {
                    boolean left = BallotSides.candidateLeft(run.seed, c.id, voter);
                    PromptVersionEntity p = PromptVersionEntity.findById(c.promptVersionId);
                    return Optional.of(new Ballot(c.id, c.category, p == null ? "" : p.text,
                            left ? cand.text : base.text, left ? base.text : cand.text, candidates.size()));
                }
            }
            return Optional.<Ballot>empty();
        });
    }

    /**
     * Stores the voter's vote on a comparison of the run, once: a repeat returns the vote stored before and spends
     * nothing of the rate limit.
     */
    public Cast cast(String runId, long comparisonId, String voter, VoteChoice choice, String reason) {
        if (existing(comparisonId, voter).isPresent()) {
            return new Cast(comparisonId, true);
        }
        if (!limit.tryAcquire(voter)) {
            throw new PageException(429, "You have voted a lot in the last minute. Take a breath and try again shortly.");
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ComparisonEntity c = ComparisonEntity.findById(comparisonId);
                if (c == null || !c.runId.equals(runId)) {
                    throw new PageException(404, "This run has no such pair to vote on.");
                }
                RunEntity run = RunEntity.findById(runId);
                boolean left = BallotSides.candidateLeft(run.seed, c.id, voter);
                HumanVoteEntity v = new HumanVoteEntity();
                v.comparisonId = c.id;
                v.voter = voter;
                v.outcome = choice.outcome(left);
                v.createdAt = clock.instant();
                v.candidateSide = left ? "LEFT" : "RIGHT";
                v.choice = choice.name();
                v.reason = reason == null || reason.isBlank() ? null
                        : reason.strip().substring(0, Math.min(REASON_MAX, reason.strip().length()));
                v.persist();
            });
        } catch (PersistenceException e) {
            // Two submits of one vote at once: the unique key kept the first; this one is the repeat.
            limit.release(voter);
            if (existing(comparisonId, voter).isPresent()) {
                return new Cast(comparisonId, true);
            }
            throw e;
        } catch (RuntimeException e) {
            limit.release(voter);
            throw e;
        }
        return new Cast(comparisonId, false);
    }

    /** Who wrote which side, for a voter who has voted on the pair; empty before the vote. */
    public Optional<Reveal> reveal(String runId, long comparisonId, String voter, boolean repeated) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ComparisonEntity c = ComparisonEntity.findById(comparisonId);
            Optional<HumanVoteEntity> vote = existingInTx(comparisonId, voter);
            if (c == null || !c.runId.equals(runId) || vote.isEmpty()) {
                return Optional.<Reveal>empty();
            }
            HumanVoteEntity v = vote.get();
            Map<String, GenerationEntity> answers = answers(c);
            String cand = model(answers.get(GenerationEntity.CANDIDATE));
            String base = model(answers.get(GenerationEntity.BASELINE));
            // Imported labels have no side: show the candidate left, as the viewer does.
            boolean left = !"RIGHT".equals(v.candidateSide);
            PromptVersionEntity p = PromptVersionEntity.findById(c.promptVersionId);
            return Optional.of(new Reveal(c.id, c.category, p == null ? "" : p.text, left ? cand : base,
                    left ? "candidate" : "baseline", left ? base : cand, left ? "baseline" : "candidate",
                    VoteChoice.parse(v.choice).orElse(null), v.outcome.name(), repeated));
        });
    }

    private Optional<HumanVoteEntity> existing(long comparisonId, String voter) {
        return QuarkusTransaction.requiringNew().call(() -> existingInTx(comparisonId, voter));
    }

    private static Optional<HumanVoteEntity> existingInTx(long comparisonId, String voter) {
        return HumanVoteEntity.<HumanVoteEntity>find("comparisonId = ?1 and voter = ?2", comparisonId, voter)
                .firstResultOptional();
    }

    private static Map<String, GenerationEntity> answers(ComparisonEntity c) {
        return GenerationEntity.<GenerationEntity>list("workItemId", c.workItemId).stream()
                .collect(Collectors.toMap(g -> g.role, g -> g, (a, b) -> a));
    }

    private static boolean usable(GenerationEntity g) {
        return g != null && g.error == null && g.text != null && !g.text.isBlank();
    }

    private static String model(GenerationEntity g) {
        return g == null ? "?" : g.modelName;
    }
}
