package dbshift.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dbshift.core.engine.ConnectionSpec;
import dbshift.core.engine.TargetKind;
import dbshift.core.replay.ReplayOptions;
import dbshift.core.replay.ReplayReport;
import dbshift.core.replay.ReplayResult;
import dbshift.core.replay.Workload;
import dbshift.core.replay.WorkloadFile;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationException;
import dbshift.embedded.EmbeddedMariaDb;
import dbshift.embedded.EmbeddedMySql;
import dbshift.embedded.SampleDatabase;
import dbshift.embedded.SharedServers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The README's main job: an embedded MariaDB 11.4 with the sample database {@code shop} (about 1.2 million rows)
 * migrated to an embedded MySQL 8.0.31 as if it were Azure Database for MySQL, with users and a report.
 */
@Command(name = "demo", description = "Start an embedded MariaDB source with a sample database and an embedded MySQL 8 target, "
        + "and run 'migrate' for an Azure Database for MySQL target.")
final class DemoCommand extends MigrationCommand {
    @Option(names = "--work", paramLabel = "DIR", description = "Where the embedded servers keep their data (default: ${DEFAULT-VALUE}).")
    Path work = Path.of("target", "demo");

    @Option(names = "--small", description = "A few thousand rows instead of about 1.2 million.")
    boolean small;

    @Option(names = "--keep-running", description = "Leave both servers running after the migration until Enter is pressed.")
    boolean keepRunning;

    private EmbeddedMariaDb source;
    private EmbeddedMySql target;
    private Migration migration;
    private Workload workload;

    DemoCommand() {
        super(true, true);
        out = Path.of("dbshift-demo");
        targetKind = "azure-mysql";
        users = List.of("app_owner@%", "app_rw@%", "reporting@10.0.%", "ops_admin@localhost");
        // the demo goes on to sync and cut over: triggers are created at cutover
        deferTriggers = true;
    }


    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            SampleDatabase.Size size = small ? SampleDatabase.Size.SMALL : SampleDatabase.Size.DEMO;
            out.println("Starting the source: embedded MariaDB " + EmbeddedMariaDb.VERSION + " ...");
            out.flush();
            // performance_schema with the statement history on, so that the application's statements can be captured
            source = EmbeddedMariaDb.start(work.resolve("source"), "--log-bin=mariadb-bin", "--binlog-format=ROW",
                    "--server-id=1", "--character-set-server=utf8mb4", "--log-bin-trust-function-creators=1",
                    "--performance-schema=ON", "--performance-schema-consumer-events-statements-current=ON",
                    "--performance-schema-consumer-events-statements-history-long=ON");
            long t0 = System.nanoTime();
            Map<String, Long> rows = SampleDatabase.create(source, size);
            long total = rows.values().stream().mapToLong(Long::longValue).sum();
            out.printf("  sample database `shop`: %d tables, %,d rows generated in %.1f s%n", rows.size(), total,
                    (System.nanoTime() - t0) / 1e9);
            workload = captureApplication(out);
            out.println("Starting the target: embedded MySQL " + EmbeddedMySql.VERSION + " (standing in for Azure Database for MySQL) ...");
            out.flush();
            // as Azure's migration guidance advises for sources with stored functions: the server parameter
            // log_bin_trust_function_creators is ON (without it, the assessment reports MYSQL-SUPER errors)
            target = EmbeddedMySql.start(work.resolve("target"), SharedServers.cacheDir(), "--local-infile=1",
                    "--log-bin-trust-function-creators=1");
            sourceUrl = source.jdbcUrl("");
            sourceUser = source.user();
            targetUrl = target.jdbcUrl("");
            targetUser = target.user();
            out.println("  source " + sourceUrl);
            out.println("  target " + targetUrl + " (log_bin_trust_function_creators=ON, local_infile=ON)");
            out.println();
            out.println("Equivalent command:");
            out.println("  DBSHIFT_SOURCE_PASSWORD= DBSHIFT_TARGET_PASSWORD= ./dbshift migrate --source '" + sourceUrl
                    + "' --source-user root --target '" + targetUrl + "' --target-user root --target-kind azure-mysql "
                    + "--users " + String.join(",", users) + " --out " + this.out);
            out.println();
            out.flush();
            int code = super.call();
            if (migration != null && workload != null) {
                replayApplication(out);
            }
            if (keepRunning) {
                out.println("Servers are still running (source " + sourceUrl + ", target " + targetUrl
                        + ", user root, no password). Press Enter to stop them.");
                out.flush();
                System.in.read();
            }
            return code;
        } catch (java.sql.SQLException | RuntimeException | IOException e) {
            spec.commandLine().getErr().println("dbshift demo: " + e.getMessage());
            return Main.EXIT_FAILURES;
        } finally {
            if (target != null) {
                target.close();
            }
            if (source != null) {
                source.close();
            }
        }
    }

    /** The embedded servers' root has no password; nothing is read from the environment. */
    @Override
    ConnectionSpec connectionSpec(String url, String user, String variable, String role, TargetKind kind) {
        return new ConnectionSpec(url, user, new char[0], Map.of());
    }

    /**
     * The application runs its statements on the source before the migration (its writes are migrated with the
     * rest), and they are captured from performance_schema into {@code workload.json}.
     */
    private Workload captureApplication(PrintWriter out) throws java.sql.SQLException, IOException {
        try (java.sql.Connection c = Migration.connect("source", connectionSpec(source.jdbcUrl(""), source.user(), null, "source", null)).open();
                java.sql.Statement s = c.createStatement()) {
            s.execute("TRUNCATE TABLE performance_schema.events_statements_summary_by_digest");
            s.execute("TRUNCATE TABLE performance_schema.events_statements_history_long");
        }
        int ran = SampleDatabase.runApplicationWorkload(source);
        dbshift.core.engine.Endpoint endpoint = Migration.connect("source", connectionSpec(source.jdbcUrl(""), source.user(), null, "source", null));
        Workload captured;
        try (java.sql.Connection c = endpoint.open()) {
            captured = endpoint.dialect().workloadCapture().orElseThrow()
                    .capture(c, List.of(SampleDatabase.NAME), dbshift.core.engine.ConnectionSpec.displayUrl(source.jdbcUrl("")));
        }
        WorkloadFile.write(captured, this.out.resolve("workload.json"));
        out.printf("  application workload: %d statements run; captured %d statement shapes from performance_schema into %s%n", ran,
                captured.statements().size(), this.out.resolve("workload.json"));
        return captured;
    }

    /** Replays the captured workload on the source and the migrated target and prints the summary. */
    private void replayApplication(PrintWriter out) {
        out.println();
        out.println("Replaying the application's workload on the source and the target (5 timed runs per statement and side) ...");
        out.println("  equivalent: ./dbshift replay --workload " + this.out.resolve("workload.json") + " --source '" + sourceUrl
                + "' --source-user root --target '" + targetUrl + "' --target-user root --out " + this.out);
        out.flush();
        try {
            ReplayResult result = ReplayCommand.replay(migration, workload, ReplayOptions.defaults(), spec.commandLine().getErr());
            ReplayReport.write(result, this.out);
            ReplayCommand.printSummary(result, out, this.out);
        } catch (java.sql.SQLException | IOException | RuntimeException e) {
            spec.commandLine().getErr().println("dbshift demo: the replay failed: " + e.getMessage());
        }
    }

    @Override
    void perform(Migration migration, PrintWriter out) throws IOException {
        this.migration = migration;
        migration.assess();
        writeScript(migration, migration.script());
        migration.migrate();
        // the application keeps writing to the source after the copy; sync follows its binary log, cutover verifies
        try {
            int changed = SampleDatabase.simulateTraffic(source);
            out.println("The source kept changing after the copy (" + changed + " rows written); syncing and cutting over ...");
            out.flush();
        } catch (java.sql.SQLException e) {
            throw new MigrationException("demo: writing to the source failed: " + e.getMessage(), MigrationException.FAILURES, e);
        }
        // the steps below say what the sync applied (from the binary log) and whether cutover verified every table
        migration.cutover(false);
    }
}
