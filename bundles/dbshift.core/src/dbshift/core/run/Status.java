package dbshift.core.run;

/** Outcome of a step, object, table or statement. */
public enum Status {
    /** Done as planned. */
    OK,
    /** Already present on the target and equal to what was planned: nothing to do. */
    EXISTS,
    /** Deliberately not done (excluded, not selected, or not needed). */
    SKIPPED,
    /** Present on the target but different from the plan; left alone and reported. */
    CONFLICT,
    /** Done with a warning worth reading. */
    WARNING,
    /** Attempted and failed. */
    FAILED,
    /** Stopped by the user or by an earlier failure before it ran. */
    NOT_RUN;

    public boolean isFailure() {
        return this == FAILED || this == CONFLICT;
    }
}
