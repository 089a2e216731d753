package io.claimbench.imports;

import io.claimbench.catalog.EvalSetEntity;
import io.claimbench.catalog.PromptItem;
import io.claimbench.catalog.PromptVersionEntity;
import io.claimbench.runs.ComparisonEntity;
import io.claimbench.runs.GameOutcome;
import io.claimbench.runs.GenerationEntity;
import io.claimbench.runs.JudgmentEntity;
import io.claimbench.runs.RunEntity;
import io.claimbench.runs.RunState;
import io.claimbench.runs.WorkItemEntity;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The rows of one import (eval set, prompts, run, items, answers, judgments, comparisons), written in one transaction. */
final class ImportBatch {

    private final String evalSet;
    private final Instant now;
    private final Map<String, PromptVersionEntity> prompts = new HashMap<>();
    /** A prompt compared more than once (other model pairs) is that many samples of it. */
    private final Map<String, Integer> occurrences = new HashMap<>();

    ImportBatch(String evalSet, String title, Instant now) {
        this.evalSet = evalSet;
        this.now = now;
        if (EvalSetEntity.findById(evalSet) == null) {
            EvalSetEntity set = new EvalSetEntity();
            set.id = evalSet;
            set.title = title;
            set.file = "import";
            set.scorer = "imported";
            set.contentHash = "import";
            set.definition = "{\"source\":\"import\"}";
            set.indexedAt = now;
            set.persist();
        }
        PromptVersionEntity.<PromptVersionEntity>list("evalSetId", evalSet).forEach(p -> prompts.put(p.contentHash, p));
    }

    RunEntity run(String id, String candidate, String baseline, String judge, String format, Path file, int items) {
        RunEntity run = new RunEntity();
        run.id = id;
        run.evalSetId = evalSet;
        run.evalSetHash = "import";
        run.candidate = candidate;
        run.baseline = baseline;
        run.scorer = "imported:" + format;
        run.judge = judge;
        run.samples = 1;
        run.concurrency = 1;
        run.state = RunState.COMPLETED;
        run.reason = "imported from " + file.getFileName();
        run.spec = "{\"import\":\"" + format + "\",\"file\":\"" + file.getFileName().toString().replace("\"", "") + "\"}";
        run.gitRevision = "import";
        run.totalItems = items;
        run.createdAt = now;
        run.startedAt = now;
        run.finishedAt = now;
        run.persist();
        return run;
    }

    PromptVersionEntity prompt(String text, String category) {
        String hash = PromptItem.sha256(text + "\u0000");
        return prompts.computeIfAbsent(hash, h -> {
            PromptVersionEntity p = new PromptVersionEntity();
            p.evalSetId = evalSet;
            p.promptId = evalSet + "-" + h.substring(0, 12);
            p.contentHash = h;
            p.category = category;
            p.text = text;
            p.currentVersion = true;
            p.createdAt = now;
            p.persist();
            return p;
        });
    }

    WorkItemEntity item(RunEntity run, PromptVersionEntity prompt) {
        WorkItemEntity item = new WorkItemEntity();
        item.runId = run.id;
        item.promptVersionId = prompt.id;
        item.sampleIndex = occurrences.merge(run.id + "|" + prompt.id, 1, Integer::sum) - 1;
        item.state = WorkItemEntity.DONE;
        item.persist();
        return item;
    }

    void answer(RunEntity run, WorkItemEntity item, String role, String model, String text) {
        GenerationEntity g = new GenerationEntity();
        g.runId = run.id;
        g.workItemId = item.id;
        g.role = role;
        g.modelName = model;
        g.cacheKey = "import";
        g.text = text;
        g.createdAt = now;
        g.persist();
    }

    void judgment(RunEntity run, WorkItemEntity item, int game, boolean scored, String raw) {
        JudgmentEntity j = new JudgmentEntity();
        j.runId = run.id;
        j.workItemId = item.id;
        j.game = game;
        j.judge = run.judge;
        j.outcome = scored ? GameOutcome.SCORED : GameOutcome.UNSCORED;
        j.reason = scored ? null : "the judge's verdict could not be read: " + raw;
        j.raw = raw;
        j.createdAt = now;
        j.persist();
    }

    ComparisonEntity comparison(RunEntity run, WorkItemEntity item, PromptVersionEntity prompt) {
        ComparisonEntity c = new ComparisonEntity();
        c.runId = run.id;
        c.workItemId = item.id;
        c.promptVersionId = prompt.id;
        c.category = prompt.category;
        c.createdAt = now;
        return c;
    }
}
