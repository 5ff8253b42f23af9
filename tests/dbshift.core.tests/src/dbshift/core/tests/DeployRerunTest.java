package dbshift.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;

import dbshift.core.assess.Finding;
import dbshift.core.engine.Dialects;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationException;
import dbshift.core.run.MigrationOptions;
import dbshift.core.run.ObjectResult;
import dbshift.core.run.StatementOutcome;
import dbshift.core.run.Status;
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

    private static Migration migration(MigrationOptions options) {
        return Migration.live(Fixtures.endpoint(SharedServers.mySql()), Fixtures.endpoint(SharedServers.mySqlTarget()),
                Dialects.targetKind("mysql"), options);
    }
}
