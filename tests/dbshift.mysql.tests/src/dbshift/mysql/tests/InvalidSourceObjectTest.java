package dbshift.mysql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dbshift.core.assess.Finding;
import dbshift.core.engine.Dialects;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationOptions;
import dbshift.core.run.ObjectResult;
import dbshift.core.run.Status;
import dbshift.embedded.SharedServers;

/**
 * An object the source itself cannot use (a view over a dropped table) is flagged by the assessment and left out of
 * the deployment, and everything else goes ahead: the valid views after it, the data, verification.
 */
class InvalidSourceObjectTest {

    @Test
    void aViewOverADroppedTableIsFlaggedLeftOutAndTheRestMigrates() throws Exception {
        Fixtures.execute(SharedServers.mariaDb(), "DROP DATABASE IF EXISTS `broken_views`", "CREATE DATABASE `broken_views`",
                "CREATE TABLE `broken_views`.`t` (`id` INT PRIMARY KEY, `s` VARCHAR(10))",
                "INSERT INTO `broken_views`.`t` VALUES (1, 'a'), (2, 'b')",
                "CREATE TABLE `broken_views`.`gone` (`id` INT PRIMARY KEY)",
                "CREATE VIEW `broken_views`.`a_ok` AS SELECT `id` FROM `broken_views`.`t`",
                "CREATE VIEW `broken_views`.`m_broken` AS SELECT `id` FROM `broken_views`.`gone`",
                "CREATE VIEW `broken_views`.`n_over_broken` AS SELECT `id` FROM `broken_views`.`m_broken`",
                "CREATE VIEW `broken_views`.`z_ok` AS SELECT COUNT(*) AS n FROM `broken_views`.`t`",
                "DROP TABLE `broken_views`.`gone`");
        Fixtures.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `broken_views`");
        Migration m = Migration.live(Fixtures.endpoint(SharedServers.mariaDb()), Fixtures.endpoint(SharedServers.mySqlTarget()),
                Dialects.targetKind("mysql"), MigrationOptions.defaults().withSchemas(List.of("broken_views")));

        List<Finding> invalid = m.assess().stream().filter(f -> f.ruleId().equals("SOURCE-INVALID-OBJECT")).toList();
        assertEquals(2, invalid.size(), invalid.toString());
        assertTrue(invalid.stream().anyMatch(f -> f.object().contains("m_broken")), invalid.toString());
        assertTrue(invalid.stream().anyMatch(f -> f.object().contains("n_over_broken")), invalid.toString());
        assertTrue(invalid.get(0).message().contains("left out"), invalid.get(0).message());

        m.migrate();
        assertEquals("2", Fixtures.scalar(SharedServers.mySqlTarget(), "SELECT n FROM `broken_views`.`z_ok`"));
        assertEquals("2", Fixtures.scalar(SharedServers.mySqlTarget(), "SELECT COUNT(*) FROM `broken_views`.`a_ok`"));
        assertEquals("0", Fixtures.scalar(SharedServers.mySqlTarget(), "SELECT COUNT(*) FROM information_schema.VIEWS "
                + "WHERE TABLE_SCHEMA = 'broken_views' AND TABLE_NAME IN ('m_broken', 'n_over_broken')"));
        assertTrue(m.run().steps().stream().anyMatch(s -> s.step().equals("verify") && s.status() == Status.OK), m.run().steps().toString());
        assertEquals("match", m.run().table("broken_views", "t").checksum());
        List<ObjectResult> leftOut = m.run().objects().stream().filter(o -> o.status() == Status.SKIPPED
                && o.message() != null && o.message().startsWith("left out")).toList();
        assertEquals(2, leftOut.size(), m.run().objects().toString());
        assertFalse(m.run().statements().stream().anyMatch(s -> s.status() == Status.FAILED), m.run().statements().toString());
    }
}
