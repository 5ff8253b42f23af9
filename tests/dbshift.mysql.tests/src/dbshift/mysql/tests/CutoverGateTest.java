package dbshift.mysql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dbshift.core.engine.Dialects;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationException;
import dbshift.core.run.MigrationOptions;
import dbshift.core.run.Status;
import dbshift.core.run.StepResult;
import dbshift.core.sync.CutoverGate;
import dbshift.embedded.SharedServers;

/**
 * The cutover gate refuses while the last verification found a difference, says which condition failed with its
 * numbers, and passes once repair has copied exactly the differing slices again; --force switches anyway and says so.
 */
class CutoverGateTest {

    @Test
    void gateRefusesUntilRepairedAndForceIsRecorded() throws Exception {
        Fixtures.execute(SharedServers.mySql(), "DROP DATABASE IF EXISTS `gate1`", "CREATE DATABASE `gate1`",
                "CREATE TABLE `gate1`.`t` (`id` INT PRIMARY KEY, `s` VARCHAR(20) NOT NULL)", "SET SESSION cte_max_recursion_depth = 10000",
                "INSERT INTO `gate1`.`t` WITH RECURSIVE k (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 5000) "
                        + "SELECT i, CONCAT('row ', i) FROM k");
        Fixtures.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `gate1`");
        MigrationOptions options = MigrationOptions.defaults().withSchemas(List.of("gate1")).withChunkRows(1_000);
        migration(options).migrate();

        // drift on the target, found by a verification
        Fixtures.execute(SharedServers.mySqlTarget(), "UPDATE `gate1`.`t` SET s = 'drift' WHERE id = 1234",
                "DELETE FROM `gate1`.`t` WHERE id = 4321");
        Migration verify = migration(options);
        verify.verify();
        assertEquals("mismatch", verify.run().table("gate1", "t").checksum());

        Migration refused = migration(options);
        MigrationException e = assertThrows(MigrationException.class, () -> refused.cutover(false));
        assertTrue(e.getMessage().contains("cutover refused by its gate") && e.getMessage().contains("1 of 1 table(s) differing"),
                e.getMessage());
        assertEquals(Status.FAILED, step(refused, "gate: verification").status());
        assertEquals(Status.OK, step(refused, "gate: sync lag").status(), step(refused, "gate: sync lag").message());
        assertEquals(Status.OK, step(refused, "gate: findings").status());
        assertTrue(refused.run().steps().stream().noneMatch(s -> s.step().equals("verify")), "nothing was switched");

        Migration forced = migration(options);
        // forced past the gate, the switch still verifies every table and finds the drift
        MigrationException notReady = assertThrows(MigrationException.class,
                () -> forced.cutover(false, null, new CutoverGate(10, 2, true, List.of())));
        assertTrue(notReady.getMessage().contains("verification found differences"), notReady.getMessage());
        assertEquals(Status.WARNING, step(forced, "gate: verification").status());
        assertTrue(step(forced, "gate: verification").message().contains("overridden by --force"));
        assertTrue(forced.run().notes().stream().anyMatch(n -> n.contains("overridden by --force")), forced.run().notes().toString());

        // repair copies exactly the differing slices again
        Migration repair = migration(options);
        repair.repair();
        String message = repair.run().table("gate1", "t").message();
        assertTrue(message.contains("2 differed and were copied again"), message);
        assertEquals("match", repair.run().table("gate1", "t").checksum());
        assertEquals("row 1234", Fixtures.scalar(SharedServers.mySqlTarget(), "SELECT s FROM `gate1`.`t` WHERE id = 1234"));

        Migration clean = migration(options);
        clean.cutover(false);
        assertEquals(Status.OK, step(clean, "gate: verification").status());
        assertEquals(Status.OK, step(clean, "cutover").status());
    }

    private static StepResult step(Migration m, String name) {
        return m.run().steps().stream().filter(s -> s.step().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name + " in " + m.run().steps()));
    }

    private static Migration migration(MigrationOptions options) {
        return Migration.live(Fixtures.endpoint(SharedServers.mySql()), Fixtures.endpoint(SharedServers.mySqlTarget()),
                Dialects.targetKind("mysql"), options);
    }
}
