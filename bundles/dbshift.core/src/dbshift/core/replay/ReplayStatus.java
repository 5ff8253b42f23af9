package dbshift.core.replay;

/** What replaying one statement showed. */
public enum ReplayStatus {
    /** Same rows on both sides (in the same order where the statement orders them). */
    EQUAL,
    /** Different rows, columns or order. */
    DIFFERS,
    /** Failed on the target only: the application would break there. */
    ERROR_TARGET,
    /** Failed on the source only (e.g. an object dropped since the capture); the target's answer cannot be judged. */
    ERROR_SOURCE,
    /** Failed on both. */
    ERROR_BOTH,
    /** Ran on both, but its result differs from run to run (NOW(), RAND(), …), so it is timed and not compared. */
    NOT_COMPARED,
    /** Not run: it writes, it could not be translated, or the capture kept no text. */
    NOT_REPLAYABLE;

    /** Whether it means the target does not answer as the source does. */
    public boolean isProblem() {
        return this == DIFFERS || this == ERROR_TARGET;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
