import io.claimbench.judging.AsciiArtScorer;
import io.claimbench.judging.EqBenchV2Scorer;
import io.claimbench.judging.ExactAnswerScorer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scorer throughput per 1,000 answers: ASCII-art checks on ascii-bench's real answers, exact-answer matching, and
 * EQ-Bench v2 parsing. Run from the project root after a build (reads ../shared/data when present); the
 * command, with the Jackson jars on the class path, is in bench/README.md.
 */
public class ScorerBench {

    public static void main(String[] args) throws Exception {
        List<String> arts = new ArrayList<>();
        Path ascii = Path.of("../shared/data/ascii-bench/ascii_generations.jsonl");
        if (Files.exists(ascii)) {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            for (String line : Files.readAllLines(ascii)) {
                arts.add(json.readTree(line).get("ascii_art").asText());
            }
        } else {
            arts.add("```\n /\\_/\\\n( o.o )\n > ^ <\n```");
        }
        AsciiArtScorer asciiScorer = new AsciiArtScorer();
        ExactAnswerScorer exact = new ExactAnswerScorer();
        EqBenchV2Scorer eq = new EqBenchV2Scorer();
        String ref = "{\"emotion1\":\"Remorseful\",\"emotion2\":\"Indifferent\",\"emotion3\":\"Affectionate\",\"emotion4\":\"Annoyed\","
                + "\"emotion1_score\":0,\"emotion2_score\":\"6\",\"emotion3_score\":0,\"emotion4_score\":\"7\"}";
        String eqAnswer = "First pass scores:\nRemorseful: 2\nIndifferent: 6\nAffectionate: 1\nAnnoyed: 5\n\nCritique: x\n\n"
                + "Revised scores:\nRemorseful: 1\nIndifferent: 7\nAffectionate: 0\nAnnoyed: 6";
        for (int round = 0; round < 3; round++) { // the last round is the one reported: warmed up
            long t0 = System.nanoTime();
            for (int k = 0; k < 10_000; k++) {
                asciiScorer.score(null, arts.get(k % arts.size()));
            }
            long t1 = System.nanoTime();
            for (int k = 0; k < 10_000; k++) {
                exact.score("299,792,458 m/s", "The speed of light is exactly 299,792,458 metres per second, by definition.");
            }
            long t2 = System.nanoTime();
            for (int k = 0; k < 10_000; k++) {
                eq.score(ref, eqAnswer);
            }
            long t3 = System.nanoTime();
            if (round == 2) {
                System.out.printf("per 1,000 answers: ascii-art %.1f ms (%d real answers cycled), exact-match %.1f ms, eq-bench-v2 %.1f ms%n",
                        (t1 - t0) / 1e7, arts.size(), (t2 - t1) / 1e7, (t3 - t2) / 1e7);
            }
        }
    }
}
