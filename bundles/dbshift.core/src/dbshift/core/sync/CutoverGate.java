package dbshift.core.sync;

import java.util.List;

/**
 * What a cutover must see before it switches: the sync keeping up (lag under {@code maxLagSeconds} throughout a
 * {@code windowSeconds} window of following the source), the last full verification clean (or repaired), no
 * blocking finding open, and any further conditions the caller checked (a clean workload replay). {@code force}
 * proceeds anyway and says so in the report.
 */
public record CutoverGate(double maxLagSeconds, long windowSeconds, boolean force, List<Condition> extra) {

    /** One condition with the numbers behind it. */
    public record Condition(String name, boolean passed, String detail) {
    }

    public CutoverGate {
        if (maxLagSeconds < 0 || windowSeconds < 0) {
            throw new IllegalArgumentException("the cutover gate's lag limit and window must not be negative");
        }
        extra = extra == null ? List.of() : List.copyOf(extra);
    }

    /** 10 s of lag at most over a 5 s window. */
    public static CutoverGate defaults() {
        return new CutoverGate(10, 5, false, List.of());
    }
}
