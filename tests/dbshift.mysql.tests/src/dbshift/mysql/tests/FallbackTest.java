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
import dbshift.core.run.Status;
import dbshift.embedded.SharedServers;

/**
 * After a cutover with fallback, the applications write to the new target (MySQL 8); fallback-sync carries those
 * writes back to the old source (MariaDB) from the target's binary log. Killed twice mid-way (its sessions on the
 * old source die, as in a crash) and restarted, it loses and doubles nothing: fallback-cutover verifies every table.
 */
class FallbackTest {

    @Test
    void writesOnTheNewTargetFlowBackAndSurviveKills() throws Exception {
        Fixtures.execute(SharedServers.mariaDb(), "DROP DATABASE IF EXISTS `fallbk`", "CREATE DATABASE `fallbk`",
                "CREATE TABLE `fallbk`.`accounts` (`id` INT NOT NULL AUTO_INCREMENT PRIMARY KEY, `owner` VARCHAR(40) NOT NULL, "
                        + "`balance` DECIMAL(12,2) NOT NULL, `seen` DATETIME(3) NULL)",
                "INSERT INTO `fallbk`.`accounts` (`owner`, `balance`) SELECT CONCAT('owner ', seq), seq * 1.25 FROM `fallbk`.`seq_1_to_2000`");
        Fixtures.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `fallbk`");
        MigrationOptions options = MigrationOptions.defaults().withSchemas(List.of("fallbk"));
        migration(options).migrate();
        Migration switchOver = migration(options).withFallback();
        switchOver.cutover(false);
        assertTrue(switchOver.run().steps().stream().anyMatch(s -> s.step().equals("record fallback") && s.status() == Status.OK),
                switchOver.run().steps().toString());

        // the applications now write to the new target
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            int i = 0;
            try (Connection c = Fixtures.connect(SharedServers.mySqlTarget()); Statement s = c.createStatement()) {
                while (writing.get()) {
                    s.execute("INSERT INTO `fallbk`.`accounts` (`owner`, `balance`, `seen`) VALUES ('new " + i + "', " + i
                            + ", NOW(3))");
                    s.execute("UPDATE `fallbk`.`accounts` SET `balance` = `balance` + 1, `seen` = NOW(3) WHERE `id` = " + (1 + i % 2000));
                    if (i % 7 == 0) {
                        s.execute("DELETE FROM `fallbk`.`accounts` WHERE `id` = " + (1 + (i * 13) % 2000));
                    }
                    i++;
                    Thread.sleep(2);
                }
            } catch (Exception e) {
                writerFailure.set(e);
            }
        }, "target-writer");
        writer.start();
        try {
            for (int kill = 0; kill < 2; kill++) {
                Migration back = migration(options).reconnectWithin(Duration.ZERO);
                AtomicReference<Object> outcome = new AtomicReference<>();
                Thread follower = new Thread(() -> {
                    try {
                        outcome.set(back.fallbackSync(false, 60));
                    } catch (Throwable t) {
                        outcome.set(t);
                    }
                });
                follower.start();
                Thread.sleep(1_500);
                killSessions(); // a crash of the fallback sync: its sessions on the old source die mid-transaction
                follower.join(60_000);
                assertTrue(outcome.get() instanceof Throwable, "the killed fallback sync must fail: " + outcome.get());
            }
        } finally {
            writing.set(false);
            writer.join(10_000);
        }
        assertNull(writerFailure.get());

        Migration switchBack = migration(options);
        try {
            switchBack.fallbackCutover(false);
        } catch (RuntimeException e) {
            List<List<String>> a = Fixtures.rows(SharedServers.mySqlTarget(), "SELECT id, owner, balance, seen FROM `fallbk`.`accounts` ORDER BY id");
            List<List<String>> b = Fixtures.rows(SharedServers.mariaDb(), "SELECT id, owner, balance, seen FROM `fallbk`.`accounts` ORDER BY id");
            StringBuilder d = new StringBuilder();
            for (int i = 0; i < Math.min(a.size(), b.size()) && d.length() < 2000; i++) {
                if (!a.get(i).toString().replaceAll("0+(,|\\])", "$1").equals(b.get(i).toString().replaceAll("0+(,|\\])", "$1"))) {
                    d.append(a.get(i)).append(" vs ").append(b.get(i)).append("; ");
                }
            }
            throw new AssertionError(e.getMessage() + ": " + d + switchBack.run().tables() + " " + switchBack.run().syncResult(), e);
        }
        assertEquals("match", switchBack.run().table("fallbk", "accounts").checksum(), switchBack.run().tables().toString());
        assertEquals(Fixtures.scalar(SharedServers.mySqlTarget(), "SELECT CONCAT(COUNT(*), '/', SUM(balance)) FROM `fallbk`.`accounts`"),
                Fixtures.scalar(SharedServers.mariaDb(), "SELECT CONCAT(COUNT(*), '/', SUM(balance)) FROM `fallbk`.`accounts`"));
        assertTrue(switchBack.run().syncResult().changes() > 0);
    }

    private static void killSessions() throws Exception {
        for (List<String> row : Fixtures.rows(SharedServers.mariaDb(), "SELECT ID FROM information_schema.PROCESSLIST "
                + "WHERE ID <> CONNECTION_ID() AND COMMAND NOT IN ('Daemon', 'Binlog Dump') AND USER = 'root'")) {
            try {
                Fixtures.execute(SharedServers.mariaDb(), "KILL " + row.get(0));
            } catch (java.sql.SQLException e) {
                // ended on its own
            }
        }
    }

    private static Migration migration(MigrationOptions options) {
        return Migration.live(Fixtures.endpoint(SharedServers.mariaDb()), Fixtures.endpoint(SharedServers.mySqlTarget()),
                Dialects.targetKind("mysql"), options);
    }
}
