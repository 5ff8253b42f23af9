package dbshift.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code dbshift copy} or {@code dbshift migrate} as a user runs it: its own JVM (the product's launcher),
 * connecting, reading both catalogs, copying and writing the report; {@code migrate} also assesses, deploys the
 * schema (the benchmark leaves the target database empty for it) and verifies every slice against the source,
 * which is the whole run a user waits for. Between two servers it copies into a database named like the source's;
 * on one server into the benchmark's target database, named with {@code --map-database}.
 */
final class DbShiftCliTool implements CopyTool {
    private final Path launcher;
    private final String command;
    private final int jobs;
    private final JdbcDriver sourceDriver;
    private final JdbcDriver targetDriver;
    private boolean baseline;

    /** @param command {@code copy} or {@code migrate} */
    DbShiftCliTool(Path launcher, String command, int jobs, JdbcDriver sourceDriver, JdbcDriver targetDriver) {
        this.launcher = launcher;
        this.command = command;
        this.jobs = jobs;
        this.sourceDriver = sourceDriver;
        this.targetDriver = targetDriver;
    }

    /** Marks the rows of another build (--baseline-cli). */
    DbShiftCliTool baseline() {
        baseline = true;
        return this;
    }

    boolean isBaseline() {
        return baseline;
    }

    boolean isMigrate() {
        return command.equals("migrate");
    }

    @Override
    public String name() {
        return "dbshift " + command + (isMigrate() ? " (schema, copy, verify)" : " (CLI)") + (baseline ? ", baseline build" : "");
    }

    @Override
    public String settings() {
        return "--jobs " + jobs + ", own JVM, read " + sourceDriver.shortName() + ", write " + targetDriver.shortName();
    }

    @Override
    public boolean needsTargetTable() {
        // migrate deploys the schema itself
        return !isMigrate();
    }

    @Override
    public String targetDatabase(CopyJob job) {
        // on one server the copy goes to another database, named with --map-database (the same-server path)
        return job.sameServer() ? job.targetDb() : job.sourceDb();
    }

    @Override
    public String copy(CopyJob job) throws Exception {
        List<String> cmd = List.of(launcher.toString(), command, "--source", job.source().url(sourceDriver, ""),
                "--source-user", job.source().user(), "--target", job.target().url(targetDriver, ""), "--target-user",
                job.target().user(), "--jobs", Integer.toString(jobs), "--databases", job.sourceDb(), "--out",
                job.scratch().resolve("cli-report").toString());
        if (job.sameServer()) {
            cmd = new java.util.ArrayList<>(cmd);
            cmd.addAll(List.of("--map-database", job.sourceDb() + "=" + job.targetDb()));
        }
        ExternalProcess.run(cmd, job.log("dbshift-" + command + ".log"),
                Map.of("DBSHIFT_SOURCE_PASSWORD", "", "DBSHIFT_TARGET_PASSWORD", ""));
        return null;
    }
}
