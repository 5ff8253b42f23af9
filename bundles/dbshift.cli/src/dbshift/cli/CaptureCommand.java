package dbshift.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import dbshift.core.engine.ConnectionSpec;
import dbshift.core.engine.Dialect;
import dbshift.core.engine.Dialects;
import dbshift.core.engine.Endpoint;
import dbshift.core.replay.Workload;
import dbshift.core.replay.WorkloadCapture;
import dbshift.core.replay.WorkloadFile;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Records which statements the applications run on the source, for {@code replay}. */
@Command(name = "capture", description = "Record the statements the source's applications run (MySQL/MariaDB: performance_schema "
        + "or a query log with --from-log; SQL Server: Query Store) into OUT/workload.json, without passwords or secrets.")
final class CaptureCommand extends MigrationCommand {
    @Option(names = "--from-log", paramLabel = "FILE", description = "Read a MySQL/MariaDB general or slow query log file instead of the live source.")
    Path fromLog;

    CaptureCommand() {
        super(true, false);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Workload workload = fromLog != null ? fromLog() : live();
            Path file = this.out.resolve("workload.json");
            WorkloadFile.write(workload, file);
            long executions = workload.statements().stream().mapToLong(s -> s.count()).sum();
            out.printf("Captured %d statement shapes (%,d executions) by %s from %s, %s to %s%n", workload.statements().size(),
                    executions, workload.method(), workload.source(), workload.from(), workload.to());
            workload.notes().forEach(n -> out.println("  " + n));
            out.println("Workload: " + file.toAbsolutePath());
            out.flush();
            return Main.EXIT_OK;
        } catch (MigrationException e) {
            err.println("dbshift: " + e.getMessage());
            return e.exitCode();
        } catch (IOException | SQLException e) {
            err.println("dbshift capture: " + e.getMessage());
            return Main.EXIT_FAILURES;
        }
    }

    private Workload fromLog() throws IOException {
        if (sourceUrl != null) {
            throw new MigrationException("give either --source or --from-log, not both", MigrationException.USAGE);
        }
        if (!java.nio.file.Files.isRegularFile(fromLog)) {
            throw new MigrationException("--from-log " + fromLog + ": no such file (the server's general_log_file or slow_query_log_file)",
                    MigrationException.USAGE);
        }
        Dialect dialect;
        try {
            dialect = Dialects.require(sourceKind == null ? "mysql" : sourceKind);
        } catch (IllegalArgumentException e) {
            throw new MigrationException("--source-kind: " + e.getMessage(), MigrationException.USAGE);
        }
        WorkloadCapture capture = dialect.workloadCapture().orElseThrow(() -> new MigrationException(
                dialect.displayName() + " has no workload capture in DBShift", MigrationException.USAGE));
        return capture.fromLog(fromLog, databases);
    }

    private Workload live() throws SQLException {
        if (sourceUrl == null) {
            throw new MigrationException("--source is required for 'capture' (or --from-log FILE for a query log)", MigrationException.USAGE);
        }
        Endpoint source = Migration.connect("source", connectionSpec(sourceUrl, sourceUser, SOURCE_PASSWORD, "source", null));
        WorkloadCapture capture = source.dialect().workloadCapture().orElseThrow(() -> new MigrationException(
                source.dialect().displayName() + " has no workload capture in DBShift", MigrationException.USAGE));
        try (Connection c = source.open()) {
            return capture.capture(c, databases, ConnectionSpec.displayUrl(sourceUrl));
        }
    }

    @Override
    void perform(Migration migration, PrintWriter out) {
        throw new UnsupportedOperationException("capture runs on its own");
    }
}
