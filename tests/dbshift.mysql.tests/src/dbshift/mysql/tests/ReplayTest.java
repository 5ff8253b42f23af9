package dbshift.mysql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dbshift.core.engine.Dialects;
import dbshift.core.replay.CapturedStatement;
import dbshift.core.replay.NameMap;
import dbshift.core.replay.ReplayOptions;
import dbshift.core.replay.ReplayReport;
import dbshift.core.replay.ReplayResult;
import dbshift.core.replay.ReplayStatus;
import dbshift.core.replay.StatementReplay;
import dbshift.core.replay.Workload;
import dbshift.core.replay.WorkloadFile;
import dbshift.core.replay.WorkloadReplay;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationOptions;
import dbshift.embedded.EmbeddedServer;
import dbshift.embedded.SharedServers;

/**
 * Workload capture and replay against real servers: an application's queries on MariaDB, captured from its general
 * and slow query logs, replay with equal answers on the MySQL 8 target after a migration; a target broken on
 * purpose (a view changed, a collation changed, an index dropped) shows exactly those differences and the plan
 * regression; engine semantics that differ are reported, not crashed on; performance_schema capture on MySQL 8;
 * no secret in a workload file.
 */
class ReplayTest {
    private static final String SECRET_PASSWORD = "S3cr3t-Passw0rd!";
    private static final String SECRET_TOKEN = "tok_9fQ2xL7pZ3mK8vR1sT4wY6uBq";

    /** What the application runs, as it would: literals in the text, several executions of a shape. */
    private static final List<String> APPLICATION = List.of(
            "SELECT id, name, email FROM customers WHERE id = 7",
            "SELECT id, name, email FROM customers WHERE id = 8",
            "SELECT id, name, email FROM customers WHERE id = 9",
            "SELECT id, total, status FROM orders WHERE customer_id = 7 ORDER BY id",
            "SELECT status, COUNT(*) AS n, SUM(total) AS revenue FROM orders GROUP BY status",
            "SELECT id, total FROM big_orders",
            "SELECT id FROM customers WHERE name = 'alice smith'",
            "SELECT name FROM customers WHERE id <= 6 ORDER BY name",
            "SELECT c.name, o.total, o.note FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id < 20 ORDER BY o.id",
            "SELECT id, note FROM orders WHERE id BETWEEN 1 AND 12 ORDER BY note, id",
            "SELECT AVG(total), MAX(created) FROM orders WHERE customer_id = 12",
            "SELECT id FROM customers WHERE api_token = '" + SECRET_TOKEN + "'",
            "SELECT COUNT(*) FROM orders WHERE created > NOW() - INTERVAL 1 DAY",
            "UPDATE orders SET note = 'seen' WHERE id = 1",
            "CREATE USER IF NOT EXISTS 'rpl_app'@'%' IDENTIFIED BY '" + SECRET_PASSWORD + "'");

    @Test
    void mariaDbWorkloadReplaysEqualOnMySqlAndABrokenTargetShowsEachDifference(@TempDir Path dir) throws Exception {
        EmbeddedServer source = SharedServers.mariaDb();
        EmbeddedServer target = SharedServers.mySqlTarget();
        createShop(source);
        Fixtures.execute(target, "DROP DATABASE IF EXISTS `rpl`");
        TypeFidelityTest.clearCopyState("rpl");

        // the application runs with both query logs on
        Path general = dir.resolve("general.log");
        Path slow = dir.resolve("slow.log");
        Fixtures.execute(source, "SET GLOBAL log_output = 'FILE'", "SET GLOBAL general_log_file = '" + general + "'",
                "SET GLOBAL slow_query_log_file = '" + slow + "'", "SET GLOBAL long_query_time = 0",
                "SET GLOBAL general_log = ON", "SET GLOBAL slow_query_log = ON");
        try {
            runApplication(source);
        } finally {
            Fixtures.execute(source, "SET GLOBAL general_log = OFF", "SET GLOBAL slow_query_log = OFF", "SET GLOBAL long_query_time = 10");
        }
        Workload fromGeneral = Dialects.require("mariadb").workloadCapture().orElseThrow().fromLog(general, List.of("rpl"));
        Workload fromSlow = Dialects.require("mariadb").workloadCapture().orElseThrow().fromLog(slow, List.of("rpl"));
        assertEquals("general_log", fromGeneral.method());
        assertEquals("slow_log", fromSlow.method());
        for (Workload w : List.of(fromGeneral, fromSlow)) {
            // three executions of one shape, grouped, the newest literal kept
            CapturedStatement byId = only(w, s -> s.text().startsWith("SELECT id, name, email FROM customers WHERE id ="));
            assertEquals(3, byId.count(), w.method());
            assertEquals("rpl", byId.schema(), w.method());
            assertTrue(byId.text().endsWith("= 9"), byId.text());
            assertEquals(APPLICATION.size() - 3, w.statements().size(), w.method() + ": " + w.statements());
            assertNotNull(w.from(), w.method());
            assertTrue(w.notes().stream().anyMatch(n -> n.contains("credentials")), w.notes().toString());
        }
        assertNull(only(fromGeneral, s -> s.text().contains("big_orders")).totalMillis(), "a general log has no durations");
        assertNotNull(only(fromSlow, s -> s.text().contains("big_orders")).totalMillis(), "a slow log has durations");
        Path file = dir.resolve("capture/workload.json");
        WorkloadFile.write(fromGeneral, file);
        String json = Files.readString(file);
        assertFalse(json.contains(SECRET_PASSWORD), "no password in the workload file");
        assertFalse(json.contains(SECRET_TOKEN), "no secret-looking literal in the workload file");
        assertTrue(json.contains("<redacted>"), json);
        Workload workload = WorkloadFile.read(file);

        // migrate, then replay: every query gives the source's answer
        MigrationOptions options = MigrationOptions.defaults().withSchemas(List.of("rpl"));
        Migration migration = Migration.live(Fixtures.endpoint(source), Fixtures.endpoint(target), Dialects.targetKind("mysql"), options);
        migration.migrate();
        assertFalse(migration.run().hasFailures(), migration.run().steps().toString());
        ReplayOptions replayOptions = ReplayOptions.defaults().withRuns(3);
        ReplayResult equal = new WorkloadReplay(Fixtures.endpoint(source), Fixtures.endpoint(target),
                NameMap.of(migration.convert().tableNames()), replayOptions).replay(workload);
        for (StatementReplay s : equal.statements()) {
            if (s.status() == ReplayStatus.NOT_REPLAYABLE) {
                assertTrue(s.sql().startsWith("UPDATE"), "only the UPDATE is not replayed: " + s);
                assertTrue(s.message().contains("only queries are replayed"), s.message());
            } else if (s.sql().contains("NOW()")) {
                assertEquals(ReplayStatus.NOT_COMPARED, s.status(), s.toString());
            } else {
                assertEquals(ReplayStatus.EQUAL, s.status(), s.toString());
                assertEquals(3, s.sourceLatency().runs());
                assertFalse(s.planRegression(), s.toString());
            }
        }
        assertFalse(equal.hasDifferences());
        assertEquals(1, equal.summary().notReplayable());

        // break the target three ways
        Fixtures.execute(target, "CREATE OR REPLACE VIEW `rpl`.`big_orders` AS SELECT `id`, `total` FROM `rpl`.`orders` WHERE `total` > 300",
                "ALTER TABLE `rpl`.`customers` MODIFY `name` VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL",
                "ALTER TABLE `rpl`.`orders` DROP INDEX `ix_orders_customer`");
        ReplayResult broken = new WorkloadReplay(Fixtures.endpoint(source), Fixtures.endpoint(target), NameMap.identity(),
                replayOptions).replay(workload);
        assertTrue(broken.hasDifferences());
        StatementReplay view = find(broken, "FROM big_orders");
        assertEquals(ReplayStatus.DIFFERS, view.status());
        assertTrue(view.message().contains("only on the source"), view.message());
        assertTrue(view.differences().stream().allMatch(d -> d.startsWith("only on the source")), view.differences().toString());
        StatementReplay caseless = find(broken, "name = 'alice smith'");
        assertEquals(ReplayStatus.DIFFERS, caseless.status());
        assertEquals(1L, caseless.sourceRows());
        assertEquals(0L, caseless.targetRows());
        StatementReplay sorted = find(broken, "ORDER BY name");
        assertEquals(ReplayStatus.DIFFERS, sorted.status());
        assertTrue(sorted.message().startsWith("same rows in a different order"), sorted.message());
        StatementReplay byCustomer = find(broken, "WHERE customer_id = 7 ORDER BY id");
        assertEquals(ReplayStatus.EQUAL, byCustomer.status(), "a dropped index changes no answer");
        assertTrue(byCustomer.planRegression(), byCustomer.toString());
        assertTrue(byCustomer.planNote().contains("orders in full") && byCustomer.planNote().contains("ix_orders_customer"),
                byCustomer.planNote());
        assertTrue(byCustomer.regression());
        assertEquals(ReplayStatus.EQUAL, find(broken, "GROUP BY status").status(), "untouched statements stay equal");

        // the report says the same
        Path out = dir.resolve("replay");
        ReplayReport.write(broken, out);
        @SuppressWarnings("unchecked")
        Map<String, Object> report = new ObjectMapper().readValue(out.resolve("replay.json").toFile(), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) report.get("summary");
        assertEquals(3, summary.get("differing"));
        assertTrue(((Number) summary.get("planRegressions")).intValue() >= 1, summary.toString());
        String csv = Files.readString(out.resolve("replay.csv"));
        assertTrue(csv.lines().anyMatch(l -> l.contains("differs") && l.contains("big_orders")), csv);
        String html = Files.readString(out.resolve("replay.html"));
        assertTrue(html.contains("Top regressions") && html.contains("orders in full"), html);
        assertTrue(html.contains("only on the source"), html);
        assertEquals(broken.statements().size(), ReplayReport.read(out.resolve("replay.json")).statements().size());
    }

    /**
     * Semantics that differ between MariaDB 11.4 and MySQL 8 as they come: PAD SPACE vs NO PAD collations, ONLY_FULL_GROUP_BY,
     * a division's scale under another div_precision_increment; NULLs sort first in both (as in SQL Server), and an
     * ordering that does differ is reported as such.
     */
    @Test
    void engineSemanticsDifferencesAreReportedClearly() throws Exception {
        EmbeddedServer source = SharedServers.mariaDb();
        EmbeddedServer target = SharedServers.mySqlTarget();
        String create = "CREATE TABLE `sem`.`t` (`id` INT NOT NULL PRIMARY KEY, `grp` INT NOT NULL, `v` VARCHAR(10) NULL)";
        String rows = "INSERT INTO `sem`.`t` VALUES (1, 1, 'b'), (2, 1, NULL), (3, 2, 'a'), (4, 2, NULL), (5, 3, 'c')";
        for (EmbeddedServer s : List.of(source, target)) {
            Fixtures.execute(s, "DROP DATABASE IF EXISTS `sem`", "CREATE DATABASE `sem`", create, rows);
        }
        Workload w = workload("sem",
                "SELECT 'a ' = 'a' AS padded, 'x' = 'X' AS caseless",
                "SELECT 7 / 2 AS q, 7 DIV 2 AS d",
                "SELECT grp, v FROM t GROUP BY grp",
                "SELECT id, v FROM t ORDER BY v, id",
                "SELECT id, v FROM t ORDER BY v DESC, id",
                "SELECT id FROM t ORDER BY CAST(id AS CHAR) DESC LIMIT 3",
                "SELECT no_such_column FROM t",
                "SELECT 0.1e0 + 0.2e0 AS d, JSON_OBJECT('a', 1, 'b', 'x') AS j, CAST('2024-01-02 03:04:05.012' AS DATETIME(3)) AS ts");
        Fixtures.execute(target, "SET GLOBAL div_precision_increment = 0");
        ReplayResult r;
        try {
            r = new WorkloadReplay(Fixtures.endpoint(source), Fixtures.endpoint(target), NameMap.identity(),
                    ReplayOptions.defaults().withRuns(1)).replay(w);
        } finally {
            Fixtures.execute(target, "SET GLOBAL div_precision_increment = 4");
        }
        StatementReplay pad = find(r, "'a ' = 'a'");
        assertEquals(ReplayStatus.DIFFERS, pad.status(), pad.toString());
        assertTrue(pad.differences().contains("only on the source: (1, 1)") && pad.differences().contains("only on the target: (0, 1)"),
                pad.differences().toString());
        StatementReplay division = find(r, "7 / 2");
        assertEquals(ReplayStatus.DIFFERS, division.status());
        assertTrue(division.differences().contains("only on the source: (3.5, 3)"), division.differences().toString());
        StatementReplay grouped = find(r, "GROUP BY grp");
        assertEquals(ReplayStatus.ERROR_TARGET, grouped.status());
        assertTrue(grouped.message().contains("ONLY_FULL_GROUP_BY") && grouped.targetError().contains("1055"), grouped.toString());
        assertEquals(ReplayStatus.EQUAL, find(r, "ORDER BY v, id").status(), "NULLs first on both");
        assertEquals(ReplayStatus.EQUAL, find(r, "ORDER BY v DESC").status(), "NULLs last on both when descending");
        assertEquals(ReplayStatus.EQUAL, find(r, "CAST(id AS CHAR)").status());
        assertEquals(ReplayStatus.ERROR_BOTH, find(r, "no_such_column").status());
        // doubles, JSON documents and fractional seconds compare by meaning, as verification compares them
        assertEquals(ReplayStatus.EQUAL, find(r, "0.1e0 + 0.2e0").status(), find(r, "0.1e0 + 0.2e0").toString());
        assertTrue(r.statements().stream().noneMatch(s -> s.differences().stream().anyMatch(d -> d.contains(".12"))));
        assertTrue(r.hasDifferences());
    }

    /** MySQL 8's performance_schema: digests with counts and times, texts from the statement history, secrets redacted. */
    @Test
    void performanceSchemaCaptureOnMySql() throws Exception {
        EmbeddedServer mysql = SharedServers.mySql();
        Fixtures.execute(mysql, "DROP DATABASE IF EXISTS `pscap`", "CREATE DATABASE `pscap`",
                "CREATE TABLE `pscap`.`items` (`id` INT PRIMARY KEY, `name` VARCHAR(40), `secret_key` VARCHAR(64))",
                "INSERT INTO `pscap`.`items` VALUES (1, 'one', 'k1'), (2, 'two', 'k2'), (3, 'three', 'k3')",
                "UPDATE performance_schema.setup_consumers SET ENABLED = 'YES' WHERE NAME = 'events_statements_history_long'",
                "TRUNCATE TABLE performance_schema.events_statements_summary_by_digest",
                "TRUNCATE TABLE performance_schema.events_statements_history_long");
        try (Connection c = Fixtures.connect(mysql); Statement s = c.createStatement()) {
            s.execute("USE pscap");
            for (int i = 1; i <= 4; i++) {
                s.executeQuery("SELECT name FROM items WHERE id = " + i).close();
            }
            s.executeQuery("SELECT id FROM items WHERE secret_key = 'k2'").close();
            s.executeQuery("SELECT COUNT(*) FROM items").close();
        }
        Workload w;
        try (Connection c = Fixtures.connect(mysql)) {
            w = Dialects.require("mysql").workloadCapture().orElseThrow().capture(c, List.of("pscap"), "jdbc:mysql://test/");
        }
        assertEquals("performance_schema", w.method());
        CapturedStatement byId = only(w, s -> s.text() != null && s.text().startsWith("SELECT name FROM items WHERE id ="));
        assertEquals(4, byId.count());
        assertEquals("pscap", byId.schema());
        assertNotNull(byId.totalMillis());
        assertTrue(byId.shape().contains("?"), byId.shape());
        CapturedStatement secret = only(w, s -> s.text() != null && s.text().contains("secret_key"));
        assertEquals("SELECT id FROM items WHERE secret_key = '<redacted>'", secret.text());
        assertEquals(1, secret.redacted());
        assertNotNull(only(w, s -> s.text() != null && s.text().contains("COUNT(*)")));
        assertTrue(w.statements().stream().noneMatch(s -> s.text() != null && s.text().contains("performance_schema")),
                "the capture's own queries are left out");
        assertNotNull(w.from());
        assertNotNull(w.to());
    }

    /** MariaDB 11.4 as the test fixture starts it has performance_schema off: the capture says how to proceed. */
    @Test
    void captureWithoutPerformanceSchemaSaysWhatToDo() throws Exception {
        try (Connection c = Fixtures.connect(SharedServers.mariaDb())) {
            SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> Dialects.require("mariadb").workloadCapture().orElseThrow().capture(c, List.of(), "x"));
            assertTrue(e.getMessage().contains("performance_schema is OFF") && e.getMessage().contains("--from-log"), e.getMessage());
        }
    }

    static void createShop(EmbeddedServer source) throws SQLException {
        Fixtures.execute(source, "DROP DATABASE IF EXISTS `rpl`", "CREATE DATABASE `rpl` CHARACTER SET utf8mb4",
                "CREATE TABLE `rpl`.`customers` (`id` INT NOT NULL PRIMARY KEY, `name` VARCHAR(100) NOT NULL, "
                        + "`email` VARCHAR(120) NOT NULL, `api_token` VARCHAR(40) NULL)",
                "CREATE TABLE `rpl`.`orders` (`id` INT NOT NULL PRIMARY KEY, `customer_id` INT NOT NULL, `total` DECIMAL(10,2) NOT NULL, "
                        + "`status` VARCHAR(10) NOT NULL, `note` VARCHAR(40) NULL, `created` DATETIME NOT NULL, KEY `ix_orders_customer` (`customer_id`))",
                "INSERT INTO `rpl`.`customers` VALUES (1, 'bob', 'b@x.org', NULL), (2, 'Alice Smith', 'a@x.org', NULL), "
                        + "(3, 'carol', 'c@x.org', NULL), (4, 'Dave', 'd@x.org', NULL), (5, 'Émile', 'e@x.org', NULL), (6, 'erin', 'f@x.org', NULL)",
                "USE `rpl`", "INSERT INTO `rpl`.`customers` SELECT seq, CONCAT('customer ', seq), CONCAT('c', seq, '@x.org'), NULL FROM seq_7_to_400",
                "INSERT INTO `rpl`.`orders` SELECT seq, 1 + seq % 400, (seq * 37) % 500 + 0.99, ELT(1 + seq % 3, 'new', 'paid', 'shipped'), "
                        + "IF(seq % 4 = 0, NULL, CONCAT('note ', seq % 7)), '2024-01-01' + INTERVAL seq MINUTE FROM seq_1_to_6000",
                "CREATE VIEW `rpl`.`big_orders` AS SELECT `id`, `total` FROM `rpl`.`orders` WHERE `total` > 250",
                "ANALYZE TABLE `rpl`.`orders`");
    }

    private static void runApplication(EmbeddedServer source) throws SQLException {
        try (Connection c = Fixtures.connect(source); Statement s = c.createStatement()) {
            s.execute("USE rpl");
            for (String sql : APPLICATION) {
                try {
                    if (s.execute(sql)) {
                        s.getResultSet().close();
                    }
                } catch (SQLException e) {
                    // CREATE USER fails on a server without grant tables; the log has it all the same
                }
            }
        }
    }

    private static Workload workload(String schema, String... statements) {
        List<CapturedStatement> list = new java.util.ArrayList<>();
        for (int i = 0; i < statements.length; i++) {
            list.add(new CapturedStatement("s" + i, schema, statements[i], statements[i], 1, null, null, null, 0));
        }
        return new Workload(Workload.VERSION, "test", "mariadb", "general_log", "now", null, null, list, List.of());
    }

    private static CapturedStatement only(Workload w, Predicate<CapturedStatement> p) {
        List<CapturedStatement> found = w.statements().stream().filter(p).toList();
        assertEquals(1, found.size(), w.method() + ": " + found);
        return found.get(0);
    }

    private static StatementReplay find(ReplayResult r, String text) {
        return r.statements().stream().filter(s -> s.sql() != null && s.sql().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement with " + text + " in " + r.statements()));
    }
}
