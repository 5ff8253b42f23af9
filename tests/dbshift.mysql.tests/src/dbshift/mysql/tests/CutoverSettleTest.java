package dbshift.mysql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import dbshift.core.engine.Dialects;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationException;
import dbshift.core.run.MigrationOptions;
import dbshift.core.run.Status;
import dbshift.core.script.Phase;
import dbshift.core.sync.SyncResult;
import dbshift.embedded.SharedServers;

/**
 * Cutover with an outside catch-up (a Kafka Connect pipeline) and a settle time: a table that differs at the
 * verification is compared again until it matches (a write that arrived late), and a difference that stays is
 * reported after the settle time; "match" only ever comes from a comparison that matched.
 */
class CutoverSettleTest {

    @Test
    void aLateWriteIsComparedAgainAndALastingDifferenceIsReported() throws Exception {
        Fixtures.execute(SharedServers.mySql(), "DROP DATABASE IF EXISTS `settle1`", "CREATE DATABASE `settle1`",
                "CREATE TABLE `settle1`.`t` (`id` INT PRIMARY KEY, `s` VARCHAR(20) NOT NULL)",
                "CREATE TABLE `settle1`.`u` (`id` INT PRIMARY KEY, `n` INT)",
                "INSERT INTO `settle1`.`t` VALUES (1, 'one'), (2, 'two'), (3, 'three')",
                "INSERT INTO `settle1`.`u` VALUES (1, 10), (2, 20)");
        Fixtures.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `settle1`");
        MigrationOptions options = MigrationOptions.defaults().withSchemas(List.of("settle1"));
        migration(options).migrate();

        // the outside pipeline says it caught up, but its last write to t becomes visible 8 s later
        Fixtures.execute(SharedServers.mySqlTarget(), "UPDATE `settle1`.`t` SET s = 'old' WHERE id = 2");
        Migration late = migration(options);
        late.cutover(false, null, EnumSet.of(Phase.TRIGGERS, Phase.EVENTS), until -> {
            Thread writer = new Thread(() -> {
                try {
                    Thread.sleep(8000);
                    Fixtures.execute(SharedServers.mySqlTarget(), "UPDATE `settle1`.`t` SET s = 'two' WHERE id = 2");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            return new SyncResult(until, until, until, 0, 0, true, List.of());
        }, Duration.ofSeconds(30));
        assertEquals("match", late.run().table("settle1", "t").checksum());
        assertEquals("match", late.run().table("settle1", "u").checksum());
        assertEquals(Status.OK, late.run().steps().stream().filter(s -> s.step().equals("cutover")).findFirst().orElseThrow().status());
        assertTrue(late.run().steps().stream().anyMatch(s -> s.step().startsWith("verify again")
                && s.message().contains("1 table(s)")), "only the differing table was compared again: " + late.run().steps());

        // a difference that does not go away is reported once the settle time has passed
        Fixtures.execute(SharedServers.mySqlTarget(), "DELETE FROM `settle1`.`u` WHERE id = 2");
        Migration lasting = migration(options);
        long start = System.nanoTime();
        MigrationException e = assertThrows(MigrationException.class, () -> lasting.cutover(false, null,
                EnumSet.of(Phase.TRIGGERS, Phase.EVENTS), until -> new SyncResult(until, until, until, 0, 0, true, List.of()),
                Duration.ofSeconds(6)));
        assertTrue(e.getMessage().contains("verification found differences"), e.getMessage());
        assertEquals("mismatch", lasting.run().table("settle1", "u").checksum());
        assertEquals("match", lasting.run().table("settle1", "t").checksum());
        assertTrue(System.nanoTime() - start >= 4_000_000_000L, "compared again for the settle time before giving up");
        assertTrue(lasting.run().steps().stream().filter(s -> s.step().startsWith("verify again")).count() >= 1, lasting.run().steps().toString());
    }

    private static Migration migration(MigrationOptions options) {
        return Migration.live(Fixtures.endpoint(SharedServers.mySql()), Fixtures.endpoint(SharedServers.mySqlTarget()),
                Dialects.targetKind("mysql"), options);
    }
}
