package dbshift.core.replay;

import java.util.Locale;

/**
 * When the target is slower enough to matter: its median is more than {@code ratio} times the source's and at
 * least {@code minMillis} slower. The absolute floor keeps sub-millisecond statements, whose timings are mostly
 * noise, from being flagged for a ratio alone.
 */
public record RegressionRule(double ratio, double minMillis) {

    public static final RegressionRule DEFAULT = new RegressionRule(2.0, 5.0);

    public RegressionRule {
        if (!(ratio >= 1.0)) {
            throw new IllegalArgumentException("the regression ratio must be 1 or more, not " + ratio);
        }
        if (minMillis < 0) {
            throw new IllegalArgumentException("the regression floor must not be negative, not " + minMillis);
        }
    }

    public boolean regressed(LatencyStats source, LatencyStats target) {
        if (source == null || target == null) {
            return false;
        }
        return target.medianMillis() > source.medianMillis() * ratio
                && target.medianMillis() - source.medianMillis() >= minMillis;
    }

    /** Why it counts as a regression, for the report. */
    public String describe(LatencyStats source, LatencyStats target) {
        double factor = source.medianMillis() <= 0 ? Double.POSITIVE_INFINITY : target.medianMillis() / source.medianMillis();
        return String.format(Locale.ROOT, "median %.2f ms on the target vs %.2f ms on the source (%.1fx; threshold %.1fx and +%.0f ms)",
                target.medianMillis(), source.medianMillis(), factor, ratio, minMillis);
    }
}
