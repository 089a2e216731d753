package io.claimbench.judging;

import java.util.Objects;

/**
 * What a scorer read from one judge call, for the record: a pairwise game's {@link Verdict} (game 1 shows the
 * candidate as A, game 2 as B), or one answer's grade (game 3 the candidate's, game 4 the baseline's), or a grading
 * call that failed.
 */
public sealed interface Game {

    String judge();

    int number();

    /** {@code structured}: the verdict was read from an answer given under the verdict's JSON schema. */
    record Pairwise(String judge, int number, Verdict verdict, boolean structured) implements Game {
        public Pairwise {
            Objects.requireNonNull(verdict, "verdict");
        }

        public Pairwise(String judge, int number, Verdict verdict) {
            this(judge, number, verdict, false);
        }
    }

    record Graded(String judge, int number, AnswerScore grade) implements Game {
        public Graded {
            Objects.requireNonNull(grade, "grade");
        }
    }

    record Failed(String judge, int number, String reason) implements Game {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
