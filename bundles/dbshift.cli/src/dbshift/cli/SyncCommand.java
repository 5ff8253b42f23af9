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

    @Option(names = "--verify-changes", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Verify the copied slices round and round against the source while following it, and report a "
                    + "slice that still differs after settling (default: on; --no-verify-changes turns it off).")
    boolean verifyChanges = true;

    @Option(names = "--reconnect-seconds", paramLabel = "N", defaultValue = "300",
            description = "When the source or target goes away (a restart), keep reconnecting for up to N seconds and resume "
                    + "from the applied position (default: ${DEFAULT-VALUE}; 0: stop at once).")
    long reconnectSeconds = 300;

    @Override
    void validate() {
        inRange("--max-seconds", maxSeconds, 0, 315_360_000, "seconds (0: until Ctrl+C or caught up)");
        inRange("--reconnect-seconds", reconnectSeconds, 0, 315_360_000, "seconds (0: stop at once)");
    }

    @Override
    void perform(Migration migration, PrintWriter out) {
        // Ctrl+C or SIGTERM stops the sync at a batch boundary; MigrationCommand writes the report before the JVM ends
        if (verifyChanges) {
            migration.verifyWhileSyncing(java.time.Duration.ofSeconds(2));
        }
        SyncResult r = migration.reconnectWithin(java.time.Duration.ofSeconds(reconnectSeconds)).sync(untilCaughtUp, maxSeconds);
        out.printf("Sync: %,d changes applied, from %s to %s (source at %s); %s%n", r.changes(), r.from(), r.applied(),
                r.sourceHead(), r.caughtUp() ? "caught up" : String.format("%.1f s behind", r.lagSeconds()));
        r.warnings().forEach(w -> out.println("  warning: " + w));
    }
}
