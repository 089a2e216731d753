package io.claimbench.judging;

import java.util.Objects;

/** What came back from one judge call: the judge's raw answer, or why the call failed. */
public sealed interface JudgeReply {

    record Answered(String raw) implements JudgeReply {
    }

    record Failed(String reason) implements JudgeReply {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
