import io.claimbench.judging.AnswerScore;
import io.claimbench.judging.SemanticSimilarityScorer;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Cost of the semantic-similarity scorer: model load time, resident and heap memory the model adds, milliseconds per
 * answer/reference pair (1,000 pairs, after warm-up) and time per 1,000 answers scored as a run scores them (two
 * answers per reference). Pairs are AlpacaEval answers from ../shared/data when present (answers of gpt-4o-2024-05-13
 * and gpt-3.5-turbo-1106, references those of gpt4_1106_preview, the same instruction), else generated text of
 * similar length. The command is in bench/README.md.
 */
public class EmbeddingBench {

    record Pair(String reference, String answer) {
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        List<String> references = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        List<String> baselines = new ArrayList<>();
        String source = load(references, candidates, baselines);
        List<Pair> perPair = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            int k = i % references.size();
            perPair.add(new Pair(references.get(k), (i / references.size()) % 2 == 0 ? candidates.get(k) : baselines.get(k)));
        }

        long rssBefore = rssKb();
        long heapBefore = heapAfterGc();
        long t0 = System.nanoTime();
        new SemanticSimilarityScorer().score("Water boils at 100 degrees Celsius.", "It boils at 100 °C.");
        double loadMs = (System.nanoTime() - t0) / 1e6;
        long rssLoaded = rssKb();
        long heapLoaded = heapAfterGc();

        for (int i = 0; i < Math.min(50, pairs); i++) { // warm-up: JIT and onnxruntime's buffers
            new SemanticSimilarityScorer().score(perPair.get(i).reference(), perPair.get(i).answer());
        }

        // Per pair: a new scorer each time, so that the reference is embedded too (no cache hit).
        double[] ms = new double[pairs];
        double chunks = 0;
        long start = System.nanoTime();
        for (int i = 0; i < pairs; i++) {
            long s = System.nanoTime();
            AnswerScore score = new SemanticSimilarityScorer().score(perPair.get(i).reference(), perPair.get(i).answer());
            ms[i] = (System.nanoTime() - s) / 1e6;
            chunks += ((AnswerScore.Scored) score).parts().get("answer-chunks");
        }
        double perPairMs = (System.nanoTime() - start) / 1e6 / pairs;

        // Short pairs: one chunk each.
        Random random = new Random(7);
        long shortStart = System.nanoTime();
        for (int i = 0; i < pairs; i++) {
            new SemanticSimilarityScorer().score(sentences(random, 2), sentences(random, 2));
        }
        double shortMs = (System.nanoTime() - shortStart) / 1e6 / pairs;

        // As a run scores: candidate and baseline against the same reference, one scorer.
        SemanticSimilarityScorer run = new SemanticSimilarityScorer();
        long runStart = System.nanoTime();
        for (int i = 0; i < 500; i++) {
            int k = i % references.size();
            run.score(references.get(k), candidates.get(k));
            run.score(references.get(k), baselines.get(k));
        }
        double per1000 = (System.nanoTime() - runStart) / 1e9;

        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf("data: %s; %d pairs, answers %.0f chars (%.2f chunks) and references %.0f chars on average%n",
                source, pairs, perPair.stream().mapToInt(p -> p.answer().length()).average().orElse(0), chunks / pairs,
                perPair.stream().mapToInt(p -> p.reference().length()).average().orElse(0));
        System.out.printf("model load (first score): %.0f ms%n", loadMs);
        System.out.printf("memory: RSS %d MB before load, %d MB after (+%d MB), %d MB after the runs, peak %d MB; "
                        + "heap after GC %d MB before, %d MB after load (+%d MB)%n",
                rssBefore / 1024, rssLoaded / 1024, (rssLoaded - rssBefore) / 1024, rssKb() / 1024, peakRssKb() / 1024,
                heapBefore >> 20, heapLoaded >> 20, (heapLoaded - heapBefore) >> 20);
        System.out.printf("per pair (answer and reference embedded): %.1f ms mean, %.1f ms median, %.1f ms p95; "
                + "short pairs (two sentences each): %.1f ms%n", perPairMs, sorted[pairs / 2], sorted[(int) (pairs * 0.95)], shortMs);
        System.out.printf("per 1,000 answers scored as in a run (two answers per reference): %.1f s, %.1f answers/s%n",
                per1000, 1000 / per1000);
    }

    private static String load(List<String> references, List<String> candidates, List<String> baselines) throws Exception {
        Path results = Path.of("../shared/data/alpaca_eval/results");
        if (Files.isDirectory(results)) {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            var ref = json.readTree(results.resolve("gpt4_1106_preview/model_outputs.json").toFile());
            var cand = json.readTree(results.resolve("gpt-4o-2024-05-13/model_outputs.json").toFile());
            var base = json.readTree(results.resolve("gpt-3.5-turbo-1106/model_outputs.json").toFile());
            for (int i = 0; i < ref.size(); i++) {
                references.add(ref.get(i).get("output").asText());
                candidates.add(cand.get(i).get("output").asText());
                baselines.add(base.get(i).get("output").asText());
            }
            return "AlpacaEval outputs";
        }
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            references.add(sentences(random, 25));
            candidates.add(sentences(random, 22));
            baselines.add(sentences(random, 10));
        }
        return "generated text (../shared/data absent)";
    }

    private static final String[] SENTENCES = {
            "The function returns the index of the first matching element, or minus one when there is none.",
            "Start by preheating the oven and lining the tray with baking paper.",
            "Interest rates rose for the third quarter in a row, and bond prices fell.",
            "Here are a few things to keep in mind before you sign the lease.",
            "Photosynthesis turns light, water and carbon dioxide into sugar and oxygen.",
            "It sounds like you have had a hard week, and it makes sense to feel tired.",
            "The treaty ended the war and redrew the borders of several kingdoms.",
            "Use a hash map when you need constant-time lookups by key.",
            "Regular exercise, enough sleep and a steady routine all help with stress.",
            "In summary, the second option is cheaper but the first one scales better."};

    private static String sentences(Random random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(SENTENCES[random.nextInt(SENTENCES.length)]).append(i % 4 == 3 ? "\n\n" : " ");
        }
        return s.toString().strip();
    }

    private static long rssKb() throws Exception {
        return status("VmRSS:");
    }

    private static long peakRssKb() throws Exception {
        return status("VmHWM:");
    }

    private static long status(String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
