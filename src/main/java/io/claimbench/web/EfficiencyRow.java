package io.claimbench.web;

import io.claimbench.api.EfficiencyView;

import java.util.ArrayList;
import java.util.List;

/** One line of the run page's efficiency table: a measure and its candidate/baseline figures. */
public record EfficiencyRow(String label, EfficiencyView.PairedRatioView ratio) {

    static List<EfficiencyRow> of(EfficiencyView e) {
        List<EfficiencyRow> rows = new ArrayList<>();
        if (e != null) {
            add(rows, "time to first token (ms)", e.firstTokenMs());
            add(rows, "latency (ms)", e.latencyMs());
            add(rows, "cost per answer ($)", e.costPerAnswer());
        }
        return rows;
    }

    private static void add(List<EfficiencyRow> rows, String label, EfficiencyView.PairedRatioView r) {
        if (r != null) {
            rows.add(new EfficiencyRow(label, r));
        }
    }
}
