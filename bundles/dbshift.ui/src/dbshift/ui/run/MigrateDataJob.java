package dbshift.ui.run;

import java.util.EnumSet;
import java.util.Set;

import dbshift.core.run.Migration;
import dbshift.core.run.MigrationException;
import dbshift.core.run.Status;
import dbshift.core.script.Phase;
import dbshift.core.script.Script;

/**
 * Copies the data (tables in parallel, large ones in key slices), then deploys what the reviewed script puts after
 * the data (indexes, foreign keys, views, routines, triggers, events), verifies counts and checksums and migrates
 * the chosen users. A cancel stops the copy at its next slice boundary and skips the later steps: the results say
 * which tables are complete.
 */
public final class MigrateDataJob extends EngineJob {
    private final Script script;

    /** @param script the reviewed script whose after-data phases to deploy, or null for a data-only project */
    public MigrateDataJob(ProjectSession session, Script script) {
        super("Migrate the data of " + session.project().getName(), "data", session);
        this.script = script;
    }

    public static Set<Phase> afterData() {
        return EnumSet.complementOf(EnumSet.copyOf(Migration.BEFORE_DATA));
    }

    /** What this project deploys after the data: all of it, or without triggers and events when they wait for cutover. */
    public static Set<Phase> afterData(boolean deferTriggers) {
        Set<Phase> after = afterData();
        if (deferTriggers) {
            after.removeAll(CutoverJob.DEFERRED);
        }
        return after;
    }

    @Override
    protected void work(Migration m) {
        m.copy();
        if (m.run().progress().isCancelled()) {
            throw new MigrationException("cancelled during the copy; tables not marked complete in the results resume "
                    + "from their last committed slice when you migrate again", MigrationException.FAILURES);
        }
        if (script != null) {
            boolean defer = m.options().deferTriggers();
            if (defer) {
                m.run().note("triggers and events are left for Cut Over (the project's option)");
            }
            m.deploy(script, afterData(defer), "schema after data");
        }
        m.verify();
        m.users();
    }

    @Override
    protected String describeFailure(Migration migration, Throwable failure) {
        var failedTable = migration.run().tables().stream().filter(t -> t.status() == Status.FAILED).findFirst();
        if (failedTable.isPresent()) {
            var t = failedTable.get();
            return "table " + t.schema() + "." + t.name() + ": " + t.message() + ". " + failure.getMessage();
        }
        var failedStatement = migration.run().statements().stream().filter(s -> s.status() == Status.FAILED).findFirst();
        if (failedStatement.isPresent()) {
            return DeployJob.failedStatement(failedStatement.get()) + " " + failure.getMessage();
        }
        return super.describeFailure(migration, failure);
    }
}
