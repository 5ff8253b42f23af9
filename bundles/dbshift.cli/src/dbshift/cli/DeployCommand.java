package dbshift.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import dbshift.core.engine.Dialect;
import dbshift.core.engine.Dialects;
import dbshift.core.engine.Endpoint;
import dbshift.core.engine.TargetKind;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationException;
import dbshift.core.run.MigrationOptions;
import dbshift.core.script.Phase;
import dbshift.core.script.Script;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "deploy", description = "Create the schema on the target: what it lacks (compared first), or a reviewed script with --script.")
final class DeployCommand extends MigrationCommand {
    @Option(names = "--script", paramLabel = "FILE", description = "Deploy this reviewed script as it is instead of generating one.")
    Path script;

    /** The text of {@code --script}, read before anything connects. */
    private String scriptText;

    DeployCommand() {
        super(true, true);
    }

    @Override
    boolean needsSource() {
        return script == null;
    }

    @Override
    Migration prepare() {
        if (script == null) {
            return super.prepare();
        }
        if (targetUrl == null) {
            throw new MigrationException("--target is required for 'deploy'", MigrationException.USAGE);
        }
        scriptText = TextFile.read("--script", script);
        TargetKind kind = targetKind();
        Endpoint target = Migration.connect("target", connectionSpec(targetUrl, targetUser, TARGET_PASSWORD, "target", kind));
        MigrationOptions options = options();
        return ScriptOnly.migration(target, kind, options, script);
    }

    @Override
    void perform(Migration migration, PrintWriter out) throws IOException {
        Script toDeploy;
        if (script != null) {
            Dialect dialect = Dialects.require(migration.targetKind().dialect());
            toDeploy = dialect.scriptSyntax().parse(scriptText);
            out.println("Deploying " + toDeploy.statements().size() + " statements from " + script);
        } else {
            migration.assess();
            if (migration.hasBlockingFindings()) {
                throw new MigrationException("blocking findings: nothing was deployed (see the report)", MigrationException.FAILURES);
            }
            toDeploy = migration.plan();
            writeScript(migration, toDeploy);
            out.println("Deploying " + toDeploy.statements().size() + " statements (what the target lacks; written to "
                    + this.out.resolve("schema.sql") + ")");
        }
        migration.deploy(toDeploy, EnumSet.allOf(Phase.class), "schema");
    }

    /** A migration with only a target, for deploying a script file. */
    static final class ScriptOnly {
        private ScriptOnly() {
        }

        static Migration migration(Endpoint target, TargetKind kind, MigrationOptions options, Path script) {
            return Migration.offline(new dbshift.core.model.Catalog(kind.dialect(), null, null, null, null, null),
                    script.toString(), target, kind, options);
        }
    }
}
