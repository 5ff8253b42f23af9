package dbshift.cli;

import java.io.PrintWriter;

import dbshift.core.run.Migration;
import picocli.CommandLine.Command;

@Command(name = "verify", description = "Compare every table on both sides: row counts and checksums per key range.")
final class VerifyCommand extends MigrationCommand {
    VerifyCommand() {
        super(true, true);
    }

    @Override
    void perform(Migration migration, PrintWriter out) {
        migration.verify();
    }
}
