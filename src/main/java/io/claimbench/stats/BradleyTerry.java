package io.claimbench.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Bradley-Terry ratings with ties in Davidson's model: P(i beats j) = p_i / D, P(tie) = nu sqrt(p_i p_j) / D with
 * D = p_i + p_j + nu sqrt(p_i p_j), fitted by maximum likelihood (Davidson's fixed-point equations), shown on the
 * Elo scale (base 10, 400 points, the anchor at 1000), with prompt-clustered bootstrap intervals. A small pseudo
 * count on every compared pair keeps a model that never won finite.
 */
public final class BradleyTerry {

    public static final double SCALE = 400;
    public static final double ANCHOR_RATING = 1000;
    static final double PSEUDO_COUNT = 0.01;
    private static final int MAX_ITERATIONS = 10_000;
    private static final double TOLERANCE = 1e-10;

    private BradleyTerry() {
    }

    /** One model's rating with its interval, record and n. */
    public record Rating(String model, double rating, Double lower, Double upper, long wins, long ties, long losses) {
        public long n() {
            return wins + ties + losses;
        }
    }

    /** Ratings sorted best first; {@code tieParameter} is Davidson's nu (0 when no tie was seen). */
    public record Ratings(List<Rating> ratings, double tieParameter, long battles, int resamples, String anchor) {
    }

    /**
     * Fits the ratings. The anchor model is shown at 1000 (null: the mean rating is 1000). With resamples > 0,
     * each model's 95% interval comes from refitting on clusters drawn with replacement.
     */
    public static Ratings fit(List<Battle> battles, String anchor, int resamples, long seed) {
        List<String> models = new ArrayList<>(new TreeSet<>(battles.stream()
                .flatMap(b -> java.util.stream.Stream.of(b.a(), b.b())).toList()));
        if (models.isEmpty()) {
            return new Ratings(List.of(), 0, 0, resamples, anchor);
        }
        if (anchor != null && !models.contains(anchor)) {
            throw new IllegalArgumentException("anchor model '" + anchor + "' has no battle");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < models.size(); i++) {
            index.put(models.get(i), i);
        }
        int m = models.size();
        int[] ai = new int[battles.size()];
        int[] bi = new int[battles.size()];
        double[] out = new double[battles.size()];
        for (int k = 0; k < battles.size(); k++) {
            ai[k] = index.get(battles.get(k).a());
            bi[k] = index.get(battles.get(k).b());
            out[k] = battles.get(k).outcome();
        }
        int anchorIndex = anchor == null ? -1 : index.get(anchor);
        Fit full = solve(Tally.of(m, ai, bi, out, null));
        double[] ratings = elo(full.strengths, anchorIndex);

        double[] lower = null;
        double[] upper = null;
        if (resamples > 0) {
            int[][] clusters = clusters(battles);
            double[][] samples = new double[m][resamples];
            SplittableRandom random = new SplittableRandom(seed);
            int[] weights = new int[battles.size()];
            for (int r = 0; r < resamples; r++) {
                Arrays.fill(weights, 0);
                for (int c = 0; c < clusters.length; c++) {
                    for (int k : clusters[random.nextInt(clusters.length)]) {
                        weights[k]++;
                    }
                }
                double[] e = elo(solve(Tally.of(m, ai, bi, out, weights)).strengths, anchorIndex);
                for (int i = 0; i < m; i++) {
                    samples[i][r] = e[i];
                }
            }
            lower = new double[m];
            upper = new double[m];
            for (int i = 0; i < m; i++) {
                Arrays.sort(samples[i]);
                lower[i] = ClusteredBootstrap.quantile(samples[i], 0.025);
                upper[i] = ClusteredBootstrap.quantile(samples[i], 0.975);
            }
        }
        Tally counts = Tally.of(m, ai, bi, out, null);
        List<Rating> result = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            result.add(new Rating(models.get(i), ratings[i], lower == null ? null : lower[i], upper == null ? null : upper[i],
                    Math.round(counts.wins(i)), Math.round(counts.ties(i)), Math.round(counts.losses(i))));
        }
        result.sort(Comparator.comparingDouble(Rating::rating).reversed().thenComparing(Rating::model));
        return new Ratings(result, full.nu, battles.size(), resamples, anchor);
    }

    /** Davidson's fixed-point iteration on the pairwise tallies, with the pseudo count on every compared pair. */
    static Fit solve(Tally t) {
        int m = t.m;
        double[][] n = new double[m][m];
        double[] score = new double[m]; // 2 W_i + T_i
        double totalTies = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (i == j || !t.seen[i][j]) {
                    continue;
                }
                n[i][j] = t.win[i][j] + t.win[j][i] + t.tie[i][j] + 2 * PSEUDO_COUNT;
                score[i] += 2 * (t.win[i][j] + PSEUDO_COUNT) + t.tie[i][j];
                if (j > i) {
                    totalTies += t.tie[i][j];
                }
            }
        }
        double[] p = new double[m];
        Arrays.fill(p, 1.0);
        double nu = totalTies > 0 ? 1.0 : 0.0;
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            double[] next = new double[m];
            for (int i = 0; i < m; i++) {
                double denominator = 0;
                for (int j = 0; j < m; j++) {
                    if (n[i][j] == 0) {
                        continue;
                    }
                    double g = Math.sqrt(p[i] * p[j]);
                    denominator += n[i][j] * (2 + nu * Math.sqrt(p[j] / p[i])) / (p[i] + p[j] + nu * g);
                }
                next[i] = denominator == 0 ? p[i] : score[i] / denominator;
            }
            // The scale is free: fix the geometric mean at 1.
            double logMean = 0;
            for (double v : next) {
                logMean += Math.log(v);
            }
            double norm = Math.exp(logMean / m);
            double change = 0;
            for (int i = 0; i < m; i++) {
                next[i] /= norm;
                change = Math.max(change, Math.abs(Math.log(next[i] / p[i])));
            }
            p = next;
            if (totalTies > 0) {
                double s = 0;
                for (int i = 0; i < m; i++) {
                    for (int j = i + 1; j < m; j++) {
                        if (n[i][j] > 0) {
                            double g = Math.sqrt(p[i] * p[j]);
                            s += n[i][j] * g / (p[i] + p[j] + nu * g);
                        }
                    }
                }
                double nextNu = totalTies / s;
                change = Math.max(change, Math.abs(nextNu - nu));
                nu = nextNu;
            }
            if (change < TOLERANCE) {
                break;
            }
        }
        return new Fit(p, nu);
    }

    private static double[] elo(double[] strengths, int anchorIndex) {
        int m = strengths.length;
        double[] r = new double[m];
        double mean = 0;
        for (int i = 0; i < m; i++) {
            r[i] = SCALE * Math.log10(strengths[i]);
            mean += r[i] / m;
        }
        double shift = ANCHOR_RATING - (anchorIndex >= 0 ? r[anchorIndex] : mean);
        for (int i = 0; i < m; i++) {
            r[i] += shift;
        }
        return r;
    }

    private static int[][] clusters(List<Battle> battles) {
        Map<String, List<Integer>> byCluster = new LinkedHashMap<>();
        for (int k = 0; k < battles.size(); k++) {
            byCluster.computeIfAbsent(battles.get(k).cluster(), c -> new ArrayList<>()).add(k);
        }
        return byCluster.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    record Fit(double[] strengths, double nu) {
    }

    /** Pairwise win and tie counts, each battle weighted (the bootstrap draws battles several times or not at all). */
    static final class Tally {
        final int m;
        final double[][] win; // win[i][j]: i beat j
        final double[][] tie; // symmetric
        final boolean[][] seen; // the pair was ever compared (the pseudo count applies to it)

        private Tally(int m) {
            this.m = m;
            win = new double[m][m];
            tie = new double[m][m];
            seen = new boolean[m][m];
        }

        static Tally of(int m, int[] a, int[] b, double[] outcome, int[] weights) {
            Tally t = new Tally(m);
            for (int k = 0; k < a.length; k++) {
                int i = a[k];
                int j = b[k];
                t.seen[i][j] = t.seen[j][i] = true;
                double w = weights == null ? 1 : weights[k];
                if (outcome[k] == 1) {
                    t.win[i][j] += w;
                } else if (outcome[k] == 0) {
                    t.win[j][i] += w;
                } else {
                    t.tie[i][j] += w;
                    t.tie[j][i] += w;
                }
            }
            return t;
        }

        double wins(int i) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += win[i][j];
            }
            return s;
        }

        double losses(int i) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += win[j][i];
            }
            return s;
        }

        double ties(int i) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += tie[i][j];
            }
            return s;
        }
    }
}
