package dbshift.bench;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import dbshift.core.data.CopyEngine;
import dbshift.core.data.TableMapping;
import dbshift.core.engine.ConnectionSpec;
import dbshift.core.engine.Endpoint;
import dbshift.mysql.MySqlBulkLoader;
import dbshift.core.model.Catalog;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.Table;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationOptions;
import dbshift.core.run.MigrationRun;
import dbshift.core.run.Status;
import dbshift.core.run.TableResult;

/**
 * DBShift's copy in this JVM, through the engine's own path: {@link Migration#connect} (which detects the server),
 * the catalog reader for the table's definition and statistics, and {@link CopyEngine} with its slices,
 * checkpoints, LOAD DATA warning checks and row-count checks. The timed part is all of that, everything
 * {@code dbshift copy} does except starting a JVM (the command-line row measures that too). The target table is
 * the source's definition under the target database's name, because on one server the two databases differ.
 */
final class DbShiftTool implements CopyTool {
    private final JdbcDriver sourceDriver;
    private final JdbcDriver targetDriver;
    private final String method;
    private final int jobs;
    private final boolean forceGc;
    private HeapSampler.HeapStats lastHeap;
    private String lastMethod;

    /**
     * @param method {@code auto}, {@code load-data} or {@code insert} (the engine's {@link MySqlBulkLoader#METHOD_PROPERTY})
     * @param forceGc force a full collection every second to measure the live heap (slows the copy a little)
     */
    DbShiftTool(JdbcDriver sourceDriver, JdbcDriver targetDriver, String method, int jobs, boolean forceGc) {
        this.sourceDriver = sourceDriver;
        this.targetDriver = targetDriver;
        this.method = method;
        this.jobs = jobs;
        this.forceGc = forceGc;
    }

    @Override
    public String name() {
        // the main row uses what the engine picks; a forced method is shown as its own row
        return method.equals("auto") ? "DBShift" : "DBShift, streamed (" + method + ")";
    }

    @Override
    public String settings() {
        return "--jobs " + jobs + ", " + (method.equals("auto") ? "method auto" : method) + ", read " + sourceDriver.shortName()
                + ", write " + targetDriver.shortName();
    }

    JdbcDriver sourceDriver() {
        return sourceDriver;
    }

    JdbcDriver targetDriver() {
        return targetDriver;
    }

    int jobs() {
        return jobs;
    }

    String requestedMethod() {
        return method;
    }

    /** The heap seen during the last copy. */
    HeapSampler.HeapStats lastHeap() {
        return lastHeap;
    }

    /** The method the engine reported for the last copy, e.g. {@code LOAD DATA LOCAL}. */
    String lastMethod() {
        return lastMethod;
    }

    @Override
    public boolean needsTargetTable() {
        return true;
    }

    @Override
    public String copy(CopyJob job) throws Exception {
        String previous = System.getProperty(MySqlBulkLoader.METHOD_PROPERTY);
        System.setProperty(MySqlBulkLoader.METHOD_PROPERTY, method);
        HeapSampler sampler = new HeapSampler(forceGc);
        try {
            Endpoint source = Migration.connect("source", spec(job.source(), sourceDriver, job.sourceDb()));
            Endpoint target = Migration.connect("target", spec(job.target(), targetDriver, job.targetDb()));
            Catalog catalog;
            try (Connection c = source.open()) {
                catalog = source.dialect().catalogReader().orElseThrow().read(c, List.of(job.sourceDb()), false);
            }
            Table from = catalog.table(QualifiedName.of(job.sourceDb(), OrdersTable.NAME))
                    .orElseThrow(() -> new IllegalStateException("the source has no table " + OrdersTable.NAME));
            Table to = from.withName(QualifiedName.of(job.targetDb(), OrdersTable.NAME));
            MigrationOptions options = MigrationOptions.defaults().withJobs(jobs);
            MigrationRun run = new MigrationRun(source.spec().displayUrl(), target.spec().displayUrl(), target.dialect().id(),
                    options);
            new CopyEngine(source, target, options, run).copy(List.of(new TableMapping(from, to)));
            TableResult result = run.tables().stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("the engine reported no table"));
            lastMethod = result.method();
            if (result.status() != Status.OK) {
                throw new IllegalStateException("DBShift reported " + result.status() + ": " + result.message());
            }
            if (result.targetRows() == null || result.targetRows() != job.expectedRows()) {
                throw new IllegalStateException("DBShift reported " + result.targetRows() + " rows copied, expected "
                        + job.expectedRows());
            }
            return result.method();
        } finally {
            lastHeap = sampler.stop();
            if (previous == null) {
                System.clearProperty(MySqlBulkLoader.METHOD_PROPERTY);
            } else {
                System.setProperty(MySqlBulkLoader.METHOD_PROPERTY, previous);
            }
        }
    }

    private static ConnectionSpec spec(BenchServer server, JdbcDriver driver, String database) {
        return new ConnectionSpec(server.url(driver, database), server.user(), new char[0], Map.of());
    }
}
