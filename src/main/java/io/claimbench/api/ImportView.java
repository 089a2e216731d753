package io.claimbench.api;

import io.claimbench.results.RunReport;

import java.util.List;

/**
 * The answer to an import (POST /api/imports and the CLI's import): the runs it made, or had made before, each
 * with its results. The API's own type, mapped from the runs' {@link RunReport}s here only.
 */
public record ImportView(String format, List<RunResultsView> runs) {

    public static ImportView of(String format, List<RunReport> reports) {
        return new ImportView(format, Views.list(reports, RunResultsView::of));
    }
}
