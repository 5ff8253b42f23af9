package dbshift.ui.run;

import java.util.Set;

import dbshift.core.run.Migration;
import dbshift.core.run.StatementOutcome;
import dbshift.core.run.Status;
import dbshift.core.script.Phase;
import dbshift.core.script.Script;

/** Runs the reviewed script's statements of the given phases on the target, one by one, recording each outcome. */
public final class DeployJob extends EngineJob {
    private final Script script;
    private final Set<Phase> phases;
    private volatile boolean succeeded;

    public DeployJob(ProjectSession session, Script script, Set<Phase> phases) {
        super("Deploy the script of " + session.project().getName(), "deploy", session);
        this.script = script;
        this.phases = phases;
    }

    @Override
    protected void work(Migration migration) {
        succeeded = migration.deploy(script, phases, "schema");
    }

    @Override
    protected String describeFailure(Migration migration, Throwable failure) {
        return migration.run().statements().stream().filter(s -> s.status() == Status.FAILED).findFirst()
                .map(s -> failedStatement(s) + " " + failure.getMessage()).orElse(super.describeFailure(migration, failure));
    }

    static String failedStatement(StatementOutcome s) {
        return "statement " + s.index() + " of " + s.objectType() + " " + s.objectName() + " was refused by the target: " + s.error()
                + ".";
    }

    public boolean succeeded() {
        return succeeded;
    }
}
