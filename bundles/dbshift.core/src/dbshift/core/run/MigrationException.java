package dbshift.core.run;

/**
 * A step could not do its work. The message is written for the user (it names the object and the cause); the
 * exit code tells scripts what kind of failure it was.
 */
public final class MigrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Finished with failures or blocking findings. */
    public static final int FAILURES = 1;
    /** Bad usage: wrong option, unknown engine, missing input. */
    public static final int USAGE = 2;
    /** Could not connect (counts as bad usage for scripts: nothing was attempted). */
    public static final int CONNECT = 2;

    private final int exitCode;

    public MigrationException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public MigrationException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
