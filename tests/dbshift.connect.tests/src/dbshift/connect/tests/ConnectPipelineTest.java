package dbshift.connect.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import dbshift.cli.Main;
import dbshift.embedded.EmbeddedKafka;
import dbshift.embedded.EmbeddedMySql;
import dbshift.embedded.EmbeddedServer;
import dbshift.embedded.SharedServers;

/**
 * The migration's data moved by Kafka Connect: a KRaft broker and a distributed Connect worker (separate java
 * processes, Debezium's plugins on the plugin path) started here, MySQL 8 servers as source and target. Through the
 * command line: {@code connect plan}, {@code start} while the source is written to (during the snapshot and
 * after it), {@code status}, {@code cutover --connect-url} (waits for the pipeline, then verifies every table),
 * {@code verify} and {@code stop}; and a worker killed with kill -9 mid-snapshot and started again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectPipelineTest {
    private static final Map<String, String> NO_PASSWORDS = Map.of("DBSHIFT_SOURCE_PASSWORD", "", "DBSHIFT_TARGET_PASSWORD", "");
    private static EmbeddedKafka kafka;
    private static EmbeddedMySql source;
    private static EmbeddedMySql target;

    @TempDir
    Path out;

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n" + out + "\n" + err;
        }
    }

    @BeforeAll
    static void start() {
        source = SharedServers.mySql();
        target = SharedServers.mySqlTarget();
        kafka = EmbeddedKafka.start(SharedServers.workDir().resolve("kafka"));
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    static Result cli(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(NO_PASSWORDS, new PrintWriter(o, true), new PrintWriter(e, true), args);
        return new Result(code, o.toString(), e.toString());
    }

    String[] args(String command, String database, String pipeline, String... more) {
        return args(source, command, database, pipeline, more);
    }

    String[] args(EmbeddedServer from, String command, String database, String pipeline, String... more) {
        List<String> a = new ArrayList<>(List.of(command.split(" ")));
        a.addAll(List.of("--source", from.jdbcUrl(""), "--source-user", "root", "--target", target.jdbcUrl(""),
                "--target-user", "root", "--databases", database, "--out", out.toString(), "--jobs", "2"));
        if (!command.equals("verify")) {
            a.addAll(List.of("--connect-url", kafka.connectUrl(), "--kafka-bootstrap", kafka.bootstrapServers(), "--pipeline",
                    pipeline));
        }
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    static void sql(EmbeddedServer server, String database, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(server, database), "root", "");
                Statement s = c.createStatement()) {
            for (String st : statements) {
                s.execute(st);
            }
        }
    }

    static long count(EmbeddedServer server, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(server, ""), "root", "");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * For a failure message: the columns whose values differ, with the first differing row of each. Values are
     * compared as exact text (FLOAT as the double it is: its own text has only 6 digits; HEX() of a number would
     * round it to an integer and hide a difference in the fraction).
     */
    static String differences(EmbeddedServer from, String db, String table) throws SQLException {
        StringBuilder sb = new StringBuilder("\ncolumns that differ in " + table + ":");
        Map<String, String> columns = new java.util.LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url(from, db), "root", "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COLUMN_NAME, DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '"
                        + db + "' AND TABLE_NAME = '" + table + "' ORDER BY ORDINAL_POSITION")) {
            while (rs.next()) {
                columns.put(rs.getString(1), rs.getString(2));
            }
        }
        String key = table.equals("tags") ? "CONCAT(item_id, '/', tag)" : "id";
        for (var col : columns.entrySet()) {
            String value = col.getValue().equalsIgnoreCase("float") ? "CAST(`" + col.getKey() + "` AS DOUBLE)" : "`" + col.getKey() + "`";
            String q = "SELECT " + key + ", HEX(CAST(" + value + " AS CHAR)) FROM " + db + "." + table + " ORDER BY " + key;
            try (Connection a = DriverManager.getConnection(url(from, db), "root", "");
                    Connection b = DriverManager.getConnection(target.jdbcUrl(db), "root", "");
                    Statement sa = a.createStatement(); Statement sb2 = b.createStatement();
                    ResultSet ra = sa.executeQuery(q); ResultSet rb = sb2.executeQuery(q)) {
                while (ra.next() && rb.next()) {
                    if (!ra.getString(1).equals(rb.getString(1)) || !java.util.Objects.equals(ra.getString(2), rb.getString(2))) {
                        sb.append("\n  ").append(col.getKey()).append(": key ").append(ra.getString(1)).append(" source ")
                                .append(ra.getString(2)).append(" / key ").append(rb.getString(1)).append(" target ").append(rb.getString(2));
                        break;
                    }
                }
            }
        }
        return sb.toString();
    }

    /** A Connector/J URL for either server (Connector/J talks to MariaDB too), with multi-statement batches allowed. */
    static String url(EmbeddedServer server, String db) {
        String u = server.jdbcUrl(db).replace("jdbc:mariadb:", "jdbc:mysql:");
        return u + (u.contains("?") ? "&" : "?") + "allowMultiQueries=true";
    }

    /** ~200k rows over three tables with the common types (times of day only: see CONNECT-TIME-RANGE). */
    static void createSource(String db, int items) throws SQLException {
        sql(source, "", "DROP DATABASE IF EXISTS " + db, "CREATE DATABASE " + db);
        sql(target, "", "DROP DATABASE IF EXISTS " + db);
        sql(source, db,
                "CREATE TABLE items (id INT PRIMARY KEY, ti TINYINT, si SMALLINT UNSIGNED, mi MEDIUMINT, bi BIGINT, "
                        + "bu BIGINT UNSIGNED, flag TINYINT(1), de DECIMAL(20,6), fl FLOAT, dbl DOUBLE, ch CHAR(8), "
                        + "vc VARCHAR(100), tx TEXT, bn BINARY(4), vb VARBINARY(32), bl BLOB, d DATE, dt DATETIME, "
                        + "dt6 DATETIME(6), ts TIMESTAMP(3) NULL, tm TIME, tm6 TIME(6), yr YEAR, js JSON, "
                        + "en ENUM('red','green','blue'), st SET('x','y','z'), total DECIMAL(21,6) AS (de * 2) STORED, "
                        + "KEY (vc)) CHARSET utf8mb4",
                "CREATE TABLE orders (id BIGINT PRIMARY KEY, item_id INT NOT NULL, qty INT, note VARCHAR(200), "
                        + "placed DATETIME(3), FOREIGN KEY (item_id) REFERENCES items (id)) CHARSET utf8mb4",
                "CREATE TABLE tags (item_id INT, tag VARCHAR(40), weight DOUBLE, PRIMARY KEY (item_id, tag)) CHARSET utf8mb4",
                "SET SESSION cte_max_recursion_depth = 10000000",
                "INSERT INTO items (id, ti, si, mi, bi, bu, flag, de, fl, dbl, ch, vc, tx, bn, vb, bl, d, dt, dt6, ts, tm, tm6, yr, js, en, st) "
                        + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + items + ") "
                        + "SELECT i, i % 128 - 64, i % 65536, i - 4000000, i * 1000003 - 9000000000000000000, "
                        + "18446744073709551615 - i, i % 2, i * 1.123456 - 99999, i / 7, i / 3.0e10, CONCAT('c', i % 100), "
                        + "CONCAT('vé😀', i), IF(i % 5 = 0, NULL, REPEAT('t', i % 300)), UNHEX(LPAD(HEX(i), 8, '0')), "
                        + "UNHEX(HEX(i * 31)), IF(i % 3 = 0, NULL, RANDOM_BYTES(i % 40 + 1)), "
                        + "DATE_ADD('1970-01-01', INTERVAL i % 30000 DAY), DATE_ADD('2000-01-01', INTERVAL i MINUTE), "
                        + "DATE_ADD('2020-02-29 12:00:00.000001', INTERVAL i * 7 MICROSECOND), "
                        + "IF(i % 7 = 0, NULL, FROM_UNIXTIME(1000000000 + i + 0.5)), SEC_TO_TIME(i % 86400), "
                        + "SEC_TO_TIME((i % 86400) + 0.123456), 1901 + i % 255, JSON_OBJECT('i', i, 'a', JSON_ARRAY(i, 'x', NULL)), "
                        + "ELT(i % 3 + 1, 'red', 'green', 'blue'), IF(i % 4 = 0, '', 'x,z') FROM n",
                "INSERT INTO orders WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + items / 2
                        + ") SELECT i, i % " + items + " + 1, i % 17, CONCAT('order ', i), "
                        + "DATE_ADD('2024-01-01', INTERVAL i SECOND) FROM n",
                "INSERT INTO tags WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + items / 6
                        + ") SELECT i, CONCAT('tag', i % 3), i / 11 FROM n");
    }

    /** Writes what an application would: inserts, updates and deletes on every table, until stopped. */
    static Thread writer(String db, int firstId, AtomicBoolean stop, AtomicInteger rounds) {
        Thread t = new Thread(() -> {
            int id = firstId;
            try {
                while (!stop.get()) {
                    sql(source, db,
                            "INSERT INTO items (id, vc, de, dt6, js, tm) VALUES (" + id + ", 'new😀', 1.5, NOW(6), '{\"n\": 1}', '01:02:03')",
                            "INSERT INTO orders (id, item_id, qty, note) VALUES (" + (10_000_000 + id) + ", " + id + ", 1, 'live')",
                            "UPDATE items SET vc = CONCAT('upd', " + id + "), de = de + 1 WHERE id = " + (id - firstId + 1) * 7,
                            "UPDATE tags SET weight = weight * 2 WHERE item_id = " + (id - firstId + 1) * 5,
                            "DELETE FROM tags WHERE item_id = " + (id - firstId + 1) * 3,
                            "DELETE FROM orders WHERE id = " + (id - firstId + 1) * 11);
                    id++;
                    rounds.incrementAndGet();
                    Thread.sleep(20);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "source-writer");
        t.setDaemon(true);
        t.start();
        return t;
    }

    static void awaitStreaming(Result[] last, String[] statusArgs, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < end) {
            last[0] = cli(statusArgs);
            assertFalse(last[0].out().contains("FAILED"), last[0].toString());
            if (last[0].code() == 0 && last[0].out().contains("source: streaming")) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the pipeline did not finish its snapshot in time:\n" + last[0]);
    }

    @Test
    @Order(1)
    void mySqlThroughKafkaConnectWhileTheSourceIsWritten() throws Exception {
        String db = "pipe_mysql";
        createSource(db, 120_000);

        Result plan = cli(args("connect plan", db, "p1"));
        assertEquals(0, plan.code(), plan.toString());
        Path sourceConfig = out.resolve("connect/p1-source.json");
        assertTrue(Files.isRegularFile(sourceConfig), plan.toString());
        String config = Files.readString(sourceConfig);
        assertTrue(config.contains("${env:DBSHIFT_SOURCE_PASSWORD}"), config);
        assertTrue(Files.readString(out.resolve("connect/p1-sink-" + db + ".json")).contains("total"),
                "the generated column is left to the target");
        assertTrue(plan.out().contains("CONNECT-TIME-RANGE"), plan.out());
        // the schema is there (without foreign keys: they wait for cutover), the tables empty
        assertEquals(0, count(target, db + ".items"));

        AtomicBoolean stopWriting = new AtomicBoolean();
        AtomicInteger rounds = new AtomicInteger();
        Result start = cli(args("connect start", db, "p1"));
        assertEquals(0, start.code(), start.toString());
        Thread writer = writer(db, 200_001, stopWriting, rounds);
        Result[] status = new Result[1];
        awaitStreaming(status, args("connect status", db, "p1"), 240_000);
        int duringSnapshot = rounds.get();
        Thread.sleep(3000);
        stopWriting.set(true);
        writer.join();
        assertTrue(rounds.get() > duringSnapshot && duringSnapshot > 0, "writes during and after the snapshot: " + duringSnapshot
                + " then " + rounds.get());

        Result cutover = cli(args("cutover", db, "p1", "--max-seconds", "240"));
        assertEquals(0, cutover.code(), cutover + differences(source, db, "items"));
        assertTrue(cutover.out().contains("verifies equal"), cutover.toString());
        // the catch-up itself proves that the sinks wrote everything: the first comparison matches, none is repeated
        assertFalse(cutover.out().contains("verify again"), cutover.toString());
        Result verify = cli(args("verify", db, "p1"));
        assertEquals(0, verify.code(), verify.toString());
        assertTrue(verify.out().contains("3 match, 0 mismatch"), verify.toString());
        for (String table : List.of("items", "orders", "tags")) {
            assertEquals(count(source, db + "." + table), count(target, db + "." + table), table);
        }
        assertEquals(120_000 + rounds.get(), count(target, db + ".items"));

        Result stop = cli(args("connect stop", db, "p1"));
        assertEquals(0, stop.code(), stop.toString());
        assertTrue(stop.out().contains("removed 2 connector(s)"), stop.toString());
    }

    @Test
    @Order(2)
    void aWorkerKilledMidSnapshotResumesAndNothingIsLostOrDoubled() throws Exception {
        String db = "pipe_restart";
        createSource(db, 60_000);
        assertEquals(0, cli(args("connect plan", db, "p2")).code());
        Result start = cli(args("connect start", db, "p2"));
        assertEquals(0, start.code(), start.toString());
        long total = count(source, db + ".items") + count(source, db + ".orders") + count(source, db + ".tags");
        long end = System.currentTimeMillis() + 180_000;
        long written = 0;
        while (System.currentTimeMillis() < end) {
            written = count(target, db + ".items") + count(target, db + ".orders") + count(target, db + ".tags");
            if (written > 0) {
                break;
            }
            Thread.sleep(200);
        }
        assertTrue(written > 0 && written < total, "the sink had begun but not finished: " + written + " of " + total);
        kafka.killWorker();
        sql(source, db, "INSERT INTO items (id, vc) VALUES (900001, 'while the worker was down')",
                "DELETE FROM tags WHERE item_id = 6", "UPDATE orders SET qty = -1 WHERE id = 10");
        kafka.restartWorker();

        Result cutover = cli(args("cutover", db, "p2", "--max-seconds", "300"));
        assertEquals(0, cutover.code(), cutover + differences(source, db, "items"));
        for (String table : List.of("items", "orders", "tags")) {
            assertEquals(count(source, db + "." + table), count(target, db + "." + table), "0 lost, 0 doubled in " + table);
        }
        assertEquals(0, cli(args("connect stop", db, "p2")).code());
    }

    /**
     * MariaDB 11.4 as the source, through Debezium's MariaDB connector (its own binlog and GTID dialect), into MySQL 8:
     * the same plan, snapshot, streamed changes (written after the snapshot), cutover and verify, on fewer rows.
     */
    @Test
    @Order(3)
    void mariaDbThroughDebeziumsMariaDbConnector() throws Exception {
        EmbeddedServer maria = SharedServers.mariaDb();
        String db = "pipe_maria";
        int n = 15_000;
        sql(maria, "", "DROP DATABASE IF EXISTS " + db, "CREATE DATABASE " + db);
        sql(target, "", "DROP DATABASE IF EXISTS " + db);
        sql(maria, db,
                "CREATE TABLE items (id INT PRIMARY KEY, ti TINYINT, bu BIGINT UNSIGNED, de DECIMAL(20,6), fl FLOAT, "
                        + "dbl DOUBLE, vc VARCHAR(100), tx TEXT, vb VARBINARY(32), bl BLOB, d DATE, dt6 DATETIME(6), "
                        + "ts TIMESTAMP(3) NULL, tm TIME, js JSON, en ENUM('red','green','blue'), st SET('x','y','z')) CHARSET utf8mb4",
                "CREATE TABLE notes (id BIGINT PRIMARY KEY, item_id INT NOT NULL, body VARCHAR(200)) CHARSET utf8mb4",
                "INSERT INTO items SELECT seq, seq % 128 - 64, 18446744073709551615 - seq, seq * 1.123456 - 99999, seq / 7, "
                        + "seq / 3.0e10, CONCAT('vé😀', seq), IF(seq % 5 = 0, NULL, REPEAT('t', seq % 300)), UNHEX(HEX(seq * 31)), "
                        + "IF(seq % 3 = 0, NULL, UNHEX(SHA2(seq, 256))), DATE_ADD('1970-01-01', INTERVAL seq % 30000 DAY), "
                        + "DATE_ADD('2020-02-29 12:00:00.000001', INTERVAL seq * 7 MICROSECOND), "
                        + "IF(seq % 7 = 0, NULL, FROM_UNIXTIME(1000000000 + seq + 0.5)), SEC_TO_TIME(seq % 86400), "
                        + "JSON_OBJECT('i', seq, 'a', JSON_ARRAY(seq, 'x', NULL)), ELT(seq % 3 + 1, 'red', 'green', 'blue'), "
                        + "IF(seq % 4 = 0, '', 'x,z') FROM (SELECT CAST(seq AS SIGNED) AS seq FROM seq_1_to_" + n + ") s",
                "INSERT INTO notes SELECT seq, seq % " + n + " + 1, CONCAT('note ', seq) FROM (SELECT CAST(seq AS SIGNED) AS seq "
                        + "FROM seq_1_to_" + n / 3 + ") s");

        Result plan = cli(args(maria, "connect plan", db, "p3"));
        assertEquals(0, plan.code(), plan.toString());
        assertTrue(Files.readString(out.resolve("connect/p3-source.json")).contains("io.debezium.connector.mariadb.MariaDbConnector"),
                "the MariaDB source gets Debezium's MariaDB connector");
        Result start = cli(args(maria, "connect start", db, "p3"));
        assertEquals(0, start.code(), start.toString());
        // what the workbench's Run on Kafka Connect follows: the engine's watch, with the progress as the run's tables
        dbshift.core.run.Migration watched = dbshift.core.run.Migration.live(
                dbshift.core.run.Migration.connect("source", new dbshift.core.engine.ConnectionSpec(maria.jdbcUrl(""), "root", new char[0], Map.of())),
                dbshift.core.run.Migration.connect("target", new dbshift.core.engine.ConnectionSpec(target.jdbcUrl(""), "root", new char[0], Map.of())),
                dbshift.core.engine.Dialects.targetKind("mysql"), dbshift.core.run.MigrationOptions.defaults().withSchemas(List.of(db)));
        dbshift.connect.Pipeline.PipelineStatus watchedStatus = new dbshift.connect.Pipeline(watched,
                new dbshift.connect.PipelineOptions("p3", kafka.connectUrl(), kafka.bootstrapServers(), 2, 2, false))
                .watchUntilStreaming(180_000);
        assertFalse(watchedStatus.snapshotting(), watchedStatus.toString());
        assertEquals(0, watchedStatus.lag(), watchedStatus.toString());
        dbshift.core.run.TableResult items = watched.run().table(db, "items");
        assertEquals("kafka connect", items.method());
        assertEquals((long) n, items.targetRows().longValue(), items.toString());
        assertTrue(items.message().startsWith("streaming; topic p3." + db + ".items: "), items.message());
        assertTrue(watched.run().steps().stream().anyMatch(st -> st.step().equals("connect status")
                && st.message().contains("the pipeline keeps streaming")), watched.run().steps().toString());
        sql(maria, db, "INSERT INTO items (id, vc, fl, dt6, js) VALUES (" + (n + 1) + ", 'après le snapshot', 2.5, NOW(6), '[1, 2]')",
                "UPDATE items SET vc = 'changé', fl = fl * 3, de = de + 1 WHERE id % 1000 = 0",
                "DELETE FROM notes WHERE id % 100 = 0", "UPDATE notes SET body = NULL WHERE id % 77 = 0");

        Result cutover = cli(args(maria, "cutover", db, "p3", "--max-seconds", "240"));
        assertEquals(0, cutover.code(), cutover + differences(maria, db, "items"));
        assertFalse(cutover.out().contains("verify again"), cutover.toString());
        Result verify = cli(args(maria, "verify", db, "p3"));
        assertEquals(0, verify.code(), verify.toString());
        assertTrue(verify.out().contains("2 match, 0 mismatch"), verify.toString());
        assertEquals(n + 1, count(target, db + ".items"));
        assertEquals(count(maria, db + ".notes"), count(target, db + ".notes"));
        assertEquals(0, cli(args(maria, "connect stop", db, "p3")).code());
    }
}
