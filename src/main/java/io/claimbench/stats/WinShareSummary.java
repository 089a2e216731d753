package io.claimbench.stats;

/**
 * Win shares in [0, 1] (a judge's probability that the candidate is better, or 1/0.5/0) summarised the
 * AlpacaEval way: the mean with its standard error (sample standard deviation / sqrt(n)), the counts of wins
 * (share above 0.5), draws (exactly 0.5) and losses, and the discrete win rate (wins + draws/2) / n.
 */
public record WinShareSummary(long n, Double mean, Double standardError, long wins, long draws, long losses,
                              Double discrete) {

    public static WinShareSummary of(double[] shares) {
        long n = shares.length;
        if (n == 0) {
            return new WinShareSummary(0, null, null, 0, 0, 0, null);
        }
        double sum = 0;
        long wins = 0;
        long draws = 0;
        for (double x : shares) {
            if (!(x >= 0 && x <= 1)) {
                throw new IllegalArgumentException("win share out of [0,1]: " + x);
            }
            sum += x;
            wins += x > 0.5 ? 1 : 0;
            draws += x == 0.5 ? 1 : 0;
        }
        double mean = sum / n;
        Double se = null;
        if (n > 1) {
            double ss = 0;
            for (double x : shares) {
                ss += (x - mean) * (x - mean);
            }
            se = Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
        }
        return new WinShareSummary(n, mean, se, wins, draws, n - wins - draws, (wins + draws / 2.0) / n);
    }
}
