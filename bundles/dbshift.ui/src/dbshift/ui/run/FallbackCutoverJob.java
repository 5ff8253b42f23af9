package dbshift.ui.run;

import dbshift.core.run.Migration;

/** Switches back: the target's last changes to the old source, then every table verified with the target as reference. */
public final class FallbackCutoverJob extends EngineJob {

    public FallbackCutoverJob(ProjectSession session) {
        super("Fall back from " + session.project().getName() + "'s target to its source", "fallback-cutover", session);
    }

    @Override
    protected void work(Migration migration) {
        migration.fallbackCutover(false);
    }
}
