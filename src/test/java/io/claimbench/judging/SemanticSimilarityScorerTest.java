package io.claimbench.judging;

import io.claimbench.catalog.ScorerName;
import io.claimbench.stats.Summary;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SemanticSimilarityScorerTest {

    private final SemanticSimilarityScorer scorer = new SemanticSimilarityScorer();

    /** Reference, a paraphrase of it, and an answer on another subject. */
    private static final List<List<String>> CASES = List.of(
            List.of("Mitochondria produce most of the cell's energy as ATP through cellular respiration.",
                    "The cell gets the bulk of its ATP, its energy currency, from respiration in the mitochondria.",
                    "The Treaty of Westphalia ended the Thirty Years' War in 1648."),
            List.of("Water boils at 100 degrees Celsius at sea level.",
                    "At sea-level pressure, the boiling point of water is 100 °C.",
                    "Binary search finds an element of a sorted array in logarithmic time."),
            List.of("To reverse a list in Python, call list.reverse() or take a slice with [::-1].",
                    "You can flip a Python list in place with its reverse() method, or get a reversed copy with lst[::-1].",
                    "Photosynthesis turns sunlight, water and carbon dioxide into glucose and oxygen."),
            List.of("I'm sorry you're going through this; it sounds exhausting. What would help most right now?",
                    "That sounds really draining, and I'm sorry it's happening to you. What support would be most useful at the moment?",
                    "Revenue rose 12% year over year in the quarter, driven by cloud subscriptions."),
            List.of("Rome was the capital of the Roman Empire until Constantine moved it to Constantinople.",
                    "Constantine shifted the empire's capital from Rome to Constantinople.",
                    "Preheat the oven to 180 degrees and bake the cake for forty minutes."));

    private AnswerScore.Scored score(String reference, String answer) {
        AnswerScore s = scorer.score(reference, answer);
        assertThat(s).isInstanceOf(AnswerScore.Scored.class);
        return (AnswerScore.Scored) s;
    }

    @Test
    void should_score_a_paraphrase_clearly_above_an_unrelated_answer() {
        for (List<String> c : CASES) {
            AnswerScore.Scored paraphrase = score(c.get(0), c.get(1));
            AnswerScore.Scored unrelated = score(c.get(0), c.get(2));
            assertThat(paraphrase.value()).as(c.get(1)).isGreaterThan(unrelated.value() + 0.15);
            assertThat(paraphrase.parts().get(SemanticSimilarityScorer.COSINE)).as(c.get(1)).isGreaterThan(0.5);
            assertThat(unrelated.parts().get(SemanticSimilarityScorer.COSINE)).as(c.get(2)).isLessThan(0.3);
        }
    }

    @Test
    void should_score_identical_text_as_one() {
        AnswerScore.Scored same = score(CASES.get(0).get(0), CASES.get(0).get(0));
        assertThat(same.value()).isCloseTo(1.0, within(1e-4));
        assertThat(same.parts()).containsEntry(SemanticSimilarityScorer.CHUNKS, 1.0);
    }

    @Test
    void should_map_cosine_linearly_to_the_unit_interval() {
        AnswerScore.Scored s = score(CASES.get(1).get(0), CASES.get(1).get(2));
        assertThat(s.value()).isCloseTo((1 + s.parts().get(SemanticSimilarityScorer.COSINE)) / 2, within(1e-12));
        assertThat(s.value()).isBetween(0.0, 1.0);
    }

    @Test
    void should_leave_an_empty_answer_unscored() {
        assertThat(scorer.score("Water boils at 100 degrees Celsius.", "")).isEqualTo(new AnswerScore.Unscored("empty answer"));
        assertThat(scorer.score("Water boils at 100 degrees Celsius.", " \n\t")).isEqualTo(new AnswerScore.Unscored("empty answer"));
        assertThat(scorer.score("Water boils at 100 degrees Celsius.", null)).isEqualTo(new AnswerScore.Unscored("empty answer"));
        assertThat(scorer.score(null, "It boils at 100 °C.")).isEqualTo(new AnswerScore.Unscored("no reference answer"));
    }

    @Test
    void should_read_a_long_answer_past_the_models_128_word_pieces() {
        String reference = "Quarterly revenue fell as rising interest rates pushed investors from stocks into bonds.";
        String filler = "The cat slept on the windowsill all afternoon, purring in the warm sun. ".repeat(9);
        String onTopicAtTheEnd = filler + "Revenue dropped this quarter because higher rates sent investors from equities to bonds. "
                + "Bond yields climbed while share prices slid. Sales for the three months came in below the last quarter's.";
        String offTopic = filler + "Later the cat woke up, stretched, and wandered off to look for its dinner bowl. "
                + "It ate slowly, washed its face, and went back to sleep on the warm sofa by the door.";
        AnswerScore.Scored late = score(reference, onTopicAtTheEnd);
        AnswerScore.Scored never = score(reference, offTopic);
        assertThat(late.parts().get(SemanticSimilarityScorer.CHUNKS)).isGreaterThan(1.0);
        // A model that stopped reading at 128 word pieces would give both the same score.
        assertThat(late.value()).isGreaterThan(never.value() + 0.05);
    }

    @Test
    void should_cut_long_text_between_words_into_chunks_the_model_reads_whole() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            text.append("naïve").append(i).append(" 😀 unbelievably ");
        }
        List<SemanticSimilarityScorer.Chunk> chunks = SemanticSimilarityScorer.chunks(text.toString());
        assertThat(chunks).hasSizeGreaterThan(3);
        assertThat(String.join("", chunks.stream().map(SemanticSimilarityScorer.Chunk::text).toList())).isEqualTo(text.toString());
        for (SemanticSimilarityScorer.Chunk c : chunks) {
            assertThat(c.pieces()).isLessThanOrEqualTo(SemanticSimilarityScorer.CHUNK_PIECES);
            // Cut at the right place: the chunk's text, tokenized again, is exactly its pieces.
            assertThat(SemanticSimilarityScorer.chunks(c.text())).singleElement()
                    .extracting(SemanticSimilarityScorer.Chunk::pieces).isEqualTo(c.pieces());
            assertThat(c.text()).matches("(?s)(naïve|😀|unbelievably).*");
        }
    }

    @Test
    void should_report_the_mean_with_an_interval_as_benchmark() {
        Summary summary = scorer.benchmark(List.of(new AnswerScore.Scored(0.8, java.util.Map.of()),
                new AnswerScore.Scored(0.6, java.util.Map.of()), new AnswerScore.Unscored("empty answer"))).orElseThrow();
        assertThat(summary.n()).isEqualTo(2);
        assertThat(summary.mean()).isCloseTo(0.7, within(1e-12));
        assertThat(summary.interval()).isNotNull();
        assertThat(scorer.benchmark(List.of(new AnswerScore.Unscored("empty answer")))).isEmpty();
    }

    @Test
    void should_be_offered_by_runs_and_eval_sets() {
        assertThat(ScorerName.parse("semantic-similarity")).isEqualTo(scorer.name()).isEqualTo(ScorerName.SEMANTIC_SIMILARITY);
        assertThat(scorer.requiresReference()).isTrue();
    }

    @Test
    void should_not_load_the_model_before_the_first_score() throws IOException, InterruptedException {
        // In a JVM of its own: in this one, another test may have scored already.
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-Xmx1g",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-DDJL_CACHE_DIR=" + System.getProperty("DJL_CACHE_DIR", Path.of("target", "djl").toString()), "-cp", System.getProperty("java.class.path"),
                FreshJvm.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("constructed and registered: loaded=false", "empty answer scored: loaded=false",
                "answer scored: loaded=true");
    }

    /** Uses the scorer every way but scoring, then scores, and says when the model was loaded. */
    static final class FreshJvm {
        public static void main(String[] args) {
            SemanticSimilarityScorer s = new SemanticSimilarityScorer();
            s.benchmark(List.of());
            s.failedCheckCounts(List.of());
            System.out.println("constructed and registered: loaded=" + SemanticSimilarityScorer.loaded());
            s.score("Water boils at 100 degrees Celsius.", "");
            System.out.println("empty answer scored: loaded=" + SemanticSimilarityScorer.loaded());
            s.score("Water boils at 100 degrees Celsius.", "It boils at 100 °C.");
            System.out.println("answer scored: loaded=" + SemanticSimilarityScorer.loaded());
        }
    }
}
