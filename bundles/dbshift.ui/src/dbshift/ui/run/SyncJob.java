package dbshift.ui.run;

import dbshift.core.run.Migration;

/**
 * Applies the source's changes since the copy (or the last sync) to the target, up to where the source's change log
 * was when the job started; the position applied is kept on the target, so the next sync goes on from there.
 */
public final class SyncJob extends EngineJob {

    public SyncJob(ProjectSession session) {
        super("Sync the changes of " + session.project().getName(), "sync", session);
    }

    @Override
    protected void work(Migration migration) {
        migration.sync(true, 0);
    }
}
