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
    private final boolean withFallback;

    /** @param reviewed the project's reviewed script, or null for a data-only project */
    public CutoverJob(ProjectSession session, Script reviewed) {
        this(session, reviewed, false);
    }

    /** @param withFallback record the target's change log position so that the old source can be kept in step */
    public CutoverJob(ProjectSession session, Script reviewed, boolean withFallback) {
        super("Cut over " + session.project().getName(), "cutover", session);
        this.reviewed = reviewed;
        this.withFallback = withFallback;
    }

    @Override
    protected void work(Migration migration) {
        if (withFallback) {
            migration.withFallback();
        }
        migration.cutover(false, reviewed);
    }
}
