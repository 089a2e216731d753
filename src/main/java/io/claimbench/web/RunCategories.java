package io.claimbench.web;

import io.claimbench.runs.ComparisonEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The categories a run has comparisons in, for the browser's filter and the vote campaigns. */
@ApplicationScoped
public class RunCategories {

    public List<String> of(String runId) {
        return QuarkusTransaction.requiringNew().call(() -> ComparisonEntity.getEntityManager().createQuery(
                        "select distinct c.category from ComparisonEntity c where c.runId = :run and c.category is not null "
                                + "order by c.category", String.class)
                .setParameter("run", runId).getResultList());
    }
}
