package dbshift.core.replay;

import java.util.Arrays;
import java.util.List;

/**
 * Elapsed times of the runs of one statement on one side (execute and read every row): median and 95th
 * percentile (nearest rank), in milliseconds.
 */
public record LatencyStats(int runs, double medianMillis, double p95Millis, double minMillis, double maxMillis) {

    public static LatencyStats ofNanos(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return null;
        }
        double[] ms = nanos.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
        return new LatencyStats(ms.length, median(ms), percentile(ms, 95), ms[0], ms[ms.length - 1]);
    }

    public static LatencyStats ofMillis(double... millis) {
        double[] ms = millis.clone();
        Arrays.sort(ms);
        return new LatencyStats(ms.length, median(ms), percentile(ms, 95), ms[0], ms[ms.length - 1]);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Nearest-rank percentile: the smallest value at or above p percent of the runs. */
    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
