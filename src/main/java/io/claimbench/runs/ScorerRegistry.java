package io.claimbench.runs;

import io.claimbench.catalog.ScorerName;
import io.claimbench.judging.AnswerScorer;
import io.claimbench.judging.Scorer;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every {@link Scorer} bean, by name; each name has exactly one, or the application does not start. */
@ApplicationScoped
public class ScorerRegistry {

    private final Map<ScorerName, Scorer> byName = new EnumMap<>(ScorerName.class);

    public ScorerRegistry(@All List<Scorer> scorers) {
        for (Scorer s : scorers) {
            if (byName.put(s.name(), s) != null) {
                throw new IllegalStateException("two scorers are named '" + s.name() + "'");
            }
        }
        for (ScorerName n : ScorerName.values()) {
            if (!byName.containsKey(n)) {
                throw new IllegalStateException("no scorer implements '" + n + "'");
            }
        }
    }

    public Scorer get(ScorerName name) {
        return byName.get(name);
    }

    /** The programmatic scorer a run recorded by label ("eq-bench-v2"), if it was scored by one. */
    public Optional<AnswerScorer> answerScorer(String label) {
        return ScorerName.find(label).map(byName::get).filter(AnswerScorer.class::isInstance).map(AnswerScorer.class::cast);
    }

    /** A style scorer: one that measures an answer without a reference. */
    public AnswerScorer style(ScorerName name) {
        if (!name.measuresStyle() || !(byName.get(name) instanceof AnswerScorer a)) {
            throw new IllegalArgumentException("'" + name + "' is not a style scorer");
        }
        return a;
    }
}
