package dbshift.cli;

import java.io.PrintWriter;

import dbshift.core.run.Migration;
import picocli.CommandLine.Command;

@Command(name = "repair", description = "Compare every slice of every table with the source and copy again exactly the slices "
        + "that differ (rows deleted, changed or added on the target), each in one transaction with its checkpoint; then "
        + "verify every table.")
final class RepairCommand extends MigrationCommand {
    RepairCommand() {
        super(true, true);
    }

    @Override
    void perform(Migration migration, PrintWriter out) {
        migration.repair();
    }
}
