package dbshift.cli.tests;

import static dbshift.cli.tests.CommandLineTest.mysqlUrl;
import static dbshift.cli.tests.CommandLineTest.passwords;
import static dbshift.cli.tests.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dbshift.cli.tests.CommandLineTest.Result;
import dbshift.embedded.SharedServers;

/**
 * Bad input is refused the same way by every command: the message names the option (or the file, or the endpoint),
 * what is wrong and what is allowed, and the exit code is 2; a run whose source lost objects or which stopped never
 * says "Result: OK".
 */
class BadInputCommandLineTest {
    private static final String TSQL = """
            CREATE TABLE [dbo].[Orders] ([Id] int NOT NULL PRIMARY KEY, [Total] money NOT NULL,)
            GO
            """;

    private static String bogusSource() {
        return "jdbc:mysql://127.0.0.1:1/";
    }

    private static void assertUsage(Result r, String... expected) {
        assertEquals(2, r.code(), r.all());
        for (String e : expected) {
            assertTrue(r.err().contains(e), "'" + e + "' missing from:\n" + r.err());
        }
        assertFalse(r.out().contains("Result: OK"), r.out());
    }

    @Test
    void everyNumericOptionIsCheckedAgainstItsRange() {
        assertUsage(run(passwords("", ""), "sync", "--source", bogusSource(), "--target", bogusSource(), "--max-seconds", "-1"),
                "--max-seconds must be between 0 and 315360000 seconds", "not -1");
        assertUsage(run(passwords("", ""), "copy", "--source", bogusSource(), "--target", bogusSource(), "--jobs", "0"),
                "--jobs must be between 1 and 256 workers, not 0");
        assertUsage(run(passwords("", ""), "copy", "--source", bogusSource(), "--target", bogusSource(), "--chunk-rows", "-5"),
                "--chunk-rows must be between 0 and 2147483647 rows", "not -5");
        assertUsage(run(passwords("", ""), "copy", "--source", bogusSource(), "--target", bogusSource(), "--bulk-batch-size", "-1"),
                "--bulk-batch-size must be between 0 and 2147483647 rows", "not -1");
    }

    @Test
    void anOutputFolderThatCannotBeWrittenIsNamedWithTheReason(@TempDir Path dir) throws IOException {
        Path source = Files.writeString(dir.resolve("s.sql"), TSQL);
        Result proc = run(passwords("", ""), "script", "--source-script", source.toString(), "--source-kind", "sqlserver", "--out",
                "/proc/dbshiftout");
        assertUsage(proc, "--out /proc/dbshiftout: cannot write the report and script there (", "choose a folder you can write to");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Result underFile = run(passwords("", ""), "script", "--source-script", source.toString(), "--source-kind", "sqlserver", "--out",
                file.resolve("out").toString());
        assertUsage(underFile, "--out " + file.resolve("out") + ": cannot write the report and script there (");
    }

    @Test
    void aScriptFileThatIsNotTextIsRefusedTheSameWayByEveryCommand(@TempDir Path dir) throws IOException {
        Path binary = Files.write(dir.resolve("dump.bak"), new byte[] { 'T', 'A', 'P', 'E', 0, 0, 3, 1, (byte) 0xff, 0 });
        Path latin1 = Files.write(dir.resolve("latin1.sql"), "CREATE TABLE t (name varchar(10) DEFAULT 'Müller')".getBytes(
                StandardCharsets.ISO_8859_1));
        for (List<String> command : List.of(List.of("assess"), List.of("script"),
                List.of("deploy", "--target", mysqlUrl(SharedServers.mySqlTarget(), ""), "--target-user", "root"))) {
            String option = command.get(0).equals("deploy") ? "--script" : "--source-script";
            List<String> args = new java.util.ArrayList<>(command);
            args.addAll(List.of(option, binary.toString(), "--source-kind", "sqlserver", "--out", dir.resolve("o").toString()));
            if (command.get(0).equals("deploy")) {
                args.removeAll(List.of("--source-kind", "sqlserver"));
            }
            assertUsage(run(passwords("", ""), args.toArray(String[]::new)), option + " " + binary + ": it is not a text file (byte 4 is a NUL byte");
            args.set(args.indexOf(binary.toString()), latin1.toString());
            assertUsage(run(passwords("", ""), args.toArray(String[]::new)), option + " " + latin1 + ": it is not valid UTF-8 text (at byte 43)");
        }
    }

    @Test
    void aUtf16ScriptAsSsmsSavesItIsRead(@TempDir Path dir) throws IOException {
        byte[] text = TSQL.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[text.length + 2];
        withBom[0] = (byte) 0xff;
        withBom[1] = (byte) 0xfe;
        System.arraycopy(text, 0, withBom, 2, text.length);
        Path source = Files.write(dir.resolve("unicode.sql"), withBom);
        Result r = run(passwords("", ""), "script", "--source-script", source.toString(), "--source-kind", "sqlserver", "--target-kind",
                "mysql", "--out", dir.resolve("o").toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(Files.readString(dir.resolve("o").resolve("schema.sql")).contains("`Total` decimal(19,4) NOT NULL"));
    }

    @Test
    void aPortOutOfRangeSaysWhichEndpoint() {
        assertUsage(run(passwords("", ""), "assess", "--source", "jdbc:mysql://127.0.0.1:99999/"),
                "--source jdbc:mysql://127.0.0.1:99999/: port 99999 is out of range (1-65535)");
        assertUsage(run(passwords("", ""), "copy", "--source", mysqlUrl(SharedServers.mySql(), ""), "--source-user", "root", "--target",
                "jdbc:mariadb://127.0.0.1:70000/", "--target-user", "root"),
                "--target jdbc:mariadb://127.0.0.1:70000/: port 70000 is out of range (1-65535)");
    }

    @Test
    void aMalformedUserListIsRefusedByEveryCommand(@TempDir Path dir) throws IOException {
        Path source = Files.writeString(dir.resolve("s.sql"), TSQL);
        assertUsage(run(passwords("", ""), "assess", "--source-script", source.toString(), "--source-kind", "sqlserver", "--users", "app,,report"),
                "--users: '': an empty account name");
        assertUsage(run(passwords("", ""), "migrate", "--source", bogusSource(), "--target", bogusSource(), "--users", "app,,report"),
                "--users: '': an empty account name");
        assertUsage(run(passwords("", ""), "migrate", "--source", bogusSource(), "--target", bogusSource(), "--users", "app@"),
                "--users: 'app@': the host after @ is missing");
        // well-formed lists still pass the check (and then fail only at the connection)
        Result fine = run(passwords("", ""), "migrate", "--source", bogusSource(), "--target", bogusSource(), "--users",
                "app,report@10.0.%,'odd@name'@'%',*");
        assertFalse(fine.err().contains("--users"), fine.err());
    }

    @Test
    void aTargetKindThatDoesNotFitTheServerIsRefused(@TempDir Path dir) throws IOException {
        Path source = Files.writeString(dir.resolve("s.sql"), TSQL);
        assertUsage(run(passwords("", ""), "deploy", "--source-script", source.toString(), "--source-kind", "sqlserver", "--target",
                mysqlUrl(SharedServers.mySqlTarget(), ""), "--target-user", "root", "--target-kind", "sqlserver"),
                "--target-kind sqlserver does not fit the target jdbc:mysql://127.0.0.1:" + SharedServers.mySqlTarget().port(),
                "leads to a MySQL or MariaDB server; the kinds that fit it are mysql, azure-mysql, mariadb");
        // either driver reaches either server: a MariaDB kind through jdbc:mysql: still fits
        Result mariadb = run(passwords("", ""), "script", "--source-script", source.toString(), "--source-kind", "sqlserver",
                "--target", mysqlUrl(SharedServers.mySqlTarget(), ""), "--target-user", "root", "--target-kind", "mariadb", "--out",
                dir.resolve("o").toString());
        assertFalse(mariadb.err().contains("does not fit"), mariadb.err());
        assertEquals(0, mariadb.code(), mariadb.all());
    }

    @Test
    void aStoppedRunNeverSaysResultOk(@TempDir Path dir) throws IOException {
        Path source = Files.writeString(dir.resolve("s.sql"), TSQL);
        Result copy = run(passwords("", ""), "copy", "--source-script", source.toString(), "--source-kind", "sqlserver", "--target",
                mysqlUrl(SharedServers.mySqlTarget(), ""), "--target-user", "root", "--target-kind", "mysql", "--out",
                dir.resolve("o").toString());
        assertUsage(copy, "needs a live source");
        assertTrue(copy.out().contains("Result: STOPPED"), copy.out());
    }

    @Test
    void theDataStepFailsWhenATableDid(@TempDir Path dir) throws Exception {
        CommandLineTest.execute(SharedServers.mySql(), "DROP DATABASE IF EXISTS `badcopy`", "CREATE DATABASE `badcopy`",
                "CREATE TABLE `badcopy`.`t` (`id` INT PRIMARY KEY, `s` VARCHAR(40))",
                "INSERT INTO `badcopy`.`t` VALUES (1, 'far too long for three')");
        CommandLineTest.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `badcopy`", "CREATE DATABASE `badcopy`",
                "CREATE TABLE `badcopy`.`t` (`id` INT PRIMARY KEY, `s` VARCHAR(3))");
        try {
            Result r = run(passwords("", ""), "copy", "--source", mysqlUrl(SharedServers.mySql(), ""), "--source-user", "root",
                    "--target", mysqlUrl(SharedServers.mySqlTarget(), ""), "--target-user", "root", "--target-kind", "mysql",
                    "--databases", "badcopy", "--out", dir.toString());
            assertEquals(1, r.code(), r.all());
            assertTrue(java.util.regex.Pattern.compile("(?m)^  data\\s+FAILED").matcher(r.out()).find(), r.out());
            assertTrue(r.out().contains("Result: FINISHED WITH FAILURES"), r.out());
        } finally {
            CommandLineTest.execute(SharedServers.mySql(), "DROP DATABASE IF EXISTS `badcopy`");
            CommandLineTest.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `badcopy`");
        }
    }

    @Test
    void aSourceScriptThatLostObjectsFinishesWithFailures(@TempDir Path dir) throws IOException {
        Path source = Files.writeString(dir.resolve("s.sql"), """
                CREATE PROCEDURE dbo.Broken AS
                    PRINT 'unclosed
                GO
                CREATE TABLE dbo.Kept (Id int NOT NULL PRIMARY KEY)
                GO
                CRATE TABLE dbo.Typo (Id int)
                GO
                """);
        Result r = run(passwords("", ""), "assess", "--source-script", source.toString(), "--source-kind", "sqlserver", "--out",
                dir.resolve("o").toString());
        assertEquals(1, r.code(), r.all());
        assertTrue(r.out().contains("1 tables"), r.out());
        assertTrue(r.out().contains("READ-PROBLEM") && r.out().contains("line 2)") && r.out().contains("line 6:"), r.out());
        assertTrue(r.out().contains("Result: FINISHED WITH FAILURES"), r.out());
    }

    @Test
    void helpOfEveryCommandPrintsWithoutWarnings() {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (String command : List.of("assess", "script", "deploy", "copy", "verify", "migrate", "sync", "cutover", "demo",
                    "version")) {
                Result help = run(java.util.Map.of(), "help", command);
                assertEquals(0, help.code(), help.all());
                assertFalse(help.all().contains("WARN"), command + ": " + help.all());
                if (!command.equals("version")) {
                    assertTrue(help.out().contains("report@%"), command + ":\n" + help.out());
                }
            }
        } finally {
            System.setErr(saved);
        }
        String warnings = captured.toString(StandardCharsets.UTF_8);
        assertFalse(warnings.contains("WARN"), warnings);
    }
}
