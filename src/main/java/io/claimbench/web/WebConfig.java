package io.claimbench.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The pages: dashboard, run pages, comparisons, viewer and blind voting. */
@ConfigMapping(prefix = "claimbench.web")
public interface WebConfig {

    /** Comparisons per page of the comparisons browser; default 20. */
    @WithDefault("20")
    int pageSize();

    /** Runs per page of the dashboard; default 20. */
    @WithDefault("20")
    int dashboardSize();

    /** Votes one voter may cast per minute, over all campaigns; default 30. */
    @WithDefault("30")
    int votesPerMinute();

    /** Whether the session and CSRF cookies are marked Secure (serve the pages over HTTPS then); default false. */
    @WithDefault("false")
    boolean secureCookies();
}
