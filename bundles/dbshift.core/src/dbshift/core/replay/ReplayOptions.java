package dbshift.core.replay;

/**
 * How a workload is replayed.
 *
 * @param runs timed runs per statement and side (after one untimed run whose rows are compared)
 * @param regression when the target counts as slower
 * @param includeProcedures also run procedure calls, each inside a transaction that is rolled back
 * @param maxRowsShown differing rows kept for the report per statement
 * @param maxRowsCompared rows per side kept for finding the first differences (all rows are compared by fingerprint)
 * @param timeoutSeconds per execution
 */
public record ReplayOptions(int runs, RegressionRule regression, boolean includeProcedures, int maxRowsShown,
        int maxRowsCompared, int timeoutSeconds) {

    public static ReplayOptions defaults() {
        return new ReplayOptions(5, RegressionRule.DEFAULT, false, 5, 10_000, 60);
    }

    public ReplayOptions withRuns(int n) {
        if (n < 1 || n > 1000) {
            throw new IllegalArgumentException("runs must be between 1 and 1000, not " + n);
        }
        return new ReplayOptions(n, regression, includeProcedures, maxRowsShown, maxRowsCompared, timeoutSeconds);
    }

    public ReplayOptions withRegression(RegressionRule rule) {
        return new ReplayOptions(runs, rule, includeProcedures, maxRowsShown, maxRowsCompared, timeoutSeconds);
    }

    public ReplayOptions withIncludeProcedures(boolean on) {
        return new ReplayOptions(runs, regression, on, maxRowsShown, maxRowsCompared, timeoutSeconds);
    }
}
