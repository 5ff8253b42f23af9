package dbshift.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dbshift.cli.Main;
import dbshift.embedded.EmbeddedServer;
import dbshift.embedded.SharedServers;

/**
 * The command line is a contract: its options, its exit codes (0 ok, 1 failures or blocking findings, 2 bad usage or
 * no connection), errors that name the problem and the object, reports in the documented shape, and no password in
 * any output.
 */
class CommandLineTest {
    private static final String PASSWORD = "Tr1cky-Pa55 'word\"";

    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        boolean migrationCommand = args.length > 0 && List.of("assess", "script", "deploy", "copy", "verify", "migrate", "sync",
                "cutover").contains(args[0]);
        if (migrationCommand && !all.contains("--out")) {
            try {
                all.add("--out");
                all.add(Files.createTempDirectory("dbshift-cli-test").toString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        int code = Main.run(env, new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    static Map<String, String> passwords(String source, String target) {
        Map<String, String> env = new HashMap<>();
        if (source != null) {
            env.put("DBSHIFT_SOURCE_PASSWORD", source);
        }
        if (target != null) {
            env.put("DBSHIFT_TARGET_PASSWORD", target);
        }
        return env;
    }

    @BeforeAll
    static void accounts() throws SQLException {
        for (EmbeddedServer server : List.of(SharedServers.mySql(), SharedServers.mySqlTarget())) {
            execute(server, "DROP USER IF EXISTS 'cli_user'@'%'", "CREATE USER 'cli_user'@'%' IDENTIFIED BY '" + PASSWORD.replace("'", "''") + "'",
                    "GRANT ALL PRIVILEGES ON *.* TO 'cli_user'@'%' WITH GRANT OPTION");
        }
        execute(SharedServers.mySql(), "DROP DATABASE IF EXISTS `cli`", "CREATE DATABASE `cli`",
                "CREATE TABLE `cli`.`t` (`id` INT PRIMARY KEY, `s` VARCHAR(20))", "INSERT INTO `cli`.`t` VALUES (1, 'one'), (2, 'two')",
                "DROP USER IF EXISTS 'view_owner'@'%'", "CREATE USER 'view_owner'@'%'",
                "CREATE DEFINER = 'view_owner'@'%' VIEW `cli`.`v` AS SELECT `id` FROM `cli`.`t`");
    }

    @Test
    void helpListsTheCommandsAndVersionPrintsOne() {
        Result help = run(Map.of(), "--help");
        assertEquals(0, help.code());
        for (String command : List.of("assess", "script", "deploy", "copy", "verify", "migrate", "sync", "cutover", "demo", "version")) {
            assertTrue(help.out().contains(command), command + " missing from --help:\n" + help.out());
        }
        Result version = run(Map.of(), "version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("DBShift 0.1.0"), version.out());
    }

    @Test
    void everyMigrationCommandTakesTheContractOptions() {
        for (String command : List.of("assess", "script", "deploy", "copy", "verify", "migrate")) {
            Result help = run(Map.of(), "help", command);
            for (String option : List.of("--source", "--target", "--source-user", "--target-user", "--target-kind", "--out",
                    "--jobs", "--definer", "--map-database")) {
                assertTrue(help.out().contains(option), command + " lacks " + option + ":\n" + help.out());
            }
        }
    }

    @Test
    void badUsageExitsWithTwoAndSaysWhatIsWrong() {
        Result unknown = run(Map.of(), "migrate", "--sorce", "jdbc:mysql://x/");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("--sorce"), unknown.err());

        Result noSource = run(passwords("", ""), "migrate", "--target", mysqlUrl(SharedServers.mySqlTarget(), ""));
        assertEquals(2, noSource.code());
        assertTrue(noSource.err().contains("--source is required"), noSource.err());

        Result badDefiner = run(passwords("", ""), "assess", "--source", "jdbc:mysql://127.0.0.1:1/", "--definer", "drop");
        assertEquals(2, badDefiner.code());
        assertTrue(badDefiner.err().contains("--definer must be strip, keep or rewrite, not 'drop'"), badDefiner.err());

        Result badKind = run(passwords("", ""), "assess", "--source", "jdbc:mysql://127.0.0.1:1/", "--target-kind", "oracle");
        assertEquals(2, badKind.code());
        assertTrue(badKind.err().contains("unknown target kind 'oracle'") && badKind.err().contains("azure-mysql"), badKind.err());

        Result badUrl = run(passwords("", ""), "assess", "--source", "jdbc:postgresql://localhost/db");
        assertEquals(2, badUrl.code());
        assertTrue(badUrl.err().contains("unsupported JDBC URL 'jdbc:postgresql://localhost/db'"), badUrl.err());
    }

    @Test
    void passwordsNeverComeFromTheCommandLineOrAUrl() {
        Result inUrl = run(passwords("", ""), "assess", "--source", "jdbc:mysql://127.0.0.1:3306/db?user=a&password=secret1");
        assertEquals(2, inUrl.code());
        assertTrue(inUrl.err().contains("contains a password"), inUrl.err());
        assertFalse(inUrl.all().contains("secret1"), "the password must not be echoed: " + inUrl.all());

        Result noPassword = run(Map.of(), "assess", "--source", mysqlUrl(SharedServers.mySql(), ""), "--source-user", "cli_user");
        assertEquals(2, noPassword.code());
        assertTrue(noPassword.err().contains("DBSHIFT_SOURCE_PASSWORD"), noPassword.err());

        Result option = run(Map.of(), "assess", "--source-password", "x");
        assertEquals(2, option.code(), "there is no password option");
    }

    @Test
    void connectionProblemsNameTheEndpointAndTheCause() {
        Result wrong = run(passwords("not-" + PASSWORD, ""), "assess", "--source", mysqlUrl(SharedServers.mySql(), ""),
                "--source-user", "cli_user");
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("cannot connect to the source jdbc:mysql://127.0.0.1:" + SharedServers.mySql().port() + "/ as cli_user"),
                wrong.err());
        assertTrue(wrong.err().contains("access denied - wrong user name or password"), wrong.err());
        assertFalse(wrong.all().contains(PASSWORD), "no password in the output");

        Result host = run(passwords("", ""), "assess", "--source", "jdbc:mysql://no-such-host.invalid:3306/", "--source-user", "root");
        assertEquals(2, host.code());
        assertTrue(host.err().contains("unknown host 'no-such-host.invalid'"), host.err());

        Result database = run(passwords(PASSWORD, ""), "assess", "--source", mysqlUrl(SharedServers.mySql(), "no_such_db"),
                "--source-user", "cli_user");
        assertEquals(2, database.code());
        assertTrue(database.err().contains("the database does not exist") && database.err().contains("no_such_db"), database.err());
    }

    @Test
    void aDatabaseNameThatIsNotThereIsNamedExactly() {
        String weird = "it's `odd` 💥";
        Result r = run(passwords(PASSWORD, ""), "assess", "--source", mysqlUrl(SharedServers.mySql(), ""), "--source-user", "cli_user",
                "--databases", weird);
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("database `it's ``odd`` 💥` does not exist on the server"), r.err());
    }

    @Test
    void migrateWritesScriptAndReportsAndNoPassword(@TempDir Path out) throws Exception {
        execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `cli`", "CREATE DATABASE IF NOT EXISTS `_dbshift`",
                "DROP TABLE IF EXISTS `_dbshift`.`copy_slice`", "DROP TABLE IF EXISTS `_dbshift`.`copy_table`");
        Result r = run(passwords(PASSWORD, PASSWORD), "migrate", "--source", mysqlUrl(SharedServers.mySql(), ""), "--source-user",
                "cli_user", "--target", mysqlUrl(SharedServers.mySqlTarget(), ""), "--target-user", "cli_user", "--target-kind",
                "mysql", "--databases", "cli", "--jobs", "2", "--out", out.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("Result: OK"), r.out());
        assertTrue(r.out().contains("checksums: 1 match, 0 mismatch"), r.out());
        for (String file : List.of("schema.sql", "report.json", "report.csv")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        assertTrue(Files.readString(out.resolve("schema.sql")).contains("CREATE TABLE `cli`.`t`"));
        @SuppressWarnings("unchecked")
        Map<String, Object> report = new ObjectMapper().readValue(out.resolve("report.json").toFile(), Map.class);
        for (String key : List.of("objects", "tables", "findings", "timings", "steps", "users", "summary", "status")) {
            assertTrue(report.containsKey(key), "report.json lacks " + key);
        }
        assertEquals("ok", report.get("status"));
        @SuppressWarnings("unchecked")
        Map<String, Object> table = ((List<Map<String, Object>>) report.get("tables")).get(0);
        for (String key : List.of("schema", "name", "sourceRows", "targetRows", "status", "checksum")) {
            assertTrue(table.containsKey(key), "tables[] lacks " + key);
        }
        assertEquals("match", table.get("checksum"));
        @SuppressWarnings("unchecked")
        Map<String, Object> object = ((List<Map<String, Object>>) report.get("objects")).get(0);
        for (String key : List.of("type", "schema", "name", "status")) {
            assertTrue(object.containsKey(key), "objects[] lacks " + key);
        }
        assertTrue(Files.readString(out.resolve("report.csv")).startsWith("section,type,schema,name,status,source_rows"));
        List<String> everything = new ArrayList<>(List.of(r.out(), r.err()));
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                everything.add(Files.readString(f));
            }
        }
        for (String text : everything) {
            assertFalse(text.contains(PASSWORD), "a password leaked into the output");
        }
        assertEquals("2", scalar(SharedServers.mySqlTarget(), "SELECT COUNT(*) FROM `cli`.`t`"));
    }

    @Test
    void blockingFindingsExitWithOneAndChangeNothing(@TempDir Path out) throws Exception {
        execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `cli`");
        Result r = run(passwords(PASSWORD, PASSWORD), "migrate", "--source", mysqlUrl(SharedServers.mySql(), ""), "--source-user",
                "cli_user", "--target", mysqlUrl(SharedServers.mySqlTarget(), ""), "--target-user", "cli_user", "--target-kind",
                "azure-mysql", "--databases", "cli", "--definer", "keep", "--out", out.toString());
        assertEquals(1, r.code(), r.all());
        assertTrue(r.err().contains("blocking finding"), r.err());
        assertTrue(r.out().contains("1 blocking"), r.out());
        assertEquals("0", scalar(SharedServers.mySqlTarget(), "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = 'cli'"),
                "nothing may change on the target");
        assertTrue(Files.readString(out.resolve("report.json")).contains("\"MYSQL-DEFINER\""));
    }

    static String mysqlUrl(EmbeddedServer server, String database) {
        return "jdbc:mysql://127.0.0.1:" + server.port() + "/" + database + "?useSSL=false&allowPublicKeyRetrieval=true";
    }

    static void execute(EmbeddedServer server, String... sql) throws SQLException {
        try (Connection c = connect(server); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    static String scalar(EmbeddedServer server, String sql) throws SQLException {
        try (Connection c = connect(server); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static Connection connect(EmbeddedServer server) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "root");
        p.setProperty("password", "");
        return new com.mysql.cj.jdbc.Driver().connect(server.jdbcUrl(""), p);
    }
}
