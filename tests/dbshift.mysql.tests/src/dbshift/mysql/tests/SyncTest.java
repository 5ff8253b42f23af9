package dbshift.mysql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dbshift.core.engine.Dialects;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationOptions;
import dbshift.core.sync.SyncResult;
import dbshift.embedded.EmbeddedServer;
import dbshift.embedded.SampleDatabase;
import dbshift.embedded.SharedServers;

/**
 * The source keeps changing while it is copied and afterwards; sync follows its binary log and cutover ends with a
 * target whose every table verifies equal, triggers created only at the end.
 */
class SyncTest {

    @Test
    void mysqlSourceChangingDuringAndAfterTheCopyConvergesAtCutover() throws Exception {
        EmbeddedServer source = SharedServers.mySql();
        Fixtures.execute(source, "DROP DATABASE IF EXISTS `synct`", "CREATE DATABASE `synct`",
                "CREATE TABLE `synct`.`accounts` (`id` INT NOT NULL AUTO_INCREMENT, `name` VARCHAR(60) NOT NULL, "
                        + "`balance` DECIMAL(14,2) NOT NULL, `updated` DATETIME(6) NOT NULL, `doc` JSON NULL, `flag` BIT(1) NOT NULL DEFAULT b'0', "
                        + "`raw` VARBINARY(16) NULL, PRIMARY KEY (`id`))",
                "CREATE TABLE `synct`.`pairs` (`a` VARCHAR(20) CHARACTER SET latin1 NOT NULL, `b` INT UNSIGNED NOT NULL, `v` INT NULL, "
                        + "PRIMARY KEY (`a`, `b`))",
                "CREATE TABLE `synct`.`audit` (`id` BIGINT NOT NULL AUTO_INCREMENT, `account_id` INT NOT NULL, `at` DATETIME(6) NOT NULL, "
                        + "PRIMARY KEY (`id`))",
                "CREATE TRIGGER `synct`.`accounts_audit` AFTER UPDATE ON `synct`.`accounts` FOR EACH ROW "
                        + "INSERT INTO `synct`.`audit` (`account_id`, `at`) VALUES (NEW.`id`, NOW(6))",
                "SET SESSION cte_max_recursion_depth = 100000",
                "INSERT INTO `synct`.`accounts` (`name`, `balance`, `updated`, `doc`) WITH RECURSIVE n (k) AS (SELECT 1 UNION ALL "
                        + "SELECT k + 1 FROM n WHERE k < 20000) SELECT CONCAT('acct ✓ ', k), k / 7, NOW(6), JSON_OBJECT('k', k) FROM n",
                "INSERT INTO `synct`.`pairs` VALUES ('Straße', 1, 1), ('Straße', 4294967295, 2), ('x', 0, NULL)",
                // the binary log drops trailing zero bytes of BINARY(n) values: keys must still match
                "CREATE TABLE `synct`.`tokens` (`token` BINARY(4) NOT NULL, `v` INT NOT NULL, PRIMARY KEY (`token`))",
                "INSERT INTO `synct`.`tokens` VALUES (X'01020300', 1), (X'00000000', 2), (X'AB000000', 3), (X'FFFFFFFF', 4)");
        Fixtures.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `synct`");
        clearState();

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong writes = new AtomicLong();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> write(source, writing, writes, writerFailure), "source-writer");
        writer.start();
        try {
            MigrationOptions options = MigrationOptions.defaults().withSchemas(List.of("synct")).withDeferTriggers(true)
                    .withChunkRows(2_000);
            Migration migration = migration(options);
            migration.migrate(); // the writer keeps writing while the tables are copied
            assertEquals("0", Fixtures.scalar(SharedServers.mySqlTarget(),
                    "SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = 'synct'"), "triggers wait for cutover");

            // follow the source for a few seconds while it is still written to
            SyncResult live = migration(options).sync(false, 4);
            assertTrue(live.changes() > 0, "changes were applied: " + live);
            assertTrue(live.lagSeconds() < 5, "near real time: lag " + live.lagSeconds() + " s");
            assertTrue(writes.get() > 100, "the writer wrote " + writes.get());
        } finally {
            writing.set(false);
            writer.join(30_000);
        }
        assertEquals(null, writerFailure.get());

        Fixtures.execute(source, "DELETE FROM `synct`.`tokens` WHERE `token` = X'01020300'",
                "UPDATE `synct`.`tokens` SET `v` = 20 WHERE `token` = X'00000000'", "UPDATE `synct`.`tokens` SET `token` = X'AB00CD00' WHERE `v` = 3");
        MigrationOptions options = MigrationOptions.defaults().withSchemas(List.of("synct")).withDeferTriggers(true);
        Migration cutover = migration(options);
        cutover.cutover(false);
        assertFalse(cutover.run().hasFailures(), () -> cutover.run().tables() + " " + cutover.run().steps());
        assertTrue(cutover.run().syncResult().caughtUp());
        cutover.run().tables().forEach(t -> assertEquals("match", t.checksum(), t.key() + " " + t.mismatches()));
        assertEquals("1", Fixtures.scalar(SharedServers.mySqlTarget(),
                "SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = 'synct'"), "cutover creates the triggers");
        assertEquals(Fixtures.rows(source, "SELECT * FROM `synct`.`pairs` ORDER BY 1, 2"),
                Fixtures.rows(SharedServers.mySqlTarget(), "SELECT * FROM `synct`.`pairs` ORDER BY 1, 2"));
        assertEquals(Fixtures.rows(source, "SELECT HEX(`token`), `v` FROM `synct`.`tokens` ORDER BY 1"),
                Fixtures.rows(SharedServers.mySqlTarget(), "SELECT HEX(`token`), `v` FROM `synct`.`tokens` ORDER BY 1"));
        assertEquals(Fixtures.count(source, "`synct`.`audit`"), Fixtures.count(SharedServers.mySqlTarget(), "`synct`.`audit`"),
                "audit rows come from the source's trigger, replicated; the target's trigger did not fire twice");
    }

    @Test
    void mariaDbSourceSyncsThroughItsBinaryLog() throws Exception {
        EmbeddedServer source = SharedServers.mariaDb();
        SampleDatabase.create(source, SampleDatabase.Size.SMALL);
        Fixtures.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `shop`", "SET GLOBAL log_bin_trust_function_creators = 1");
        clearState();
        try {
            MigrationOptions options = MigrationOptions.defaults().withSchemas(List.of("shop")).withDeferTriggers(true);
            migration(source, options, "azure-mysql").migrate();
            Fixtures.execute(source, "UPDATE `shop`.`customers` SET `name` = CONCAT(`name`, ' ✓'), `status` = 'closed' WHERE `id` % 50 = 0",
                    "DELETE FROM `shop`.`payments` WHERE `id` % 7 = 0",
                    "INSERT INTO `shop`.`orders` (`customer_id`, `ordered_at`, `total`, `note`) VALUES (1, NOW(), 12.5, 'new\\tone')",
                    "UPDATE `shop`.`products` SET `attributes` = JSON_SET(COALESCE(`attributes`, '{}'), '$.synced', TRUE) WHERE `id` < 20",
                    "UPDATE `shop`.`type_showcase` SET `t_varchar` = 'changed 😀' WHERE `id` = 1");
            // a sync that follows the source until stopped (Ctrl+C, SIGTERM) ends well when stopped, saying so
            Migration following = migration(source, options, "azure-mysql");
            Thread stopper = new Thread(() -> {
                try {
                    Thread.sleep(1_500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                following.run().progress().cancel();
            });
            stopper.start();
            SyncResult followed = following.sync(false, 0);
            stopper.join();
            dbshift.core.run.StepResult step = following.run().steps().stream().filter(x -> x.step().equals("sync")).findFirst()
                    .orElseThrow();
            assertEquals(dbshift.core.run.Status.OK, step.status(), step.toString());
            assertTrue(step.message().contains("stopped on request"), step.message());
            assertFalse(following.run().hasFailures(), following.run().steps().toString());
            assertTrue(followed.changes() >= 40 + 1 + 19 + 1, "changes: " + followed);

            Migration cutover = migration(source, options, "azure-mysql");
            cutover.cutover(false);
            SyncResult r = cutover.run().syncResult();
            assertNotNull(r);
            assertNotNull(r.applied(), "cutover's sync goes on from where the stopped one left: " + r);
            cutover.run().tables().forEach(t -> assertEquals("match", t.checksum(), t.key() + " " + t.mismatches()));
        } finally {
            Fixtures.execute(SharedServers.mySqlTarget(), "SET GLOBAL log_bin_trust_function_creators = 0");
        }
    }

    private static void write(EmbeddedServer source, AtomicBoolean writing, AtomicLong writes, AtomicReference<Throwable> failure) {
        try (Connection c = Fixtures.connect(source); Statement s = c.createStatement()) {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            while (writing.get()) {
                int id = 1 + r.nextInt(20_000);
                switch (r.nextInt(6)) {
                    case 0 -> s.execute("INSERT INTO `synct`.`accounts` (`name`, `balance`, `updated`, `raw`) VALUES ('new 😀', 1.5, NOW(6), X'00FF')");
                    case 1 -> s.execute("DELETE FROM `synct`.`accounts` WHERE `id` = " + id);
                    case 2 -> s.execute("UPDATE `synct`.`pairs` SET `b` = `b` + 1, `v` = " + id + " WHERE `a` = 'x'");
                    case 3 -> s.execute("INSERT IGNORE INTO `synct`.`pairs` VALUES ('k" + id + "', " + id + ", NULL)");
                    default -> s.execute("UPDATE `synct`.`accounts` SET `balance` = `balance` + 0.01, `updated` = NOW(6), "
                            + "`doc` = JSON_SET(COALESCE(`doc`, '{}'), '$.u', " + id + "), `flag` = NOT `flag` WHERE `id` = " + id);
                }
                writes.incrementAndGet();
                Thread.sleep(2);
            }
        } catch (SQLException | InterruptedException e) {
            failure.set(e);
        }
    }

    private static Migration migration(MigrationOptions options) {
        return migration(SharedServers.mySql(), options, "mysql");
    }

    private static Migration migration(EmbeddedServer source, MigrationOptions options, String kind) {
        return Migration.live(Fixtures.endpoint(source), Fixtures.endpoint(SharedServers.mySqlTarget()), Dialects.targetKind(kind),
                options);
    }

    private static void clearState() throws SQLException {
        TypeFidelityTest.clearCopyState("");
        Fixtures.execute(SharedServers.mySqlTarget(), "DROP TABLE IF EXISTS `_dbshift`.`sync_state`");
    }
}
