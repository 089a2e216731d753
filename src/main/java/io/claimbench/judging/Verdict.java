package io.claimbench.judging;

import java.util.Objects;

/**
 * The result of scoring one game: scored with a preference, unscored (the judge answered but no verdict could be
 * read from it) or errored (the call failed). Only a scored verdict counts towards a win rate.
 */
public sealed interface Verdict {

    String rationale();

    record Scored(Preference preference, String rationale) implements Verdict {
        public Scored {
            Objects.requireNonNull(preference, "preference");
        }
    }

    record Unscored(String reason, String rationale) implements Verdict {
        public Unscored {
            Objects.requireNonNull(reason, "reason");
        }
    }

    record Errored(String reason) implements Verdict {
        public Errored {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String rationale() {
            return null;
        }
    }
}
