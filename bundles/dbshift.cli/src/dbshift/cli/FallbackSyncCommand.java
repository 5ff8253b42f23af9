package dbshift.cli;

import java.io.PrintWriter;

import dbshift.core.run.Migration;
import dbshift.core.sync.SyncResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "fallback-sync", description = "After 'cutover --with-fallback': keep the old source (--source) in step with the "
        + "new target (--target) by applying the changes made on the target since the switch, so that you can switch back "
        + "without losing data. Runs until Ctrl+C, --max-seconds or --until-caught-up; run it again to resume.")
final class FallbackSyncCommand extends MigrationCommand {
    @Option(names = "--until-caught-up", description = "Stop once the old source has every change the new target had when this started.")
    boolean untilCaughtUp;

    @Option(names = "--max-seconds", paramLabel = "N", description = "Stop after N seconds (default: run until Ctrl+C or caught up).")
    long maxSeconds;

    @Option(names = "--reconnect-seconds", paramLabel = "N", defaultValue = "300",
            description = "When a server goes away, keep reconnecting for up to N seconds (default: ${DEFAULT-VALUE}; 0: stop at once).")
    long reconnectSeconds = 300;

    FallbackSyncCommand() {
        super(true, true);
    }

    @Override
    void validate() {
        inRange("--max-seconds", maxSeconds, 0, 315_360_000, "seconds (0: no limit)");
        inRange("--reconnect-seconds", reconnectSeconds, 0, 315_360_000, "seconds (0: stop at once)");
    }

    @Override
    void perform(Migration migration, PrintWriter out) {
        SyncResult r = migration.reconnectWithin(java.time.Duration.ofSeconds(reconnectSeconds)).fallbackSync(untilCaughtUp,
                maxSeconds);
        out.printf("Fallback sync: %,d changes of the new target applied to the old source, from %s to %s (target at %s); %s%n",
                r.changes(), r.from(), r.applied(), r.sourceHead(), r.caughtUp() ? "caught up" : String.format("%.1f s behind",
                        r.lagSeconds()));
        r.warnings().forEach(w -> out.println("  warning: " + w));
    }
}
