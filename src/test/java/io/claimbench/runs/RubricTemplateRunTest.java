package io.claimbench.runs;

import io.claimbench.catalog.ScorerName;
import io.claimbench.support.WireMockResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rubric-judge run grades with its eval set's rubric template, records its name and hash, and refuses to resume
 * once the template's text differs from the one it started with. Runs are created, never executed.
 */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
class RubricTemplateRunTest {

    @Inject
    RunService runs;
    @Inject
    RunContexts contexts;

    private RunEntity create(String evalSet) {
        return runs.create(RunRequest.of(evalSet, "cand", "base", "judge")
                .with(RunRequest.Judging.byJudge("judge").withScorer(ScorerName.RUBRIC_JUDGE))
                .with(new RunRequest.Sampling(1, 7L, null)).with(new RunRequest.Limits(1, null, false, null)));
    }

    @Test
    void should_record_the_eval_sets_rubric_template_and_grade_with_it_on_resume() {
        RunEntity run = create("judgemark");
        try {
            assertThat(run.judgeTemplate).isEqualTo("creative-writing-rubric");
            assertThat(run.judgeTemplateHash).hasSize(64);
            assertThat(run.spec).contains("\"judgeTemplate\":\"creative-writing-rubric\"");
            RunContext ctx = contexts.context(run);
            assertThat(ctx.scoring.setup().rubric().name()).isEqualTo("creative-writing-rubric");
            assertThat(ctx.scoring.setup().rubric().hash()).isEqualTo(run.judgeTemplateHash);
            assertThat(ctx.scoring.setup().pairwise()).isNull();
        } finally {
            runs.cancel(run.id);
        }
    }

    @Test
    void should_grade_with_the_default_rubric_when_the_eval_set_names_none() {
        RunEntity run = create("smoke");
        try {
            assertThat(run.judgeTemplate).isEqualTo("rubric");
            assertThat(contexts.context(run).scoring.setup().rubric().name()).isEqualTo("rubric");
        } finally {
            runs.cancel(run.id);
        }
    }

    @Test
    void should_refuse_to_resume_when_the_rubric_template_changed_since_the_run_started() {
        RunEntity run = create("judgemark");
        try {
            run.judgeTemplateHash = "0".repeat(64); // as if the template had been edited after the run started
            assertThatThrownBy(() -> contexts.context(run)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("rubric template 'creative-writing-rubric' changed since the run started");
        } finally {
            runs.cancel(run.id);
        }
    }
}
