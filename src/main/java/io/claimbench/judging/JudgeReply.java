package io.claimbench.judging;

import java.util.Objects;

/** What came back from one judge call: the judge's raw answer, or why the call failed. */
public sealed interface JudgeReply {

    /** {@code structured}: the judge answered under the JSON schema the call offered. */
    record Answered(String raw, boolean structured) implements JudgeReply {
        public Answered(String raw) {
            this(raw, false);
        }
    }

    record Failed(String reason) implements JudgeReply {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
