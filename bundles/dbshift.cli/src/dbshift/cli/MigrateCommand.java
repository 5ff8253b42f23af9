package dbshift.cli;

import java.io.IOException;
import java.io.PrintWriter;

import dbshift.core.run.Migration;
import picocli.CommandLine.Command;

@Command(name = "migrate", description = "All steps in order: assess, deploy the schema, copy, finish the schema, verify, users.")
final class MigrateCommand extends MigrationCommand {
    MigrateCommand() {
        super(true, true);
    }

    @Override
    void perform(Migration migration, PrintWriter out) throws IOException {
        migration.assess();
        writeScript(migration, migration.script());
        migration.migrate();
    }
}
