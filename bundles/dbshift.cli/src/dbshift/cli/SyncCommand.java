package dbshift.cli;

import java.io.PrintWriter;

import dbshift.core.run.Migration;
import dbshift.core.sync.SyncResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sync", description = "Keep the target in step with the source: apply the changes made since the copy began "
        + "(MySQL/MariaDB binary log, row format; SQL Server change tracking), then follow new ones.")
final class SyncCommand extends MigrationCommand {
    @Option(names = "--until-caught-up", description = "Stop once the target has every change the source had when sync started.")
    boolean untilCaughtUp;

    @Option(names = "--max-seconds", paramLabel = "N", description = "Stop after N seconds (default: run until Ctrl+C or caught up).")
    long maxSeconds;

    SyncCommand() {
        super(true, true);
    }

    @Override
    void validate() {
        inRange("--max-seconds", maxSeconds, 0, 315_360_000, "seconds (0: until Ctrl+C or caught up)");
    }

    @Override
    void perform(Migration migration, PrintWriter out) {
        Thread hook = new Thread(() -> migration.run().progress().cancel(), "dbshift-sync-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            SyncResult r = migration.sync(untilCaughtUp, maxSeconds);
            out.printf("Sync: %,d changes applied, from %s to %s (source at %s); %s%n", r.changes(), r.from(), r.applied(),
                    r.sourceHead(), r.caughtUp() ? "caught up" : String.format("%.1f s behind", r.lagSeconds()));
            r.warnings().forEach(w -> out.println("  warning: " + w));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already: the hook stopped the sync
            }
        }
    }
}
