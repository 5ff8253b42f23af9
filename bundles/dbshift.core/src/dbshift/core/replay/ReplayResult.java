package dbshift.core.replay;

import java.util.List;

/**
 * A whole replay: which workload against which two servers, with which options, and the outcome per statement.
 * URLs are shown without properties; no password is ever part of it.
 */
public record ReplayResult(String source, String target, String sourceEngine, String targetEngine, String workloadSource,
        String workloadMethod, String workloadFrom, String workloadTo, String started, String finished, int runs,
        double regressionRatio, double regressionMinMillis, List<StatementReplay> statements, List<String> notes) {

    public ReplayResult {
        statements = List.copyOf(statements);
        notes = List.copyOf(notes);
    }

    /** Counts per outcome, the figures the CLI prints and the README quotes. */
    public record Summary(int statements, int replayed, int equal, int differing, int errorsTarget, int errorsSource,
            int errorsBoth, int notCompared, int notReplayable, int regressions, int latencyRegressions, int planRegressions) {
    }

    public Summary summary() {
        int equal = 0, differs = 0, errT = 0, errS = 0, errB = 0, notCompared = 0, notReplayable = 0, reg = 0, lat = 0, plan = 0;
        for (StatementReplay s : statements) {
            switch (s.status()) {
                case EQUAL -> equal++;
                case DIFFERS -> differs++;
                case ERROR_TARGET -> errT++;
                case ERROR_SOURCE -> errS++;
                case ERROR_BOTH -> errB++;
                case NOT_COMPARED -> notCompared++;
                case NOT_REPLAYABLE -> notReplayable++;
            }
            reg += s.regression() ? 1 : 0;
            lat += s.latencyRegression() ? 1 : 0;
            plan += s.planRegression() ? 1 : 0;
        }
        return new Summary(statements.size(), statements.size() - notReplayable, equal, differs, errT, errS, errB,
                notCompared, notReplayable, reg, lat, plan);
    }

    /** Whether the target answers differently (or fails) where the source answered: exit code 1 on the command line. */
    public boolean hasDifferences() {
        return statements.stream().anyMatch(s -> s.status().isProblem());
    }
}
