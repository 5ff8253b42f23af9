package dbshift.cli;

import java.io.PrintWriter;

import dbshift.core.run.Migration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "cutover", description = "Apply the last changes, create the triggers and events held back for cutover, and "
        + "verify every table: exit 0 means the target is ready to take over.")
final class CutoverCommand extends MigrationCommand {
    @Option(names = "--freeze-source", description = "First stop writes on the source (SET GLOBAL read_only = ON).")
    boolean freezeSource;

    @Option(names = "--reconnect-seconds", paramLabel = "N", defaultValue = "300",
            description = "When the source or target goes away during the last sync, keep reconnecting for up to N seconds "
                    + "(default: ${DEFAULT-VALUE}; 0: stop at once).")
    long reconnectSeconds = 300;

    CutoverCommand() {
        super(true, true);
    }

    @Override
    void validate() {
        inRange("--reconnect-seconds", reconnectSeconds, 0, 315_360_000, "seconds (0: stop at once)");
    }

    @Override
    void perform(Migration migration, PrintWriter out) {
        migration.reconnectWithin(java.time.Duration.ofSeconds(reconnectSeconds)).cutover(freezeSource);
        out.println("Cutover: the target verifies equal to the source as of " + migration.run().syncResult().applied()
                + "; point the applications at it.");
    }
}
