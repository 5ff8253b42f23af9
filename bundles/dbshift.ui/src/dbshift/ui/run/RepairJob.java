package dbshift.ui.run;

import dbshift.core.run.Migration;

/** Compares every slice with the source, copies again exactly those that differ, and verifies every table. */
public final class RepairJob extends EngineJob {

    public RepairJob(ProjectSession session) {
        super("Repair the data of " + session.project().getName(), "repair", session);
    }

    @Override
    protected void work(Migration migration) {
        migration.repair();
    }
}
