package dbshift.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dbshift.embedded.EmbeddedServer;
import dbshift.embedded.SharedServers;

/**
 * Inputs that once destroyed data or reported success falsely (issue 9): a target that is the source itself, and a
 * rerun of a copy whose target rows were changed behind its checkpoints.
 */
class DataSafetyCommandLineTest {

    @Test
    void aTargetThatIsTheSourceItselfIsRefusedHoweverTheUrlSpellsIt() throws Exception {
        EmbeddedServer maria = SharedServers.mariaDb();
        execute(maria, "DROP DATABASE IF EXISTS `selfcopy`", "CREATE DATABASE `selfcopy`",
                "CREATE TABLE `selfcopy`.`t` (`id` INT PRIMARY KEY, `s` VARCHAR(20))",
                "INSERT INTO `selfcopy`.`t` VALUES (1,'a'),(2,'b'),(3,'c'),(4,'d'),(5,'e'),(6,'f'),(7,'g'),(8,'h'),(9,'i'),(10,'j')");
        String mariaUrl = "jdbc:mariadb://127.0.0.1:" + maria.port() + "/";
        String sameServerOtherSpelling = "jdbc:mysql://localhost:" + maria.port() + "/?useSSL=false&allowPublicKeyRetrieval=true";
        var env = CommandLineTest.passwords("", "");

        for (String command : new String[] { "copy", "migrate", "verify", "sync" }) {
            for (String targetUrl : new String[] { mariaUrl, sameServerOtherSpelling }) {
                java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command, "--source", mariaUrl,
                        "--source-user", "root", "--target", targetUrl, "--target-user", "root", "--databases", "selfcopy",
                        "--truncate"));
                if (command.equals("sync")) {
                    args.addAll(java.util.List.of("--max-seconds", "1"));
                }
                CommandLineTest.Result r = CommandLineTest.run(env, args.toArray(String[]::new));
                assertEquals(2, r.code(), command + " into " + targetUrl + " must be refused:\n" + r.all());
                assertTrue(r.err().contains("same database on the same server") && r.err().contains("selfcopy")
                        && r.err().contains("is the source table itself"), r.err());
                assertEquals("10", scalar(maria, "SELECT COUNT(*) FROM `selfcopy`.`t`"), command + " touched the source's rows");
            }
        }
    }

    @Test
    void aRerunChecksCommittedSlicesAndCopiesAgainWhatNoLongerMatches() throws Exception {
        EmbeddedServer source = SharedServers.mySql();
        EmbeddedServer target = SharedServers.mySqlTarget();
        execute(source, "DROP DATABASE IF EXISTS `recheck`", "CREATE DATABASE `recheck`",
                "CREATE TABLE `recheck`.`t` (`id` INT PRIMARY KEY, `s` VARCHAR(20), `n` DECIMAL(10,2))",
                "INSERT INTO `recheck`.`t` WITH RECURSIVE k (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 100) "
                        + "SELECT i, CONCAT('row ', i), i * 1.5 FROM k");
        execute(target, "DROP DATABASE IF EXISTS `recheck`");
        var env = CommandLineTest.passwords("", "");
        String[] common = { "--source", CommandLineTest.mysqlUrl(source, ""), "--source-user", "root", "--target",
                CommandLineTest.mysqlUrl(target, ""), "--target-user", "root", "--target-kind", "mysql", "--databases", "recheck",
                "--chunk-rows", "20" };
        CommandLineTest.Result first = CommandLineTest.run(env, concat("migrate", common));
        assertEquals(0, first.code(), first.all());

        // behind the checkpoints' back: rows deleted in one slice, a value changed in another, a row added in a third
        execute(target, "DELETE FROM `recheck`.`t` WHERE id BETWEEN 25 AND 27", "UPDATE `recheck`.`t` SET s = 'changed' WHERE id = 63",
                "UPDATE `recheck`.`t` SET n = 0 WHERE id = 99");
        CommandLineTest.Result rerun = CommandLineTest.run(env, concat("copy", common));
        assertEquals(0, rerun.code(), rerun.all());
        String report = java.nio.file.Files.readString(outDir(rerun).resolve("report.json"));
        assertTrue(report.contains("no longer matched on the target and were copied again"), report);
        assertTrue(report.contains("3 no longer matched"), "slices 2, 4 and 5 differ: " + report);
        assertEquals("100", scalar(target, "SELECT COUNT(*) FROM `recheck`.`t`"));
        assertEquals("row 63", scalar(target, "SELECT s FROM `recheck`.`t` WHERE id = 63"));
        assertEquals("148.50", scalar(target, "SELECT n FROM `recheck`.`t` WHERE id = 99"));

        CommandLineTest.Result verify = CommandLineTest.run(env, concat("verify", common));
        assertEquals(0, verify.code(), verify.all());
        assertTrue(verify.out().contains("1 match, 0 mismatch"), verify.out());

        // a rerun over an intact target checks and copies nothing
        CommandLineTest.Result again = CommandLineTest.run(env, concat("copy", common));
        assertEquals(0, again.code(), again.all());
        String second = java.nio.file.Files.readString(outDir(again).resolve("report.json"));
        assertTrue(second.matches("(?s).*already copied by an earlier run; its \\d+ slice\\(s\\) were checked against the source.*"),
                second);
        assertTrue(!second.contains("copied again"), second);
    }

    private static java.nio.file.Path outDir(CommandLineTest.Result r) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Report: (.*)/report\\.json").matcher(r.out());
        assertTrue(m.find(), r.out());
        return java.nio.file.Path.of(m.group(1));
    }

    private static String[] concat(String command, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = command;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static Connection connect(EmbeddedServer server) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "root");
        p.setProperty("password", "");
        String url = server.jdbcUrl("");
        java.sql.Driver d = url.startsWith("jdbc:mariadb:") ? new org.mariadb.jdbc.Driver() : new com.mysql.cj.jdbc.Driver();
        return d.connect(url, p);
    }

    private static void execute(EmbeddedServer server, String... sql) throws SQLException {
        try (Connection c = connect(server); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private static String scalar(EmbeddedServer server, String sql) throws SQLException {
        try (Connection c = connect(server); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
