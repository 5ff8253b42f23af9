package dbshift.cli;

import java.io.PrintWriter;

import dbshift.core.run.Migration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "fallback-cutover", description = "Switch back after 'cutover --with-fallback': apply the new target's last "
        + "changes to the old source and verify every table; exit 0 means the old source is ready to take over again.")
final class FallbackCutoverCommand extends MigrationCommand {
    @Option(names = "--freeze-target", description = "First stop writes on the new target (SET GLOBAL read_only = ON).")
    boolean freezeTarget;

    FallbackCutoverCommand() {
        super(true, true);
    }

    @Override
    void perform(Migration migration, PrintWriter out) {
        migration.fallbackCutover(freezeTarget);
        out.println("Fallback cutover: the old source verifies equal to the new target as of "
                + migration.run().syncResult().applied() + "; point the applications back at it.");
    }
}
