package dbshift.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dbshift.embedded.EmbeddedServer;
import dbshift.embedded.SharedServers;

/**
 * The databases the user names (issue 12): {@code --map-database SRC=DST} between two MySQL 8 servers and on one,
 * the target URL's database as the default for a single source database, the errors for names that cannot be meant,
 * and a sync that applies the source's changes to the renamed database. Every reference in the renamed database must
 * point into it: the assertions read the bodies from {@code information_schema} and use the objects after the source
 * database is gone.
 */
class DatabaseMapCommandLineTest {

    /** A database whose views, routines, triggers, events, foreign keys and grants all name it. */
    private static void createShop(EmbeddedServer server, String db) throws SQLException {
        String q = "`" + db + "`";
        execute(server, "DROP DATABASE IF EXISTS " + q, "CREATE DATABASE " + q,
                "CREATE TABLE " + q + ".`customer` (`id` INT PRIMARY KEY, `name` VARCHAR(40))",
                "CREATE TABLE " + q + ".`orders` (`id` INT PRIMARY KEY, `customer_id` INT, `total` DECIMAL(10,2), "
                        + "FOREIGN KEY (`customer_id`) REFERENCES " + q + ".`customer` (`id`))",
                "CREATE TABLE " + q + ".`audit` (`id` INT AUTO_INCREMENT PRIMARY KEY, `what` VARCHAR(100))",
                "INSERT INTO " + q + ".`customer` VALUES (1, 'Ada'), (2, 'Grace'), (3, 'Edsger')",
                "INSERT INTO " + q + ".`orders` VALUES (10, 1, 5.00), (11, 1, 7.50), (12, 2, 1.25)",
                "CREATE VIEW " + q + ".`order_totals` AS SELECT c.name, SUM(o.total) AS total FROM " + q + ".customer c JOIN "
                        + q + ".orders o ON o.customer_id = c.id GROUP BY c.name",
                // the literal names the database as data: it must stay as it is
                "CREATE PROCEDURE " + q + ".`add_order`(IN cid INT, IN amount DECIMAL(10,2)) BEGIN "
                        + "INSERT INTO " + db + ".orders (id, customer_id, total) SELECT COALESCE(MAX(id), 0) + 1, cid, amount FROM "
                        + q + ".`orders`; INSERT INTO " + q + ".audit (what) VALUES ('" + db + ".orders: order added'); END",
                "CREATE FUNCTION " + q + ".`customer_total`(cid INT) RETURNS DECIMAL(10,2) READS SQL DATA "
                        + "RETURN (SELECT COALESCE(SUM(total), 0) FROM " + q + ".orders WHERE customer_id = cid)",
                "CREATE TRIGGER " + q + ".`orders_ai` AFTER INSERT ON " + q + ".`orders` FOR EACH ROW "
                        + "INSERT INTO " + q + ".`audit` (what) VALUES (CONCAT('order ', NEW.id))",
                "CREATE EVENT " + q + ".`purge_audit` ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM " + q + ".`audit` WHERE id < 0");
    }

    @Test
    void migrateBetweenTwoServersPutsEverythingIntoTheMappedDatabase() throws Exception {
        EmbeddedServer source = SharedServers.mySql();
        EmbeddedServer target = SharedServers.mySqlTarget();
        createShop(source, "mapshop");
        execute(source, "DROP USER IF EXISTS 'map_app'@'%'", "CREATE USER 'map_app'@'%' IDENTIFIED BY 'x'",
                "GRANT SELECT, INSERT ON `mapshop`.* TO 'map_app'@'%'", "GRANT EXECUTE ON PROCEDURE `mapshop`.`add_order` TO 'map_app'@'%'");
        execute(target, "DROP DATABASE IF EXISTS `mapshop`", "DROP DATABASE IF EXISTS `mapshop_v2`", "DROP USER IF EXISTS 'map_app'@'%'");

        CommandLineTest.Result r = CommandLineTest.run(CommandLineTest.passwords("", ""), "migrate", "--source",
                CommandLineTest.mysqlUrl(source, ""), "--source-user", "root", "--target", CommandLineTest.mysqlUrl(target, ""),
                "--target-user", "root", "--target-kind", "mysql", "--databases", "mapshop", "--map-database", "mapshop=mapshop_v2",
                "--users", "map_app");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("Databases: mapshop -> mapshop_v2"), r.out());
        assertTrue(r.out().contains("3 match, 0 mismatch"), r.out());
        assertEquals("0", scalar(target, "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = 'mapshop'"),
                "nothing may land in a database named like the source's");
        assertRenamed(target, "mapshop", "mapshop_v2");
        String grants = String.join("\n", column(target, "SHOW GRANTS FOR 'map_app'@'%'"));
        assertTrue(grants.contains("`mapshop_v2`.*") && grants.contains("`mapshop_v2`.`add_order`") && !grants.contains("`mapshop`"),
                grants);
        String report = java.nio.file.Files.readString(outDir(r).resolve("report.json"));
        assertTrue(report.replaceAll("\\s", "").contains("\"databases\":[{\"source\":\"mapshop\",\"target\":\"mapshop_v2\"}]"),
                report);

        // a rerun compares with mapshop_v2 (not with a mapshop that is not there) and finds everything in place
        CommandLineTest.Result plan = CommandLineTest.run(CommandLineTest.passwords("", ""), "script", "--source",
                CommandLineTest.mysqlUrl(source, ""), "--source-user", "root", "--target", CommandLineTest.mysqlUrl(target, ""),
                "--target-user", "root", "--databases", "mapshop", "--map-database", "mapshop=mapshop_v2");
        assertEquals(0, plan.code(), plan.all());
        String script = java.nio.file.Files.readString(outDir(plan).resolve("schema.sql"));
        assertFalse(script.contains("CREATE TABLE"), "the live target's mapshop_v2 already has every table:\n" + script);
    }

    @Test
    void migrateOnOneServerCopiesInsideItAndKeepsWorkingWithoutTheSource() throws Exception {
        EmbeddedServer server = SharedServers.mySql();
        createShop(server, "mapone");
        execute(server, "DROP DATABASE IF EXISTS `mapone_v2`");
        String url = CommandLineTest.mysqlUrl(server, "");
        CommandLineTest.Result r = CommandLineTest.run(CommandLineTest.passwords("", ""), "migrate", "--source", url,
                "--source-user", "root", "--target", url, "--target-user", "root", "--databases", "mapone", "--map-database",
                "mapone=mapone_v2");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("3 match, 0 mismatch"), r.out());
        String report = java.nio.file.Files.readString(outDir(r).resolve("report.json"));
        assertTrue(report.contains("INSERT … SELECT (same server)"), "the copy stays inside the server: " + report);
        assertRenamed(server, "mapone", "mapone_v2");
        assertEquals("3", scalar(server, "SELECT COUNT(*) FROM `mapone`.`orders`"), "the source keeps its rows");

        CommandLineTest.Result verify = CommandLineTest.run(CommandLineTest.passwords("", ""), "verify", "--source", url,
                "--source-user", "root", "--target", url, "--target-user", "root", "--databases", "mapone", "--map-database",
                "mapone=mapone_v2");
        assertEquals(0, verify.code(), verify.all());
        assertTrue(verify.out().contains("3 match, 0 mismatch"), verify.out());

        // changes to mapone, read from the server's own binary log, go to mapone_v2 beside it
        execute(server, "UPDATE `mapone`.`customer` SET name = 'Ada L.' WHERE id = 1", "INSERT INTO `mapone`.`customer` VALUES (4, 'Barbara')");
        CommandLineTest.Result sync = CommandLineTest.run(CommandLineTest.passwords("", ""), "sync", "--source", url,
                "--source-user", "root", "--target", url, "--target-user", "root", "--databases", "mapone", "--map-database",
                "mapone=mapone_v2", "--until-caught-up");
        assertEquals(0, sync.code(), sync.all());
        assertEquals(List.of("1:Ada L.", "2:Grace", "3:Edsger", "4:Barbara"),
                column(server, "SELECT CONCAT(id, ':', name) FROM `mapone_v2`.`customer` ORDER BY id"));

        // the source renamed away: what is in mapone_v2 must not need it
        execute(server, "DROP DATABASE `mapone`");
        assertEquals("Ada L.", scalar(server, "SELECT name FROM `mapone_v2`.`order_totals` ORDER BY total DESC LIMIT 1"));
        assertEquals("12.50", scalar(server, "SELECT `mapone_v2`.`customer_total`(1)"));
        execute(server, "CALL `mapone_v2`.`add_order`(3, 2.00)");
        assertEquals("4", scalar(server, "SELECT COUNT(*) FROM `mapone_v2`.`orders`"));
        assertEquals("2", scalar(server, "SELECT COUNT(*) FROM `mapone_v2`.`audit`"),
                "the procedure and the trigger each wrote their audit row into mapone_v2");
        assertEquals("mapone.orders: order added", scalar(server, "SELECT what FROM `mapone_v2`.`audit` WHERE what LIKE 'mapone%'"),
                "a string that names the old database is data and stays as it was");
    }

    @Test
    void aSingleSourceDatabaseGoesToTheDatabaseTheTargetUrlNames() throws Exception {
        EmbeddedServer source = SharedServers.mySql();
        EmbeddedServer target = SharedServers.mySqlTarget();
        execute(source, "DROP DATABASE IF EXISTS `mapurl`", "CREATE DATABASE `mapurl`",
                "CREATE TABLE `mapurl`.`t` (`id` INT PRIMARY KEY, `s` VARCHAR(10))", "INSERT INTO `mapurl`.`t` VALUES (1,'a'),(2,'b')",
                "CREATE VIEW `mapurl`.`v` AS SELECT id FROM `mapurl`.`t`");
        execute(target, "DROP DATABASE IF EXISTS `mapurl`", "DROP DATABASE IF EXISTS `mapurl_prod`");
        CommandLineTest.Result r = CommandLineTest.run(CommandLineTest.passwords("", ""), "migrate", "--source",
                CommandLineTest.mysqlUrl(source, ""), "--source-user", "root", "--target", CommandLineTest.mysqlUrl(target, "mapurl_prod"),
                "--target-user", "root", "--databases", "mapurl");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("Databases: mapurl -> mapurl_prod"), r.out());
        assertEquals("2", scalar(target, "SELECT COUNT(*) FROM `mapurl_prod`.`t`"));
        assertEquals("2", scalar(target, "SELECT COUNT(*) FROM `mapurl_prod`.`v`"));
        assertEquals("0", scalar(target, "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = 'mapurl'"));
    }

    @Test
    void namesThatCannotBeMeantAreRefusedBeforeAnythingIsWritten() throws Exception {
        EmbeddedServer source = SharedServers.mySql();
        EmbeddedServer target = SharedServers.mySqlTarget();
        for (String db : List.of("mapa", "mapb")) {
            execute(source, "DROP DATABASE IF EXISTS `" + db + "`", "CREATE DATABASE `" + db + "`",
                    "CREATE TABLE `" + db + "`.`t` (`id` INT PRIMARY KEY)");
            execute(target, "DROP DATABASE IF EXISTS `" + db + "`");
        }
        execute(target, "DROP DATABASE IF EXISTS `mapx`");
        var env = CommandLineTest.passwords("", "");
        String src = CommandLineTest.mysqlUrl(source, "");

        CommandLineTest.Result two = CommandLineTest.run(env, "migrate", "--source", src, "--source-user", "root", "--target",
                CommandLineTest.mysqlUrl(target, "mapx"), "--target-user", "root", "--databases", "mapa,mapb");
        assertEquals(2, two.code(), two.all());
        assertTrue(two.err().contains("the target URL names the database mapx") && two.err().contains("mapa, mapb")
                && two.err().contains("--map-database"), two.err());

        CommandLineTest.Result notInScope = CommandLineTest.run(env, "copy", "--source", src, "--source-user", "root", "--target",
                CommandLineTest.mysqlUrl(target, ""), "--target-user", "root", "--databases", "mapa", "--map-database", "mapz=mapy");
        assertEquals(2, notInScope.code(), notInScope.all());
        assertTrue(notInScope.err().contains("mapz is not among the source databases in scope (mapa)"), notInScope.err());

        CommandLineTest.Result malformed = CommandLineTest.run(env, "migrate", "--source", src, "--source-user", "root", "--target",
                CommandLineTest.mysqlUrl(target, ""), "--target-user", "root", "--databases", "mapa", "--map-database", "mapa");
        assertEquals(2, malformed.code(), malformed.all());
        assertTrue(malformed.err().contains("--map-database 'mapa': write SRC=DST"), malformed.err());

        CommandLineTest.Result merged = CommandLineTest.run(env, "migrate", "--source", src, "--source-user", "root", "--target",
                CommandLineTest.mysqlUrl(target, ""), "--target-user", "root", "--databases", "mapa,mapb", "--map-database",
                "mapa=mapb");
        assertEquals(2, merged.code(), merged.all());
        assertTrue(merged.err().contains("source database mapb keeps its name and goes to mapb too"), merged.err());

        for (String db : List.of("mapa", "mapb", "mapx")) {
            assertEquals("0", scalar(target, "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + db + "'"),
                    db + " was created although the run was refused");
        }
    }

    @Test
    void syncAppliesTheSourcesChangesToTheRenamedDatabase() throws Exception {
        EmbeddedServer source = SharedServers.mySql();
        EmbeddedServer target = SharedServers.mySqlTarget();
        execute(source, "DROP DATABASE IF EXISTS `mapsync`", "CREATE DATABASE `mapsync`",
                "CREATE TABLE `mapsync`.`t` (`id` INT PRIMARY KEY, `s` VARCHAR(20))",
                "INSERT INTO `mapsync`.`t` VALUES (1,'one'),(2,'two'),(3,'three')");
        execute(target, "DROP DATABASE IF EXISTS `mapsync`", "DROP DATABASE IF EXISTS `mapsync_v2`");
        var env = CommandLineTest.passwords("", "");
        List<String> common = List.of("--source", CommandLineTest.mysqlUrl(source, ""), "--source-user", "root", "--target",
                CommandLineTest.mysqlUrl(target, ""), "--target-user", "root", "--databases", "mapsync", "--map-database",
                "mapsync=mapsync_v2");
        CommandLineTest.Result migrate = CommandLineTest.run(env, with("migrate", common));
        assertEquals(0, migrate.code(), migrate.all());

        execute(source, "INSERT INTO `mapsync`.`t` VALUES (4,'four')", "UPDATE `mapsync`.`t` SET s = 'TWO' WHERE id = 2",
                "DELETE FROM `mapsync`.`t` WHERE id = 1");
        List<String> sync = new ArrayList<>(common);
        sync.add("--until-caught-up");
        CommandLineTest.Result r = CommandLineTest.run(env, with("sync", sync));
        assertEquals(0, r.code(), r.all());
        assertEquals(List.of("2:TWO", "3:three", "4:four"), column(target, "SELECT CONCAT(id, ':', s) FROM `mapsync_v2`.`t` ORDER BY id"));
        assertEquals("0", scalar(target, "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = 'mapsync'"));
        CommandLineTest.Result verify = CommandLineTest.run(env, with("verify", common));
        assertEquals(0, verify.code(), verify.all());
        assertTrue(verify.out().contains("1 match, 0 mismatch"), verify.out());
    }

    /** Views, routines, triggers and events of {@code to} name {@code to}, never {@code from}. */
    private static void assertRenamed(EmbeddedServer server, String from, String to) throws SQLException {
        String old = "`" + from + "`";
        List<String> bodies = new ArrayList<>();
        bodies.addAll(column(server, "SELECT VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = '" + to + "'"));
        bodies.addAll(column(server, "SELECT ROUTINE_DEFINITION FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = '" + to + "'"));
        bodies.addAll(column(server, "SELECT ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = '" + to + "'"));
        bodies.addAll(column(server, "SELECT EVENT_DEFINITION FROM information_schema.EVENTS WHERE EVENT_SCHEMA = '" + to + "'"));
        assertEquals(5, bodies.size(), "a view, two routines, a trigger and an event: " + bodies);
        for (String body : bodies) {
            assertTrue(body.contains("`" + to + "`"), body);
            assertFalse(body.contains(old) || body.matches("(?s).*\\b" + from + "\\.(?!orders: ).*"), body);
        }
        assertEquals(List.of(to), column(server, "SELECT REFERENCED_TABLE_SCHEMA FROM information_schema.KEY_COLUMN_USAGE "
                + "WHERE TABLE_SCHEMA = '" + to + "' AND REFERENCED_TABLE_NAME IS NOT NULL"), "the foreign key");
    }

    private static String[] with(String command, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(command);
        all.addAll(rest);
        return all.toArray(String[]::new);
    }

    private static java.nio.file.Path outDir(CommandLineTest.Result r) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Report: (.*)/report\\.json").matcher(r.out());
        assertTrue(m.find(), r.out());
        return java.nio.file.Path.of(m.group(1));
    }

    private static Connection connect(EmbeddedServer server) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "root");
        p.setProperty("password", "");
        return new com.mysql.cj.jdbc.Driver().connect(server.jdbcUrl(""), p);
    }

    private static void execute(EmbeddedServer server, String... sql) throws SQLException {
        try (Connection c = connect(server); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private static String scalar(EmbeddedServer server, String sql) throws SQLException {
        List<String> values = column(server, sql);
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> column(EmbeddedServer server, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(server); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
