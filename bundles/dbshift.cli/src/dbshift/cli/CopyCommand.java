package dbshift.cli;

import java.io.PrintWriter;

import dbshift.core.run.Migration;
import picocli.CommandLine.Command;

@Command(name = "copy", description = "Copy the data of every table into the existing target tables (resumes an interrupted copy).")
final class CopyCommand extends MigrationCommand {
    CopyCommand() {
        super(true, true);
    }

    @Override
    void perform(Migration migration, PrintWriter out) {
        migration.copy();
    }
}
