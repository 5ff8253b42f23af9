package dbshift.mysql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import dbshift.core.assess.Finding;
import dbshift.core.engine.Dialects;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationException;
import dbshift.core.run.MigrationOptions;
import dbshift.core.run.ObjectResult;
import dbshift.core.run.StatementOutcome;
import dbshift.core.run.StepResult;
import dbshift.core.run.Status;
import dbshift.core.script.Phase;
import dbshift.core.script.Script;
import dbshift.core.script.ScriptStatement;
import dbshift.embedded.SharedServers;

/**
 * A deploy that fails part-way stops there and says exactly how far it got; a rerun compares with the target
 * first and does only what is missing.
 */
class DeployRerunTest {

    @Test
    void failedDeployLeavesTheTargetAsTheRunSaysAndARerunFinishesIt() throws SQLException {
        Fixtures.execute(SharedServers.mySql(), "DROP DATABASE IF EXISTS `dep`", "CREATE DATABASE `dep`",
                "CREATE TABLE `dep`.`t` (`id` INT PRIMARY KEY, `v` VARCHAR(10))", "INSERT INTO `dep`.`t` VALUES (1, 'a'), (2, 'b')",
                "CREATE VIEW `dep`.`v_t` AS SELECT `id` FROM `dep`.`t`",
                "CREATE FUNCTION `dep`.`a_safe`(x INT) RETURNS INT DETERMINISTIC RETURN x + 1",
                "SET GLOBAL log_bin_trust_function_creators = 1",
                "CREATE FUNCTION `dep`.`b_random`() RETURNS INT NOT DETERMINISTIC RETURN FLOOR(RAND() * 10)",
                "SET GLOBAL log_bin_trust_function_creators = 0",
                "CREATE PROCEDURE `dep`.`c_proc`() SELECT `dep`.`a_safe`(1)");
        Fixtures.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `dep`", "SET GLOBAL log_bin_trust_function_creators = 0");
        TypeFidelityTest.clearCopyState("dep");
        MigrationOptions options = MigrationOptions.defaults().withSchemas(List.of("dep"));

        Migration first = migration(options);
        List<Finding> findings = first.assess();
        assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals("MYSQL-SUPER") && f.object().contains("b_random")),
                "the assessment must predict the failure: " + findings);
        MigrationException failure = assertThrows(MigrationException.class, first::migrate);
        assertTrue(failure.getMessage().contains("partly deployed"), failure.getMessage());

        List<StatementOutcome> statements = first.run().statements();
        StatementOutcome failed = statements.stream().filter(s -> s.status() == Status.FAILED).findFirst().orElseThrow();
        assertTrue(failed.objectName().contains("b_random"), failed.toString());
        assertTrue(failed.error().contains("log_bin_trust_function_creators"), failed.error());
        assertTrue(statements.stream().anyMatch(s -> s.status() == Status.NOT_RUN && s.objectName().contains("c_proc")),
                "what came after the failure is NOT_RUN: " + statements);
        // the target holds exactly what the run says ran
        assertEquals("1", Fixtures.scalar(SharedServers.mySqlTarget(),
                "SELECT COUNT(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = 'dep' AND ROUTINE_NAME = 'a_safe'"));
        assertEquals("0", Fixtures.scalar(SharedServers.mySqlTarget(),
                "SELECT COUNT(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = 'dep' AND ROUTINE_NAME IN ('b_random', 'c_proc')"));
        // functions come before views (a view may call one), so the view had not been reached either
        assertEquals("0", Fixtures.scalar(SharedServers.mySqlTarget(),
                "SELECT COUNT(*) FROM information_schema.VIEWS WHERE TABLE_SCHEMA = 'dep' AND TABLE_NAME = 'v_t'"));
        assertEquals(2, Fixtures.count(SharedServers.mySqlTarget(), "`dep`.`t`"), "the data step ran before the failure");

        // the fix the finding names; then the rerun does only what is missing
        Fixtures.execute(SharedServers.mySqlTarget(), "SET GLOBAL log_bin_trust_function_creators = 1");
        try {
            Migration second = migration(options);
            second.migrate();
            assertFalse(second.run().hasFailures(), second.run().statements().toString());
            List<String> deployed = second.run().statements().stream().filter(s -> s.status() == Status.OK)
                    .map(StatementOutcome::objectName).distinct().toList();
            assertEquals(List.of("`dep`.`b_random`", "`dep`.`v_t`", "`dep`.`c_proc`"), deployed,
                    "exactly the missing objects are created, in order");
            List<ObjectResult> existing = second.run().objects().stream().filter(o -> o.status() == Status.EXISTS).toList();
            assertTrue(existing.stream().anyMatch(o -> o.name().equals("t")) && existing.stream().anyMatch(o -> o.name().equals("a_safe")),
                    existing.toString());
            assertEquals(Status.SKIPPED, second.run().table("dep", "t").status(), "the copied table is not copied twice");
            assertEquals(2, Fixtures.count(SharedServers.mySqlTarget(), "`dep`.`t`"));
            assertEquals("match", second.run().table("dep", "t").checksum());
        } finally {
            Fixtures.execute(SharedServers.mySqlTarget(), "SET GLOBAL log_bin_trust_function_creators = 0");
        }
    }

    @Test
    void cancelledDeployStopsBetweenStatementsSaysSoAndARerunFinishesIt() throws Exception {
        Fixtures.execute(SharedServers.mySql(), "DROP DATABASE IF EXISTS `depc`", "CREATE DATABASE `depc`",
                "CREATE TABLE `depc`.`a` (`id` INT PRIMARY KEY)", "CREATE TABLE `depc`.`b` (`id` INT PRIMARY KEY)",
                "CREATE TABLE `depc`.`c` (`id` INT PRIMARY KEY)", "CREATE VIEW `depc`.`v` AS SELECT `id` FROM `depc`.`a`");
        Fixtures.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `depc`");
        MigrationOptions options = MigrationOptions.defaults().withSchemas(List.of("depc"));

        Migration first = migration(options);
        Script planned = first.plan();
        // a statement that takes a while right after the first table, so the cancel lands while the deploy runs
        List<ScriptStatement> statements = new ArrayList<>(planned.statements());
        int firstTable = indexOf(statements, "`depc`.`a`");
        ScriptStatement table = statements.get(firstTable);
        statements.add(firstTable + 1, new ScriptStatement(table.phase(), table.objectType(), table.objectName(), "DO SLEEP(2)"));
        Script slow = new Script(planned.dialect(), statements);

        Thread canceller = new Thread(() -> {
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline
                    && !("deploy".equals(first.run().progress().step()) && first.run().progress().done() > firstTable)) {
                Thread.onSpinWait();
            }
            try {
                Thread.sleep(500); // into the two seconds of the slow statement
            } catch (InterruptedException e) {
                return;
            }
            first.run().progress().cancel(); // what the job's Cancel button does
        });
        canceller.start();
        MigrationException cancelled = assertThrows(MigrationException.class,
                () -> first.deploy(slow, EnumSet.allOf(Phase.class), "schema"));
        canceller.join();
        assertTrue(cancelled.getMessage().contains("cancelled"), cancelled.getMessage());
        StepResult step = first.run().steps().getLast();
        assertEquals(Status.FAILED, step.status(), "a cancelled deploy is not reported as done: " + step);

        // the run says exactly which statements ran; the target holds exactly those
        List<StatementOutcome> outcomes = first.run().statements();
        int ran = firstTable + 2; // everything up to the first table, and the slow statement during which the cancel came
        assertEquals(statements.subList(0, ran).stream().map(ScriptStatement::sql).toList(),
                outcomes.stream().filter(o -> o.status() == Status.OK).map(StatementOutcome::sql).toList(), outcomes.toString());
        List<StatementOutcome> notRun = outcomes.stream().filter(o -> o.status() == Status.NOT_RUN).toList();
        assertEquals(statements.size() - ran, notRun.size(), "every later statement is NOT_RUN: " + outcomes);
        assertTrue(notRun.stream().allMatch(o -> o.error().equals("not run: cancelled")), notRun.toString());
        assertEquals(List.of("a"), Fixtures.rows(SharedServers.mySqlTarget(),
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'depc' ORDER BY 1").stream()
                .map(r -> r.get(0)).toList());
        assertTrue(first.run().objects().stream().anyMatch(o -> o.name().equals("b") && o.status() == Status.NOT_RUN),
                "the objects not reached are reported as not run: " + first.run().objects());

        // run again: only what is missing is created
        Migration second = migration(options);
        assertTrue(second.deploy(second.plan(), EnumSet.allOf(Phase.class), "schema"), second.run().statements().toString());
        List<String> created = second.run().statements().stream().filter(o -> o.status() == Status.OK)
                .map(StatementOutcome::objectName).distinct().toList();
        assertFalse(created.contains("`depc`.`a`"), "the table the cancelled run created is not created again: " + created);
        assertTrue(created.containsAll(List.of("`depc`.`b`", "`depc`.`c`", "`depc`.`v`")), created.toString());
        assertEquals("4", Fixtures.scalar(SharedServers.mySqlTarget(),
                "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'depc'"));
    }

    private static int indexOf(List<ScriptStatement> statements, String objectName) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).objectName().equals(objectName) && statements.get(i).sql().startsWith("CREATE TABLE")) {
                return i;
            }
        }
        throw new AssertionError("no CREATE TABLE for " + objectName + " in " + statements);
    }

    private static Migration migration(MigrationOptions options) {
        return Migration.live(Fixtures.endpoint(SharedServers.mySql()), Fixtures.endpoint(SharedServers.mySqlTarget()),
                Dialects.targetKind("mysql"), options);
    }
}
