package dbshift.cli;

import java.io.IOException;
import java.io.PrintWriter;

import dbshift.core.run.Migration;
import dbshift.core.script.Script;
import picocli.CommandLine.Command;

@Command(name = "script", description = "Write the migration script (schema.sql) for review: everything, or with --target only what the target lacks.")
final class ScriptCommand extends MigrationCommand {
    ScriptCommand() {
        super(true, false);
    }

    @Override
    void perform(Migration migration, PrintWriter out) throws IOException {
        migration.assess();
        Script script = migration.plan();
        writeScript(migration, script);
        out.println("Script: " + this.out.resolve("schema.sql").toAbsolutePath() + " (" + script.statements().size()
                + " statements: " + script.countByPhase().entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey().title().toLowerCase()).reduce((a, b) -> a + ", " + b).orElse("none")
                + ")");
    }
}
