package dbshift.core.replay;

import java.util.List;

/**
 * The outcome of one captured statement.
 *
 * @param targetSql the statement as the target ran it, when translation changed it
 * @param differences the first differing rows (or the reason the results differ), for the report
 * @param sourcePlan the source's plan steps, as text
 * @param planNote where the target's plan reads more than the source's (a table read in full), or null
 */
public record StatementReplay(String id, String schema, String sql, String targetSql, long count, ReplayStatus status,
        String message, boolean ordered, Long sourceRows, Long targetRows, List<String> differences, String sourceError,
        String targetError, LatencyStats sourceLatency, LatencyStats targetLatency, boolean latencyRegression,
        List<String> sourcePlan, List<String> targetPlan, String planNote) {

    public StatementReplay {
        differences = differences == null ? List.of() : List.copyOf(differences);
        sourcePlan = sourcePlan == null ? List.of() : List.copyOf(sourcePlan);
        targetPlan = targetPlan == null ? List.of() : List.copyOf(targetPlan);
    }

    public boolean planRegression() {
        return planNote != null;
    }

    /** Slower on the target beyond the threshold, or planned to read more. */
    public boolean regression() {
        return latencyRegression || planRegression();
    }

    static StatementReplay notReplayable(CapturedStatement s, String reason) {
        return new StatementReplay(s.id(), s.schema(), s.text(), null, s.count(), ReplayStatus.NOT_REPLAYABLE, reason, false,
                null, null, null, null, null, null, null, false, null, null, null);
    }
}
