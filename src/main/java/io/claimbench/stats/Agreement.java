package io.claimbench.stats;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Agreement between two raters over the same items: raw agreement (with and without the items either called a
 * tie) and Cohen's kappa. Labels are compared with equals; items one rater left unlabelled (null) are dropped.
 */
public final class Agreement {

    private Agreement() {
    }

    /** The result over n items both raters labelled; kappa is absent when chance agreement is total. */
    public record Result(long n, Double raw, Double kappa, long nWithoutTies, Double rawWithoutTies) {
    }

    public static <T> Result of(List<T> a, List<T> b, T tie) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("raters must label the same items: " + a.size() + " vs " + b.size());
        }
        long n = 0;
        long same = 0;
        long nNoTies = 0;
        long sameNoTies = 0;
        Map<T, Long> countA = new LinkedHashMap<>();
        Map<T, Long> countB = new LinkedHashMap<>();
        for (int i = 0; i < a.size(); i++) {
            T x = a.get(i);
            T y = b.get(i);
            if (x == null || y == null) {
                continue;
            }
            n++;
            boolean agree = x.equals(y);
            same += agree ? 1 : 0;
            countA.merge(x, 1L, Long::sum);
            countB.merge(y, 1L, Long::sum);
            if (!Objects.equals(x, tie) && !Objects.equals(y, tie)) {
                nNoTies++;
                sameNoTies += agree ? 1 : 0;
            }
        }
        if (n == 0) {
            return new Result(0, null, null, 0, null);
        }
        double po = (double) same / n;
        // In order of first appearance, so the sum (and kappa, to the last bit) is the same in every JVM.
        Set<T> labels = new LinkedHashSet<>(countA.keySet());
        labels.addAll(countB.keySet());
        double pe = 0;
        for (T label : labels) {
            pe += (double) countA.getOrDefault(label, 0L) * countB.getOrDefault(label, 0L) / ((double) n * n);
        }
        Double kappa = pe >= 1 ? null : (po - pe) / (1 - pe);
        return new Result(n, po, kappa, nNoTies, nNoTies == 0 ? null : (double) sameNoTies / nNoTies);
    }
}
