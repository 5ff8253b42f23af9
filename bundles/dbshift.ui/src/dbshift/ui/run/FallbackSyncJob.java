package dbshift.ui.run;

import dbshift.core.run.Migration;

/** After a cutover with fallback: applies the changes made on the new target since the switch to the old source. */
public final class FallbackSyncJob extends EngineJob {

    public FallbackSyncJob(ProjectSession session) {
        super("Sync the changes of " + session.project().getName() + "'s target back to its source", "fallback-sync", session);
    }

    @Override
    protected void work(Migration migration) {
        migration.fallbackSync(true, 0);
    }
}
