package dbshift.ui.run;

import java.util.EnumSet;
import java.util.Set;

import dbshift.core.run.Migration;
import dbshift.core.script.Phase;
import dbshift.core.script.Script;

/**
 * The switch-over: applies the last changes, creates the triggers and events the target still lacks (from the
 * reviewed script, so the reviewer's edits hold) and verifies every table; the run fails unless all match.
 */
public final class CutoverJob extends EngineJob {
    /** What waits for cutover when the project defers triggers. */
    public static final Set<Phase> DEFERRED = EnumSet.of(Phase.TRIGGERS, Phase.EVENTS);
    private final Script reviewed;

    /** @param reviewed the project's reviewed script, or null for a data-only project */
    public CutoverJob(ProjectSession session, Script reviewed) {
        super("Cut over " + session.project().getName(), "cutover", session);
        this.reviewed = reviewed;
    }

    @Override
    protected void work(Migration migration) {
        migration.cutover(false, reviewed);
    }
}
