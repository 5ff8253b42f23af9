package dbshift.bench;

import java.util.List;

/**
 * {@code mysqldump | mysql}: what the Azure migration guidance uses for the data. One stream, so no parallelism;
 * {@code --single-transaction} for a consistent dump, the default {@code --opt} (extended inserts) otherwise.
 * {@code --no-defaults} keeps a user's option files out of the measurement.
 */
final class DumpPipeTool implements CopyTool {

    @Override
    public String name() {
        return "mysqldump | mysql";
    }

    @Override
    public String settings() {
        return "1 stream, --single-transaction, --opt (extended inserts)";
    }

    @Override
    public boolean needsTargetTable() {
        return false;
    }

    @Override
    public String copy(CopyJob job) throws Exception {
        List<String> dump = List.of("mysqldump", "--no-defaults", "--protocol=TCP", "--host=127.0.0.1",
                "--port=" + job.source().port(), "--user=" + job.source().user(), "--single-transaction",
                job.sourceDb(), OrdersTable.NAME);
        List<String> load = List.of("mysql", "--no-defaults", "--protocol=TCP", "--host=127.0.0.1",
                "--port=" + job.target().port(), "--user=" + job.target().user(), job.targetDb());
        ExternalProcess.pipe(dump, load, job.log("dump-pipe.log"));
        return null;
    }
}
