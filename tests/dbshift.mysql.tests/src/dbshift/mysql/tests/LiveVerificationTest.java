package dbshift.mysql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dbshift.core.engine.Dialects;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationOptions;
import dbshift.core.sync.SyncResult;
import dbshift.embedded.SharedServers;

/**
 * While sync follows a busy source, a row changed directly on the target is found by the continuous verification
 * (and the busy table, whose differences are only in flight, is not reported); repair fixes it; verify is clean.
 */
class LiveVerificationTest {

    @Test
    void driftOnTheTargetIsFoundDuringSyncAndRepaired() throws Exception {
        Fixtures.execute(SharedServers.mySql(), "DROP DATABASE IF EXISTS `livever`", "CREATE DATABASE `livever`",
                "CREATE TABLE `livever`.`quiet` (`id` INT PRIMARY KEY, `s` VARCHAR(20) NOT NULL)",
                "CREATE TABLE `livever`.`busy` (`id` INT PRIMARY KEY, `n` INT NOT NULL)", "SET SESSION cte_max_recursion_depth = 10000",
                "INSERT INTO `livever`.`quiet` WITH RECURSIVE k (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 5000) "
                        + "SELECT i, CONCAT('row ', i) FROM k",
                "INSERT INTO `livever`.`busy` WITH RECURSIVE k (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 2000) "
                        + "SELECT i, 0 FROM k");
        Fixtures.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `livever`");
        MigrationOptions options = MigrationOptions.defaults().withSchemas(List.of("livever")).withChunkRows(1_000);
        migration(options).migrate();

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            int i = 0;
            try (Connection c = Fixtures.connect(SharedServers.mySql()); Statement s = c.createStatement()) {
                while (writing.get()) {
                    s.execute("UPDATE `livever`.`busy` SET `n` = `n` + 1 WHERE `id` = " + (1 + i++ % 2000));
                    Thread.sleep(3);
                }
            } catch (Exception e) {
                writerFailure.set(e);
            }
        }, "source-writer");
        writer.start();
        SyncResult result;
        try {
            Migration sync = migration(options).verifyWhileSyncing(Duration.ofSeconds(1));
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread follower = new Thread(() -> {
                try {
                    outcome.set(sync.sync(false, 12));
                } catch (Throwable t) {
                    outcome.set(t);
                }
            });
            follower.start();
            Thread.sleep(2_000);
            Fixtures.execute(SharedServers.mySqlTarget(), "UPDATE `livever`.`quiet` SET s = 'drift' WHERE id = 2500");
            follower.join(60_000);
            assertTrue(outcome.get() instanceof SyncResult, String.valueOf(outcome.get()));
            result = (SyncResult) outcome.get();
        } finally {
            writing.set(false);
            writer.join(10_000);
        }
        assertNull(writerFailure.get());
        List<String> drift = result.warnings().stream().filter(w -> w.contains("differs from the source")).toList();
        assertEquals(1, drift.size(), result.warnings().toString());
        assertTrue(drift.get(0).contains("quiet") && drift.get(0).contains("slice 3 (2000, 3000]"), drift.get(0));
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("slice checks") && w.contains("7 of 7 slices verified")),
                result.warnings().toString());

        Migration repair = migration(options);
        repair.repair();
        assertTrue(repair.run().table("livever", "quiet").message().contains("1 differed and were copied again"),
                repair.run().table("livever", "quiet").message());
        repair.run().tables().forEach(t -> assertEquals("match", t.checksum(), t.key() + " " + t.mismatches()));
    }

    private static Migration migration(MigrationOptions options) {
        return Migration.live(Fixtures.endpoint(SharedServers.mySql()), Fixtures.endpoint(SharedServers.mySqlTarget()),
                Dialects.targetKind("mysql"), options);
    }
}
