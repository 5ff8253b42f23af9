package dbshift.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dbshift.embedded.EmbeddedServer;
import dbshift.embedded.SharedServers;

/**
 * {@code capture} and {@code replay} on the command line: performance_schema capture on MySQL 8, a replay after a
 * migration that exits 0, a changed target that exits 1 and names the statement, query logs, usage errors exiting 2,
 * and no password in any file.
 */
class ReplayCommandLineTest {
    private static final String PASSWORD = "Rpl-Pa55 'word\"";

    @Test
    void captureMigrateReplayAndAChangedTargetExitsOne(@TempDir Path dir) throws Exception {
        EmbeddedServer source = SharedServers.mySql();
        EmbeddedServer target = SharedServers.mySqlTarget();
        for (EmbeddedServer s : List.of(source, target)) {
            CommandLineTest.execute(s, "DROP USER IF EXISTS 'rpl_user'@'%'",
                    "CREATE USER 'rpl_user'@'%' IDENTIFIED BY '" + PASSWORD.replace("'", "''") + "'",
                    "GRANT ALL PRIVILEGES ON *.* TO 'rpl_user'@'%'", "DROP DATABASE IF EXISTS `clirpl`");
        }
        CommandLineTest.execute(source, "CREATE DATABASE `clirpl`",
                "CREATE TABLE `clirpl`.`items` (`id` INT PRIMARY KEY, `name` VARCHAR(40) NOT NULL, `price` DECIMAL(8,2) NOT NULL)",
                "INSERT INTO `clirpl`.`items` VALUES (1, 'pan', 9.50), (2, 'kettle', 19.00), (3, 'rake', 12.25), (4, 'teapot', 7.00)",
                "UPDATE performance_schema.setup_consumers SET ENABLED = 'YES' WHERE NAME = 'events_statements_history_long'",
                "TRUNCATE TABLE performance_schema.events_statements_summary_by_digest");
        CommandLineTest.execute(target, "CREATE DATABASE IF NOT EXISTS `_dbshift`", "DROP TABLE IF EXISTS `_dbshift`.`copy_slice`",
                "DROP TABLE IF EXISTS `_dbshift`.`copy_table`");
        CommandLineTest.execute(source, "USE `clirpl`", "SELECT name, price FROM items WHERE id = 2",
                "SELECT name, price FROM items WHERE id = 3", "SELECT COUNT(*), SUM(price) FROM items",
                "SELECT id, name FROM items WHERE price < 10 ORDER BY id", "UPDATE items SET price = price WHERE id = 1");

        Map<String, String> env = CommandLineTest.passwords(PASSWORD, PASSWORD);
        String src = source.jdbcUrl("");
        String tgt = target.jdbcUrl("");
        Path captured = dir.resolve("capture");
        CommandLineTest.Result capture = CommandLineTest.run(env, "capture", "--source", src, "--source-user", "rpl_user",
                "--databases", "clirpl", "--out", captured.toString());
        assertEquals(0, capture.code(), capture.all());
        assertTrue(capture.out().contains("Captured 4 statement shapes") && capture.out().contains("performance_schema"), capture.all());

        CommandLineTest.Result migrate = CommandLineTest.run(env, "migrate", "--source", src, "--source-user", "rpl_user", "--target", tgt,
                "--target-user", "rpl_user", "--databases", "clirpl", "--out", dir.resolve("migration").toString());
        assertEquals(0, migrate.code(), migrate.all());

        Path replayed = dir.resolve("replay");
        String[] replay = { "replay", "--workload", captured.resolve("workload.json").toString(), "--source", src, "--source-user",
                "rpl_user", "--target", tgt, "--target-user", "rpl_user", "--runs", "2", "--out", replayed.toString() };
        CommandLineTest.Result same = CommandLineTest.run(env, replay);
        assertEquals(0, same.code(), same.all());
        assertTrue(same.out().contains("4 statements, 3 replayed: 3 equal, 0 differing"), same.out());
        assertTrue(same.out().contains("Replay result: SAME ANSWERS"), same.out());
        for (String f : List.of("replay.json", "replay.csv", "replay.html")) {
            assertTrue(Files.isRegularFile(replayed.resolve(f)), f);
        }

        CommandLineTest.execute(target, "UPDATE `clirpl`.`items` SET `price` = 10.50 WHERE `id` = 4");
        CommandLineTest.Result differs = CommandLineTest.run(env, replay);
        assertEquals(1, differs.code(), differs.all());
        assertTrue(differs.out().contains("2 differing") && differs.out().contains("THE TARGET ANSWERS DIFFERENTLY"), differs.out());
        assertTrue(differs.out().contains("only on the source: (4, 'teapot')"),
                differs.out());
        @SuppressWarnings("unchecked")
        Map<String, Object> json = new ObjectMapper().readValue(replayed.resolve("replay.json").toFile(), Map.class);
        assertEquals(2, ((Map<?, ?>) json.get("summary")).get("differing"));

        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(f).contains("Rpl-Pa55"), "no password in " + f);
            }
        }
        assertFalse((capture.all() + same.all() + differs.all()).contains("Rpl-Pa55"));
    }

    @Test
    void aGeneralLogFileIsCapturedWithoutASourceServer(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("general.log");
        Files.writeString(log, String.join("\n",
                "/usr/sbin/mysqld, Version: 8.0.31 (MySQL Community Server - GPL). started with:",
                "Tcp port: 3306  Unix socket: /tmp/mysql.sock",
                "Time                 Id Command    Argument",
                "2026-11-20T10:00:00.000001Z\t    8 Connect\tapp@localhost on shop using TCP/IP",
                "2026-11-20T10:00:00.100000Z\t    8 Query\tSELECT id, name FROM customers WHERE id = 1",
                "2026-11-20T10:00:01.100000Z\t    8 Query\tSELECT id, name",
                "FROM customers",
                "WHERE id = 2",
                "2026-11-20T10:00:02.000000Z\t    9 Connect\tapp@localhost on  using TCP/IP",
                "2026-11-20T10:00:02.100000Z\t    9 Init DB\tcrm",
                "2026-11-20T10:00:02.200000Z\t    9 Query\tALTER USER 'app'@'%' IDENTIFIED BY 'n0t-in-the-file'",
                "2026-11-20T10:00:02.300000Z\t    9 Query\tSELECT * FROM leads WHERE api_key = 'ak_live_3f9KpQ2mZx7RtY8vL1nW4sB6'",
                "2026-11-20T10:00:03.000000Z\t    8 Query\tSET autocommit=1",
                "2026-11-20T10:00:04.000000Z\t    8 Quit\t", ""));
        CommandLineTest.Result r = CommandLineTest.run(Map.of(), "capture", "--from-log", log.toString(), "--out", dir.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("Captured 2 statement shapes (3 executions) by general_log"), r.out());
        String json = Files.readString(dir.resolve("workload.json"));
        assertFalse(json.contains("n0t-in-the-file") || json.contains("ak_live_3f9KpQ2mZx7RtY8vL1nW4sB6"), json);
        assertTrue(json.contains("\"schema\" : \"crm\"") && json.contains("\"schema\" : \"shop\""), json);
        assertTrue(json.contains("2026-11-20T10:00:00.100000Z") && json.contains("\"method\" : \"general_log\""), json);
    }

    @Test
    void usageErrorsExitTwoAndSayWhatIsMissing(@TempDir Path dir) {
        CommandLineTest.Result noWorkload = CommandLineTest.run(Map.of(), "replay", "--source", "jdbc:mysql://h/", "--target", "jdbc:mysql://h/");
        assertEquals(2, noWorkload.code(), noWorkload.all());
        assertTrue(noWorkload.err().contains("--workload"), noWorkload.err());
        CommandLineTest.Result missing = CommandLineTest.run(Map.of(), "replay", "--workload", dir.resolve("nope.json").toString(),
                "--source", "jdbc:mysql://h/", "--target", "jdbc:mysql://h/");
        assertEquals(2, missing.code(), missing.all());
        assertTrue(missing.err().contains("nope.json") && missing.err().contains("dbshift capture"), missing.err());
        CommandLineTest.Result badRuns = CommandLineTest.run(Map.of(), "replay", "--workload", "w.json", "--runs", "0",
                "--source", "jdbc:mysql://h/", "--target", "jdbc:mysql://h/");
        assertEquals(2, badRuns.code(), badRuns.all());
        assertTrue(badRuns.err().contains("runs"), badRuns.err());
        CommandLineTest.Result noLog = CommandLineTest.run(Map.of(), "capture", "--from-log", dir.resolve("none.log").toString());
        assertEquals(2, noLog.code(), noLog.all());
        assertTrue(noLog.err().contains("none.log"), noLog.err());
        CommandLineTest.Result noSource = CommandLineTest.run(Map.of(), "capture");
        assertEquals(2, noSource.code(), noSource.all());
        assertTrue(noSource.err().contains("--source is required for 'capture'"), noSource.err());
    }
}
