package io.claimbench.results;

import io.claimbench.catalog.PromptVersionEntity;
import io.claimbench.judging.Game;
import io.claimbench.runs.ComparisonEntity;
import io.claimbench.runs.GameOutcome;
import io.claimbench.runs.GenerationEntity;
import io.claimbench.runs.JudgmentEntity;
import io.claimbench.stats.PairOutcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A run's comparisons page by page, each with its prompt, both answers and both games. */
@ApplicationScoped
public class ComparisonQuery {

    /** {@code next}: the cursor of the page after this one (pass it as {@code after}), or null on the last page. */
    public record Page(int page, int size, long total, List<Item> items, String next) {
    }

    public record Item(String promptId, String promptHash, String category, int sample, String prompt,
                       String reference, Answer candidate, Answer baseline, List<Game> games, PairOutcome outcome,
                       int strength, String reason, String flags, Boolean swapAudited, Double winShare,
                       Double candidateScore, Double baselineScore,
                       com.fasterxml.jackson.databind.JsonNode candidateDetail,
                       com.fasterxml.jackson.databind.JsonNode baselineDetail) {
    }

    public record Answer(String model, String text, Long latencyMs, Long firstTokenMs, Integer tokensIn, Integer tokensOut, Double cost,
                         boolean fromCache, String error) {
    }

    /**
     * One judged game of one judge; {@code candidatePosition} is A in game 1 and B in game 2 (games 3 and 4 are
     * rubric grades of the candidate's and the baseline's answer).
     */
    public record Game(String judge, int game, String candidatePosition, GameOutcome outcome, String verdict, String reason,
                       String rationale, boolean fromCache) {
    }

    public Page page(String runId, String category, PairOutcome outcome, int page, int size) {
        return page(runId, category, outcome, page, size, null);
    }

    /**
     * One page in work-item order: by page number, or (with {@code after}, the cursor a page gave as its next) by
     * keyset, the items after the cursor, which reads only the page however deep it is and neither skips nor repeats
     * an item while others are recorded.
     */
    public Page page(String runId, String category, PairOutcome outcome, int page, int size, Long after) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StringBuilder q = new StringBuilder("runId = :run");
            Parameters params = Parameters.with("run", runId);
            if (category != null) {
                q.append(" and category = :category");
                params.and("category", category);
            }
            if (outcome != null) {
                q.append(" and outcome = :outcome");
                params.and("outcome", outcome);
            }
            long total = ComparisonEntity.count(q.toString(), params);
            if (after != null) {
                q.append(" and workItemId > :after");
                params.and("after", after);
            }
            var query = ComparisonEntity.<ComparisonEntity>find(q.toString(), Sort.ascending("workItemId"), params);
            // One more than the page: whether there is a next page, without counting what follows.
            List<ComparisonEntity> list = new java.util.ArrayList<>(after != null ? query.range(0, size).list()
                    : query.range(page * size, page * size + size).list());
            String next = null;
            if (list.size() > size) {
                list.remove(size);
                next = Long.toString(list.get(size - 1).workItemId);
            }
            List<Long> items = list.stream().map(c -> c.workItemId).toList();
            List<Long> prompts = list.stream().map(c -> c.promptVersionId).distinct().toList();
            Map<Long, PromptVersionEntity> promptById = prompts.isEmpty() ? Map.of()
                    : PromptVersionEntity.<PromptVersionEntity>list("id in ?1", prompts).stream()
                    .collect(Collectors.toMap(p -> p.id, Function.identity()));
            Map<Long, Map<String, GenerationEntity>> gens = new HashMap<>();
            Map<Long, List<JudgmentEntity>> games = new HashMap<>();
            if (!items.isEmpty()) {
                GenerationEntity.<GenerationEntity>list("workItemId in ?1", items)
                        .forEach(g -> gens.computeIfAbsent(g.workItemId, k -> new HashMap<>()).put(g.role, g));
                JudgmentEntity.<JudgmentEntity>list("workItemId in ?1 order by judge, game", items)
                        .forEach(j -> games.computeIfAbsent(j.workItemId, k -> new java.util.ArrayList<>()).add(j));
            }
            List<Item> out = list.stream().map(c -> {
                PromptVersionEntity p = promptById.get(c.promptVersionId);
                Map<String, GenerationEntity> g = gens.getOrDefault(c.workItemId, Map.of());
                return new Item(p.promptId, p.contentHash, c.category, c.sampleIndex, p.text, p.reference,
                        answer(g.get(GenerationEntity.CANDIDATE)), answer(g.get(GenerationEntity.BASELINE)),
                        games.getOrDefault(c.workItemId, List.of()).stream().map(j -> new Game(j.judge, j.game,
                                j.game == 1 ? "A" : j.game == 2 ? "B" : null, j.outcome, j.preference, j.reason, j.rationale, j.fromCache)).toList(),
                        c.outcome, c.strength, c.reason, c.flags, c.swapAudited, c.winShare, c.candidateScore, c.baselineScore, detail(c.candidateDetail),
                        detail(c.baselineDetail));
            }).toList();
            return new Page(page, size, total, out, next);
        });
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** A reference scorer's parts (e.g. which ASCII-art checks failed), as stored. */
    private static com.fasterxml.jackson.databind.JsonNode detail(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return JSON.readTree(stored);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable score detail", e);
        }
    }

    private static Answer answer(GenerationEntity g) {
        return g == null ? null : new Answer(g.modelName, g.text, g.latencyMs, g.firstTokenMs, g.tokensIn, g.tokensOut, g.cost,
                g.fromCache, g.error);
    }
}
