package dbshift.bench;

/** One way of copying the benchmark table; the benchmark times {@link #copy(CopyJob)} and checks the result. */
interface CopyTool {

    /** What the table calls it, e.g. {@code mydumper/myloader}. */
    String name();

    /** The settings it ran with (parallelism, method, driver), printed beside the figures. */
    String settings();

    /** Whether the benchmark must create the target table first; tools that dump DDL create it themselves. */
    boolean needsTargetTable();

    /** The database it writes into, when the tool cannot choose (the command line keeps the source's names). */
    default String targetDatabase(CopyJob job) {
        return job.targetDb();
    }

    /** Untimed work before the copy (e.g. the ceiling's files); the default does nothing. */
    default void prepare(CopyJob job) throws Exception {
    }

    /** Untimed work after the copy and its check (e.g. deleting prepared files); the default does nothing. */
    default void cleanUp(CopyJob job) throws Exception {
    }

    /** Copies the table; throws when the tool reports a failure. Returns a note for the output (phases, method), or null. */
    String copy(CopyJob job) throws Exception;
}
