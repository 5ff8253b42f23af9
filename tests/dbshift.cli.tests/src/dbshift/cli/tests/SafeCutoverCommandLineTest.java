package dbshift.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dbshift.embedded.SharedServers;

/** The safe-cutover runbook from the command line: repair, the gate with a replay report, fallback and back. */
class SafeCutoverCommandLineTest {

    @Test
    void repairGateAndFallbackFromTheCommandLine() throws Exception {
        CommandLineTest.execute(SharedServers.mySql(), "DROP DATABASE IF EXISTS `runbook`", "CREATE DATABASE `runbook`",
                "CREATE TABLE `runbook`.`t` (`id` INT PRIMARY KEY, `s` VARCHAR(20) NOT NULL)",
                "INSERT INTO `runbook`.`t` VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        CommandLineTest.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `runbook`");
        var env = CommandLineTest.passwords("", "");
        CommandLineTest.Result migrate = run(env, "migrate");
        assertEquals(0, migrate.code(), migrate.all());

        CommandLineTest.execute(SharedServers.mySqlTarget(), "UPDATE `runbook`.`t` SET s = 'x' WHERE id = 2");
        CommandLineTest.Result repair = run(env, "repair");
        assertEquals(0, repair.code(), repair.all());
        assertEquals("b", CommandLineTest.scalar(SharedServers.mySqlTarget(), "SELECT s FROM `runbook`.`t` WHERE id = 2"));

        Path badReplay = Files.createTempFile("replay", ".json");
        Files.writeString(badReplay, "{\"summary\": {\"statements\": 4, \"differing\": 1, \"errors\": 0}}");
        CommandLineTest.Result refused = run(env, "cutover", "--lag-window", "1", "--replay-report", badReplay.toString());
        assertEquals(1, refused.code(), refused.all());
        assertTrue(refused.all().contains("cutover refused by its gate") && refused.all().contains("1 with differing results"),
                refused.all());

        CommandLineTest.Result badOption = run(env, "cutover", "--lag-window", "0");
        assertEquals(2, badOption.code(), badOption.all());

        CommandLineTest.Result cutover = run(env, "cutover", "--lag-window", "1", "--with-fallback");
        assertEquals(0, cutover.code(), cutover.all());
        assertTrue(cutover.out().contains("record fallback"), cutover.out());

        CommandLineTest.execute(SharedServers.mySqlTarget(), "INSERT INTO `runbook`.`t` VALUES (4, 'on the target')",
                "DELETE FROM `runbook`.`t` WHERE id = 1");
        CommandLineTest.Result back = run(env, "fallback-sync", "--until-caught-up");
        assertEquals(0, back.code(), back.all());
        CommandLineTest.Result switchBack = run(env, "fallback-cutover");
        assertEquals(0, switchBack.code(), switchBack.all());
        assertEquals("2,3,4", CommandLineTest.scalar(SharedServers.mySql(), "SELECT GROUP_CONCAT(id ORDER BY id) FROM `runbook`.`t`"));
    }

    private static CommandLineTest.Result run(java.util.Map<String, String> env, String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--source", CommandLineTest.mysqlUrl(SharedServers.mySql(), ""),
                "--source-user", "root", "--target", CommandLineTest.mysqlUrl(SharedServers.mySqlTarget(), ""), "--target-user",
                "root", "--target-kind", "mysql", "--databases", "runbook"));
        args.addAll(List.of(more));
        return CommandLineTest.run(env, args.toArray(String[]::new));
    }
}
