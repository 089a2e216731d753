import io.claimbench.stats.Battle;
import io.claimbench.stats.BradleyTerry;
import io.claimbench.stats.ClusteredBootstrap;
import io.claimbench.stats.Observation;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Statistics benchmark: Bradley-Terry (Davidson ties) with bootstrap intervals on synthetic battles among 20
 * models, and the prompt-clustered bootstrap of a win rate. Run from the project root after a build:
 *   $JAVA_HOME/bin/java -Xmx2g -cp target/classes bench/StatsBench.java [battles=100000] [resamples=1000]
 */
public class StatsBench {

    public static void main(String[] args) {
        int battlesN = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int resamples = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        SplittableRandom random = new SplittableRandom(2026);
        int models = 20;
        double[] strength = new double[models];
        for (int i = 0; i < models; i++) {
            strength[i] = Math.pow(10, (1000 + 25 * i) / 400.0);
        }
        List<Battle> battles = new ArrayList<>(battlesN);
        for (int k = 0; k < battlesN; k++) {
            int a = random.nextInt(models);
            int b = (a + 1 + random.nextInt(models - 1)) % models;
            double g = Math.sqrt(strength[a] * strength[b]);
            double d = strength[a] + strength[b] + 0.3 * g;
            double u = random.nextDouble();
            double outcome = u < strength[a] / d ? 1 : u < (strength[a] + 0.3 * g) / d ? 0.5 : 0;
            battles.add(new Battle("prompt-" + (k % 5000), "m" + a, "m" + b, outcome));
        }
        resetPeaks();
        long t0 = System.nanoTime();
        BradleyTerry.Ratings r = BradleyTerry.fit(battles, "m0", resamples, 1);
        double btSeconds = (System.nanoTime() - t0) / 1e9;
        long btPeak = heapPeak();
        System.out.printf("Bradley-Terry: %d battles, %d models, %d bootstrap rounds: %.2f s, heap peak %d MiB; top %s %.0f [%.0f, %.0f]%n",
                battlesN, models, resamples, btSeconds, btPeak >> 20, r.ratings().getFirst().model(),
                r.ratings().getFirst().rating(), r.ratings().getFirst().lower(), r.ratings().getFirst().upper());

        List<Observation> pairs = new ArrayList<>();
        for (int k = 0; k < 10_000; k++) {
            double u = random.nextDouble();
            pairs.add(new Observation("prompt-" + (k / 2), u < 0.55 ? 1 : u < 0.65 ? 0.5 : 0));
        }
        resetPeaks();
        t0 = System.nanoTime();
        var interval = ClusteredBootstrap.interval(pairs, resamples, 1);
        double bsSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("Clustered bootstrap: 10000 pairs in 5000 prompts, %d resamples: %.3f s, heap peak %d MiB; [%.4f, %.4f]%n",
                resamples, bsSeconds, heapPeak() >> 20, interval.lower(), interval.upper());
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
