package dbshift.sqlserver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dbshift.core.assess.Finding;
import dbshift.core.assess.Severity;
import dbshift.core.engine.ConnectionSpec;
import dbshift.core.engine.Dialects;
import dbshift.core.engine.Endpoint;
import dbshift.core.engine.StatementCheck;
import dbshift.core.model.Catalog;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationOptions;
import dbshift.core.run.MigrationRun;
import dbshift.core.run.Status;
import dbshift.core.run.TableResult;
import dbshift.embedded.SharedServers;

/**
 * The opt-in live suite against a real server that speaks SQL Server's protocol (SQL Server 2016+, Azure SQL, or
 * Babelfish for PostgreSQL): run with {@code -Dsqlserver.url='jdbc:sqlserver://host:1433;encrypt=false'
 * -Dsqlserver.user=NAME} and the password in {@code DBSHIFT_TEST_SQLSERVER_PASSWORD}; without the URL every test is
 * skipped (and shown as skipped). The login must be allowed to create databases: the suite creates
 * {@code dbshift_live_*} databases, dropping them first. Where the server is Babelfish, what it cannot do is
 * asserted as such by name ({@link #BABELFISH_EXCEPTIONS}), not left out.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// disabled tests are reported as skipped, one by one (an assumption in @BeforeAll would report none at all)
@EnabledIfSystemProperty(named = "sqlserver.url", matches = ".+", disabledReason = "no live SQL Server: run with "
        + "-Dsqlserver.url=... -Dsqlserver.user=... and DBSHIFT_TEST_SQLSERVER_PASSWORD set")
class LiveSqlServerTest {
    static final String SOURCE = "dbshift_live_src";
    static final String TARGET = "dbshift_live_copy";
    static final String FROM_MYSQL = "dbshift_live_from_mysql";
    /** Rows generated on the server (-Dsqlserver.rows scales the orders; the default keeps the suite short). */
    static final int ORDERS = Integer.getInteger("sqlserver.rows", 20_000);
    /**
     * What Babelfish 4.2 cannot do, by test: change tracking (no CHANGETABLE, no ALTER DATABASE ... SET
     * CHANGE_TRACKING), SET PARSEONLY only as its own batch (the suite sends it so), uniqueidentifier through the bulk copy
     * (loaded with INSERTs instead, a finding says so).
     */
    static final List<String> BABELFISH_EXCEPTIONS = List.of("changeTrackingSyncWhereTheServerHasIt: not supported",
            "uniqueidentifier bulk load: INSERTs instead (SQLSERVER-LOAD-METHOD)");

    private static String url;
    private static String user;
    private static char[] password;
    private static boolean babelfish;

    @BeforeAll
    static void server() throws SQLException {
        url = System.getProperty("sqlserver.url", "");
        assumeTrue(!url.isBlank(), "no live SQL Server: run with -Dsqlserver.url=... -Dsqlserver.user=... and "
                + "DBSHIFT_TEST_SQLSERVER_PASSWORD set");
        user = System.getProperty("sqlserver.user", "sa");
        String pw = System.getenv("DBSHIFT_TEST_SQLSERVER_PASSWORD");
        password = pw == null ? new char[0] : pw.toCharArray();
        try (Connection c = connect("master"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT @@VERSION")) {
            rs.next();
            babelfish = rs.getString(1).contains("Babelfish");
        }
        for (String db : List.of(SOURCE, TARGET, FROM_MYSQL)) {
            recreate(db);
        }
        String sample = Resources.text("live-sample.sql").replace("@customers", String.valueOf(Math.max(100, ORDERS / 20)))
                .replace("@products", String.valueOf(Math.max(50, ORDERS / 100))).replace("@orders", String.valueOf(ORDERS));
        try (Connection c = connect(SOURCE); Statement s = c.createStatement()) {
            for (String batch : sample.split("(?m)^GO\\s*$")) {
                String sql = batch.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip();
                if (!sql.isEmpty()) {
                    s.execute(sql);
                }
            }
        }
    }

    static String url(String database) {
        return url.replaceAll("(?i);databaseName=[^;]*", "") + ";databaseName=" + database;
    }

    static Connection connect(String database) throws SQLException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", user);
        p.setProperty("password", new String(password));
        return new com.microsoft.sqlserver.jdbc.SQLServerDriver().connect(url(database), p);
    }

    static Endpoint endpoint(String database) {
        return Migration.connect("live", new ConnectionSpec(url(database), user, password.clone(), Map.of()));
    }

    private static void recreate(String database) throws SQLException {
        try (Connection c = connect("master"); Statement s = c.createStatement()) {
            s.execute("IF DB_ID(N'" + database + "') IS NOT NULL DROP DATABASE [" + database + "]");
            s.execute("CREATE DATABASE [" + database + "]");
        }
    }

    private static MigrationRun migrate(Endpoint source, Endpoint target, String kind, MigrationOptions options) {
        Migration m = Migration.live(source, target, Dialects.targetKind(kind), options);
        long start = System.nanoTime();
        try {
            m.migrate();
        } catch (RuntimeException e) {
            throw new AssertionError(e.getMessage() + " " + m.run().steps() + " " + m.run().statements() + " " + m.run().tables(), e);
        }
        MigrationRun run = m.run();
        long rows = run.tables().stream().mapToLong(t -> t.targetRows() == null ? 0 : t.targetRows()).sum();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("live %s -> %s (%s): %d rows in %.1f s, %.0f rows/s%n", source, target, kind, rows, seconds, rows / seconds);
        return run;
    }

    private static void assertAllMatch(MigrationRun run) {
        assertFalse(run.tables().isEmpty(), "no tables copied");
        for (TableResult t : run.tables()) {
            assertEquals("match", t.checksum(), () -> t.schema() + "." + t.name() + ": " + t.mismatches() + " " + t.message());
        }
        assertFalse(run.hasFailures(), () -> run.steps() + " " + run.objects() + " " + run.statements() + " "
                + run.findings().stream().filter(f -> f.isBlocking() || f.ruleId().equals("READ-PROBLEM")).toList());
    }

    private String kind() {
        return babelfish ? "babelfish" : "sqlserver";
    }

    @Test
    @Order(1)
    void assessForEveryTargetKind() {
        for (String kind : List.of("sqlserver", "azure-sql-db", "azure-sql-mi", "babelfish")) {
            Migration m = Migration.live(endpoint(SOURCE), null, Dialects.targetKind(kind), MigrationOptions.defaults());
            Catalog c = m.readSource();
            assertEquals(3, c.tables().size(), kind + ": " + c.tables());
            List<Finding> findings = m.assess();
            assertTrue(findings.stream().noneMatch(f -> f.ruleId().equals("SOURCE-NO-TABLES")), findings::toString);
            assertTrue(findings.stream().noneMatch(f -> f.object().contains("sys.columns") || f.object().contains("sys.tables")),
                    findings::toString);
            if (kind.equals("babelfish")) {
                // the sample's datetime2, time and datetimeoffset keep at most six digits: nothing to report
                assertTrue(findings.stream().noneMatch(f -> f.ruleId().equals("BABELFISH-TIME-PRECISION")), findings::toString);
            }
        }
    }

    @Test
    @Order(2)
    void sqlServerToSqlServerDatabaseToDatabase() {
        MigrationOptions options = MigrationOptions.defaults().withSchemas(List.of("dbo")).withChunkRows(Math.max(1000, ORDERS / 8));
        MigrationRun run = migrate(endpoint(SOURCE), endpoint(TARGET), kind(), options);
        assertAllMatch(run);
        if (babelfish) {
            assertTrue(run.findings().stream().anyMatch(f -> f.ruleId().equals("SQLSERVER-LOAD-METHOD")
                    && f.object().contains("products")), () -> "uniqueidentifier table loads with INSERTs: " + run.findings());
        }
        // a second run finds everything and does nothing again
        MigrationRun again = migrate(endpoint(SOURCE), endpoint(TARGET), kind(), options);
        assertAllMatch(again);
        assertTrue(again.objects().stream().filter(o -> o.type().equals("table")).allMatch(o -> o.status() == Status.EXISTS),
                again.objects()::toString);
        assertTrue(again.tables().stream().allMatch(t -> t.status() == Status.SKIPPED), again.tables()::toString);
    }

    @Test
    @Order(3)
    void sqlServerToMySql8() throws SQLException {
        Servers.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `" + SOURCE + "`", "DROP DATABASE IF EXISTS `_dbshift`");
        MigrationOptions options = MigrationOptions.defaults().withSchemas(List.of("dbo"));
        MigrationRun run = migrate(endpoint(SOURCE), Servers.endpoint(SharedServers.mySqlTarget()), "mysql", options);
        assertAllMatch(run);
        // the translated view concatenates names as the source does
        try (Connection c = Servers.connect(SharedServers.mySqlTarget()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT full_name FROM `" + SOURCE + "`.`v_customer_names` ORDER BY id LIMIT 1")) {
            assertTrue(rs.next());
            assertEquals("Fírst1 Läst1", rs.getString(1));
        }
    }

    @Test
    @Order(4)
    void mySql8ToSqlServer() throws SQLException {
        Servers.execute(SharedServers.mySql(), "DROP DATABASE IF EXISTS live_shop", "CREATE DATABASE live_shop",
                "CREATE TABLE live_shop.items (id INT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(100) NOT NULL, note TEXT, "
                        + "price DECIMAL(10,2), created DATETIME(3), flag TINYINT(1), data LONGBLOB, u CHAR(36), d DATE, t TIME, "
                        + "f DOUBLE, e ENUM('a','b'), j JSON)",
                "INSERT INTO live_shop.items (name, note, price, created, flag, data, u, d, t, f, e, j) VALUES "
                        + "('Widget', 'é', 9.99, '2024-01-02 03:04:05.123', 1, 0x0102, UUID(), '2024-02-03', '12:34:56', 1.5, 'a', '{\"a\": 1}'), "
                        + "('Gadgét', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
                "CREATE TABLE live_shop.lines (id BIGINT PRIMARY KEY, item_id INT, qty INT, FOREIGN KEY (item_id) REFERENCES live_shop.items (id))",
                "INSERT INTO live_shop.lines VALUES (1, 1, 3), (2, NULL, 1)");
        MigrationOptions options = MigrationOptions.defaults().withSchemas(List.of("live_shop"));
        assertAllMatch(migrate(Servers.endpoint(SharedServers.mySql()), endpoint(FROM_MYSQL), kind(), options));
        // again with INSERTs into another schema's worth of tables: the same checkpoints and verification
        MigrationRun insert = migrate(Servers.endpoint(SharedServers.mySql()), endpoint(FROM_MYSQL), kind(),
                options.withEngineOption("sqlserver.loadMethod", "insert"));
        assertAllMatch(insert);
    }

    @Test
    @Order(5)
    void dryRunParsesWithoutExecuting() throws SQLException {
        var dialect = Dialects.require("sqlserver");
        try (Connection c = connect(TARGET)) {
            StatementCheck ok = dialect.checkStatement(c, "CREATE TABLE dbo.never_created (id int PRIMARY KEY)");
            assertEquals(StatementCheck.Verdict.VALID, ok.verdict(), ok::toString);
            StatementCheck bad = dialect.checkStatement(c, "CREATE TABLE dbo.broken (id int PRIMARY KEY,, )");
            assertEquals(StatementCheck.Verdict.INVALID, bad.verdict(), bad::toString);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sys.tables WHERE name = 'never_created'")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "SET PARSEONLY ON must not execute the statement");
            }
        }
    }

    @Test
    @Order(6)
    void principalsScriptDeploys() throws SQLException {
        try (Connection c = connect(SOURCE); Statement s = c.createStatement()) {
            s.execute("IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = 'live_reader') CREATE ROLE live_reader");
            s.execute("GRANT SELECT ON dbo.customers TO live_reader");
        }
        Migration m = Migration.live(endpoint(SOURCE), endpoint(TARGET), Dialects.targetKind(kind()),
                MigrationOptions.defaults().withSchemas(List.of("dbo")).withUsers(List.of("live_reader")));
        m.users();
        assertFalse(m.run().hasFailures(), () -> m.run().principals() + " " + m.run().statements());
        try (Connection c = connect(TARGET); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sys.database_principals WHERE name = 'live_reader' AND type = 'R'")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "role created on the target");
        }
    }

    @Test
    @Order(7)
    void changeTrackingSyncWhereTheServerHasIt() throws SQLException {
        List<String> refused = new ArrayList<>();
        try (Connection c = connect(SOURCE); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE [" + SOURCE + "] SET CHANGE_TRACKING = ON (CHANGE_RETENTION = 1 DAYS)");
        } catch (SQLException e) {
            refused.add(e.getMessage());
        }
        // reported, not failed: a server without change tracking (Babelfish) cannot sync from it
        assumeTrue(refused.isEmpty(), () -> "the server has no change tracking, sync is not checked: " + refused);
        try (Connection c = connect(SOURCE); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE dbo.customers ENABLE CHANGE_TRACKING");
        }
        Migration m = Migration.live(endpoint(SOURCE), endpoint(TARGET), Dialects.targetKind(kind()),
                MigrationOptions.defaults().withSchemas(List.of("dbo")));
        try (Connection c = connect(SOURCE); Statement s = c.createStatement()) {
            s.execute("UPDATE dbo.customers SET vip = 1 - vip WHERE id <= 10");
        }
        m.sync(true, 60);
        m.verify();
        assertFalse(m.run().hasFailures(), () -> m.run().steps() + " " + m.run().tables());
    }
}
