package dbshift.cli;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dbshift.core.run.MigrationException;
import dbshift.core.sync.CutoverGate;

/** The cutover gate's optional condition: a workload replay report whose statements all gave equal results. */
final class ReplayGate {
    private ReplayGate() {
    }

    static CutoverGate.Condition condition(Path report) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(report.toFile());
        } catch (IOException e) {
            throw new MigrationException("--replay-report " + report + ": cannot read it as a replay report (" + e.getMessage()
                    + "); give the replay.json that 'dbshift replay' wrote", MigrationException.USAGE);
        }
        JsonNode summary = root.path("summary");
        if (!summary.isObject()) {
            throw new MigrationException("--replay-report " + report + ": no \"summary\" in it; give the replay.json that "
                    + "'dbshift replay' wrote", MigrationException.USAGE);
        }
        long differing = summary.path("differing").asLong(0);
        long errors = summary.path("errors").asLong(0) + summary.path("errorOnTarget").asLong(0)
                + summary.path("errorsTarget").asLong(0);
        long regressions = summary.path("regressions").asLong(0);
        long statements = summary.path("statements").asLong(0);
        boolean clean = differing == 0 && errors == 0;
        return new CutoverGate.Condition("replay", clean, String.format(java.util.Locale.ROOT,
                "%s: %d statement(s), %d with differing results, %d failing on the target, %d latency regression(s)%s", report,
                statements, differing, errors, regressions, clean ? "" : " - fix the target (see the replay report) and replay again"));
    }
}
