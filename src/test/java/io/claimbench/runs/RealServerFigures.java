package io.claimbench.runs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A real-server run's results and answers, the checks that its counts agree, and the figures the tier reports. */
record RealServerFigures(JsonNode results, List<JsonNode> comparisons, List<JsonNode> answers) {

    static RealServerFigures of(JsonNode results, List<JsonNode> comparisons) {
        List<JsonNode> answers = new ArrayList<>();
        for (JsonNode c : comparisons) {
            for (String side : new String[]{"candidate", "baseline"}) {
                JsonNode a = c.get(side);
                if (a != null && !a.isNull() && a.get("error").isNull()) {
                    answers.add(a);
                }
            }
        }
        return new RealServerFigures(results, comparisons, answers);
    }

    /** Every item scored, unscored (with its reason) or errored, and the counts agree with the items and the games. */
    void assertConsistent(int items) {
        JsonNode counts = results.at("/overall/counts");
        long total = counts.get("wins").asLong() + counts.get("ties").asLong() + counts.get("losses").asLong()
                + counts.get("unscored").asLong() + counts.get("errors").asLong();
        assertThat(total).as("counts " + counts + " cover every item").isEqualTo(items).isEqualTo(comparisons.size());
        for (JsonNode c : comparisons) {
            String outcome = c.get("outcome").asText();
            if (outcome.equals("UNSCORED") || outcome.equals("ERROR")) {
                assertThat(c.get("reason").asText()).as("reason of " + c.get("promptId")).isNotBlank();
            }
        }
        long games = comparisons.stream().mapToLong(c -> c.get("games").size()).sum();
        assertThat(results.at("/judging/games").asLong()).isEqualTo(games);
        JsonNode j = results.get("judging");
        assertThat(j.get("scored").asLong() + j.get("unscored").asLong() + j.get("errors").asLong()).isEqualTo(games);
    }

    /** Items, answers, time to first token (median, p95), games and verdicts from structured output. */
    String summary() {
        List<Long> ttft = answers.stream().map(a -> a.get("firstTokenMs").asLong()).sorted().toList();
        JsonNode s = results.at("/judging/structuredOutput");
        return String.format(Locale.ROOT, "items %d, answers %d, time to first token median %d ms p95 %d ms (n=%d), "
                        + "judge games %d, verdicts from structured output %d of %d", comparisons.size(), answers.size(),
                quantile(ttft, 0.5), quantile(ttft, 0.95), ttft.size(), results.at("/judging/games").asLong(),
                s.path("structured").asLong(), s.path("games").asLong());
    }

    private static long quantile(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
    }
}
