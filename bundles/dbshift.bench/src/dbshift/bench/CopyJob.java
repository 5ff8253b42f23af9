package dbshift.bench;

import java.nio.file.Path;

/**
 * One copy of the benchmark table: from {@code sourceDb} on {@code source} into the empty {@code targetDb} on
 * {@code target} (the same server for MariaDB to MariaDB), with {@code scratch} for dump files (deleted) and
 * {@code logs} for the tools' output (kept, one folder per run).
 */
record CopyJob(BenchServer source, String sourceDb, BenchServer target, String targetDb, long expectedRows, Path scratch,
        Path logs) {

    boolean sameServer() {
        return source == target;
    }

    /** A log file of this run. */
    Path log(String name) {
        return logs.resolve(name);
    }
}
