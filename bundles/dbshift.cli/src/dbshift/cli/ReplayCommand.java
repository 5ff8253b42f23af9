package dbshift.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import dbshift.core.replay.NameMap;
import dbshift.core.replay.RegressionRule;
import dbshift.core.replay.ReplayOptions;
import dbshift.core.replay.ReplayReport;
import dbshift.core.replay.ReplayResult;
import dbshift.core.replay.StatementReplay;
import dbshift.core.replay.Workload;
import dbshift.core.replay.WorkloadFile;
import dbshift.core.replay.WorkloadReplay;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs a captured workload's queries on source and target and compares answers and latency. */
@Command(name = "replay", description = "Run a captured workload's queries on the source and the target: same rows (by value), errors, "
        + "latency (median, p95) and plans; writes replay.json, replay.csv and replay.html. Exit 1 when the target answers differently.")
final class ReplayCommand extends MigrationCommand {
    @Option(names = "--workload", paramLabel = "FILE", required = true, description = "The workload.json written by 'capture'.")
    Path workload;

    @Option(names = "--runs", paramLabel = "N", description = "Timed runs per statement and side (default: ${DEFAULT-VALUE}).")
    int runs = 5;

    @Option(names = "--regression-ratio", paramLabel = "X", description = "Flag a statement whose median on the target is more than X times the source's (default: ${DEFAULT-VALUE}).")
    double regressionRatio = RegressionRule.DEFAULT.ratio();

    @Option(names = "--regression-min-ms", paramLabel = "MS", description = "… and at least MS milliseconds slower (default: ${DEFAULT-VALUE}).")
    double regressionMinMillis = RegressionRule.DEFAULT.minMillis();

    @Option(names = "--include-procedures", description = "Also run procedure calls, each inside a transaction that is rolled back.")
    boolean includeProcedures;

    ReplayCommand() {
        super(true, true);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ReplayOptions options;
            try {
                options = ReplayOptions.defaults().withRuns(runs).withIncludeProcedures(includeProcedures)
                        .withRegression(new RegressionRule(regressionRatio, regressionMinMillis));
            } catch (IllegalArgumentException e) {
                throw new MigrationException(e.getMessage(), MigrationException.USAGE);
            }
            Workload w;
            try {
                w = WorkloadFile.read(workload);
            } catch (IOException e) {
                throw new MigrationException("--workload: " + e.getMessage(), MigrationException.USAGE);
            }
            Migration migration = prepare();
            ReplayResult result = replay(migration, w, options, err);
            ReplayReport.write(result, this.out);
            printSummary(result, out, this.out);
            return result.hasDifferences() ? Main.EXIT_FAILURES : Main.EXIT_OK;
        } catch (MigrationException e) {
            err.println("dbshift: " + e.getMessage());
            return e.exitCode();
        } catch (IllegalArgumentException e) {
            err.println("dbshift: " + e.getMessage());
            return Main.EXIT_USAGE;
        } catch (IOException | SQLException e) {
            err.println("dbshift replay: " + e.getMessage());
            return Main.EXIT_FAILURES;
        }
    }

    /** Replays with names mapped as the migration's conversion maps them (the identity when it cannot convert). */
    static ReplayResult replay(Migration migration, Workload w, ReplayOptions options, PrintWriter err) throws SQLException {
        NameMap names;
        try {
            names = NameMap.of(migration.convert().tableNames());
        } catch (RuntimeException e) {
            err.println("dbshift replay: names are not mapped (" + e.getMessage() + "); statements run with the source's names");
            names = NameMap.identity();
        }
        return new WorkloadReplay(migration.sourceEndpoint(), migration.targetEndpoint(), names, options).replay(w);
    }

    static void printSummary(ReplayResult r, PrintWriter out, Path dir) {
        ReplayResult.Summary s = r.summary();
        out.printf("Replay: %d statements, %d replayed: %d equal, %d differing, %d failing on the target only, %d failing on the source, "
                + "%d not compared, %d not replayable; %d regressions (%d slower, %d by plan)%n", s.statements(), s.replayed(),
                s.equal(), s.differing(), s.errorsTarget(), s.errorsSource() + s.errorsBoth(), s.notCompared(), s.notReplayable(),
                s.regressions(), s.latencyRegressions(), s.planRegressions());
        List<StatementReplay> shown = r.statements().stream().filter(x -> x.status().isProblem() || x.regression()).limit(15).toList();
        for (StatementReplay x : shown) {
            out.printf("  %-13s %s%n      %s%s%n", x.status().label() + (x.regression() ? "*" : ""), oneLine(x.sql()), x.message(),
                    x.planNote() == null ? "" : "; " + x.planNote());
            x.differences().stream().limit(2).forEach(d -> out.println("      " + d));
        }
        double sourceMs = r.statements().stream().filter(x -> x.sourceLatency() != null).mapToDouble(x -> x.sourceLatency().medianMillis()).sum();
        double targetMs = r.statements().stream().filter(x -> x.targetLatency() != null).mapToDouble(x -> x.targetLatency().medianMillis()).sum();
        out.printf(Locale.ROOT, "  sum of medians: source %.1f ms, target %.1f ms (%d runs each)%n", sourceMs, targetMs, r.runs());
        out.println("Replay report: " + dir.resolve("replay.html").toAbsolutePath() + " (and replay.json, replay.csv)");
        out.println(r.hasDifferences() ? "Replay result: THE TARGET ANSWERS DIFFERENTLY" : "Replay result: SAME ANSWERS");
        out.flush();
    }

    private static String oneLine(String sql) {
        String s = sql == null ? "(no text)" : sql.replaceAll("\\s+", " ").strip();
        return s.length() > 110 ? s.substring(0, 110) + "…" : s;
    }

    @Override
    void perform(Migration migration, PrintWriter out) {
        throw new UnsupportedOperationException("replay runs on its own");
    }
}
