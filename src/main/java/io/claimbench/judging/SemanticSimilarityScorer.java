package io.claimbench.judging;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.claimbench.catalog.ScorerName;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How close in meaning an answer is to the reference, by the in-process all-MiniLM-L6-v2 sentence embedding (384
 * dimensions, no model call). The score is {@code (1 + cosine) / 2}: cosine similarity of the two embeddings,
 * mapped linearly from [-1, 1] to [0, 1], so 1 is the same meaning, 0.5 orthogonal. The mapping keeps the order,
 * which is all a pairwise comparison uses. On the hand-written cases of the tests, answers on another subject sit
 * near cosine 0 (score about 0.5) and paraphrases at cosine 0.55 to 0.9 (score 0.77 to 0.95), so a score near 0.5
 * is "unrelated", not "half right". The raw cosine is kept in the parts.
 *
 * <p>Long texts: the model reads at most 128 word pieces (the limit its tokenizer file sets; anything past it is
 * silently cut). So a text longer than that is split into chunks of at most {@value #CHUNK_PIECES} word pieces
 * (plus the two markers), cut between words; each chunk is embedded and the text's embedding is the average of the
 * chunks' embeddings weighted by their word pieces. The whole answer counts, not only its opening.
 *
 * <p>The model adds about 400 MB of resident memory, so it is loaded on the first {@link #score}, once per JVM, and
 * never when the scorer is not used. Embedding runs in the calling thread, with no pool of its own (onnxruntime
 * may use several cores within one call). onnxruntime and the tokenizer load native code: a class-path launch
 * needs {@code --enable-native-access=ALL-UNNAMED} to do so without a warning (the runner jar's manifest sets it).
 */
public final class SemanticSimilarityScorer implements AnswerScorer {

    static final String COSINE = "cosine";
    static final String CHUNKS = "answer-chunks";
    /** 128 word pieces, less [CLS] and [SEP]. */
    static final int CHUNK_PIECES = 126;
    private static final int CACHED_REFERENCES = 256;

    private static volatile boolean loaded;

    /** A run scores each reference against two answers: its embedding is kept for the second one. */
    private final Map<String, float[]> references = Collections.synchronizedMap(
            new LinkedHashMap<>(CACHED_REFERENCES, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                    return size() > CACHED_REFERENCES;
                }
            });

    /** The model and its tokenizer, built when this class is first touched: the JVM makes that once and thread-safe. */
    private static final class Model {
        static final EmbeddingModel EMBEDDER = new AllMiniLmL6V2EmbeddingModel(Runnable::run);
        static final HuggingFaceTokenizer TOKENIZER = tokenizer();

        static {
            loaded = true;
        }

        private static HuggingFaceTokenizer tokenizer() {
            try (InputStream in = AllMiniLmL6V2EmbeddingModel.class.getResourceAsStream("/all-minilm-l6-v2-tokenizer.json")) {
                if (in == null) {
                    throw new IllegalStateException("all-minilm-l6-v2-tokenizer.json is not on the class path");
                }
                // The file itself says: truncate at 128 and pad to 128. Counting needs every piece and no padding.
                return HuggingFaceTokenizer.newInstance(in, Map.of("truncation", "false", "padding", "false",
                        "addSpecialTokens", "false"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Whether the model has been loaded in this JVM. */
    static boolean loaded() {
        return loaded;
    }

    @Override
    public ScorerName name() {
        return ScorerName.SEMANTIC_SIMILARITY;
    }

    @Override
    public AnswerScore score(String reference, String answer) {
        AnswerScore.Unscored unusable = AnswerScorer.unscorable(reference, answer);
        if (unusable != null) {
            return unusable;
        }
        try {
            List<Chunk> answerChunks = chunks(answer);
            float[] a = embed(answerChunks);
            float[] r = references.get(reference);
            if (r == null) {
                r = embed(chunks(reference));
                references.put(reference, r);
            }
            double cosine = Math.max(-1, Math.min(1, cosine(a, r)));
            return new AnswerScore.Scored((1 + cosine) / 2, Map.of(COSINE, cosine, CHUNKS, (double) answerChunks.size()));
        } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
            // The first failure reads ExceptionInInitializerError, every later one NoClassDefFoundError: say what failed.
            throw new IllegalStateException("the all-MiniLM-L6-v2 embedding model could not be loaded", e);
        }
    }

    /** The benchmark figure is the mean score, with n and its 95% interval; absent when no answer was scored. */
    @Override
    public Optional<List<Double>> benchmarkValues(List<AnswerScore> scores) {
        return AnswerScorer.scoredValues(scores);
    }

    record Chunk(String text, int pieces) {
    }

    /** The text cut into chunks the model reads whole, each starting at a word piece that begins a word. */
    static List<Chunk> chunks(String text) {
        Encoding encoding = Model.TOKENIZER.encode(text);
        String[] pieces = encoding.getTokens();
        if (pieces.length <= CHUNK_PIECES) {
            return List.of(new Chunk(text, pieces.length));
        }
        CharSpan[] spans = encoding.getCharTokenSpans();
        List<Chunk> chunks = new ArrayList<>();
        int startPiece = 0;
        int startChar = 0;
        while (pieces.length - startPiece > CHUNK_PIECES) {
            int end = startPiece + CHUNK_PIECES; // the next chunk's first piece
            while (end > startPiece + 1 && pieces[end].startsWith("##")) {
                end--;
            }
            if (end == startPiece + 1) {
                end = startPiece + CHUNK_PIECES; // a word longer than a chunk: cut inside it
            }
            // The tokenizer's offsets count code points; Java strings count UTF-16 units.
            int endChar = text.offsetByCodePoints(0, spans[end].getStart());
            chunks.add(new Chunk(text.substring(startChar, endChar), end - startPiece));
            startPiece = end;
            startChar = endChar;
        }
        chunks.add(new Chunk(text.substring(startChar), pieces.length - startPiece));
        return chunks;
    }

    /** The chunks' embeddings averaged, weighted by word pieces (unnormalised: only the direction is compared). */
    private static float[] embed(List<Chunk> chunks) {
        List<Embedding> embeddings = Model.EMBEDDER.embedAll(chunks.stream().map(c -> TextSegment.from(c.text())).toList())
                .content();
        if (embeddings.size() == 1) {
            return embeddings.get(0).vector();
        }
        float[] sum = new float[embeddings.get(0).dimension()];
        for (int c = 0; c < chunks.size(); c++) {
            float[] v = embeddings.get(c).vector();
            int weight = chunks.get(c).pieces();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += weight * v[i];
            }
        }
        return sum;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
