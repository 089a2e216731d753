package io.claimbench.judging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * How a scorer asks a judge. The run implements it: calls run in parallel, through the cache and the endpoint's
 * limits, and each is recorded. A call that cannot be made completes with {@link JudgeReply.Failed}; one that must
 * not be made at all (the run stopped) completes exceptionally, and {@link #await} rethrows that unwrapped.
 */
@FunctionalInterface
public interface JudgeCalls {

    CompletableFuture<JudgeReply> ask(JudgeCall call);

    /**
     * A judge call: which judge, which game of the pair, the cache kind and template hash, the messages, and the JSON
     * schema its answer should follow (null: none), sent where the judge's model allows it.
     */
    record JudgeCall(String judge, int game, String kind, String templateHash, PairwiseJudge.Rendered rendered,
                     dev.langchain4j.model.chat.request.json.JsonSchema schema) {
        public JudgeCall(String judge, int game, String kind, String templateHash, PairwiseJudge.Rendered rendered) {
            this(judge, game, kind, templateHash, rendered, null);
        }
    }

    /** The result of a call in flight, with a run-time failure rethrown as itself rather than wrapped. */
    static <T> T await(CompletableFuture<T> reply) {
        try {
            return reply.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
