package io.claimbench.web;

import io.claimbench.api.ComparisonPageView;
import io.claimbench.api.ModelsView;
import io.claimbench.api.RunResultsView;
import io.claimbench.api.RunView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import java.util.List;

/** The pages' templates (src/main/resources/templates/web), checked when the application is built. */
@CheckedTemplate(basePath = "web", requireTypeSafeExpressions = false)
final class Pages {

    private Pages() {
    }

    static native TemplateInstance dashboard(List<RunRow> runs, int page, int prev, int next, boolean more, String who);

    static native TemplateInstance run(RunView run, RunResultsView r, WinRateChart chart,
                                       List<ModelsView.ModelFiguresView> models, List<EfficiencyRow> efficiency,
                                       String who);

    static native TemplateInstance comparisons(RunView run, ComparisonFilter filter, List<String> categories,
                                               List<ComparisonRow> rows, long total, Pager pager, String who);

    static native TemplateInstance viewer(RunView run, ComparisonFilter filter, Pager nav, long total,
                                          ComparisonPageView.ItemView item, SideBySide sides, String who);

    static native TemplateInstance campaigns(List<Campaign> campaigns, String who);

    static native TemplateInstance vote(RunView run, String category, Ballot ballot, String message, String who);

    static native TemplateInstance revealed(RunView run, Reveal reveal, String who);

    static native TemplateInstance leaderboard(List<String> evalSets, io.claimbench.api.LeaderboardView board, String who);

    static native TemplateInstance signIn(String next, String error, String who);

    static native TemplateInstance error(int status, String message, String who);
}
