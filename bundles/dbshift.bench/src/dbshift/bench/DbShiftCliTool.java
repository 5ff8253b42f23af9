package dbshift.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code dbshift copy} as a user runs it: its own JVM (the product's launcher), connecting, reading both
 * catalogs, copying and writing the report. The command line keeps database names, so it copies into a database
 * named like the source's on the other server.
 */
final class DbShiftCliTool implements CopyTool {
    private final Path launcher;
    private final int jobs;
    private final JdbcDriver targetDriver;

    DbShiftCliTool(Path launcher, int jobs, JdbcDriver targetDriver) {
        this.launcher = launcher;
        this.jobs = jobs;
        this.targetDriver = targetDriver;
    }

    @Override
    public String name() {
        return "DBShift CLI (dbshift copy)";
    }

    @Override
    public String settings() {
        return "--jobs " + jobs + ", own JVM, read mariadb, write " + targetDriver.shortName();
    }

    @Override
    public boolean needsTargetTable() {
        return true;
    }

    @Override
    public String targetDatabase(CopyJob job) {
        if (job.sameServer()) {
            throw new IllegalStateException("dbshift copy keeps database names; it cannot copy within one server");
        }
        return job.sourceDb();
    }

    @Override
    public String copy(CopyJob job) throws Exception {
        List<String> command = List.of(launcher.toString(), "copy", "--source", job.source().url(JdbcDriver.MARIADB, ""),
                "--source-user", job.source().user(), "--target", job.target().url(targetDriver, ""), "--target-user",
                job.target().user(), "--jobs", Integer.toString(jobs), "--databases", job.sourceDb(), "--out",
                job.scratch().resolve("cli-report").toString());
        ExternalProcess.run(command, job.log("dbshift-cli.log"),
                Map.of("DBSHIFT_SOURCE_PASSWORD", "", "DBSHIFT_TARGET_PASSWORD", ""));
        return null;
    }
}
