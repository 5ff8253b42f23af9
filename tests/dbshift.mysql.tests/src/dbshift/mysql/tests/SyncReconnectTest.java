package dbshift.mysql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dbshift.core.engine.ConnectionSpec;
import dbshift.core.engine.Dialects;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationOptions;
import dbshift.core.sync.SyncResult;
import dbshift.embedded.SharedServers;

/**
 * The source goes away in the middle of a sync (every connection dropped, new ones refused for a few seconds, as in
 * a restart): sync says so on the progress line, reconnects with back-off, resumes from the applied position the
 * target keeps, and in the end the target verifies equal: nothing lost, nothing doubled.
 */
class SyncReconnectTest {

    @Test
    void syncSurvivesASourceThatGoesAwayAndComesBack() throws Exception {
        Fixtures.execute(SharedServers.mySql(), "DROP DATABASE IF EXISTS `syncre`", "CREATE DATABASE `syncre`",
                "CREATE TABLE `syncre`.`events` (`id` INT NOT NULL AUTO_INCREMENT PRIMARY KEY, `v` VARCHAR(40) NOT NULL, `n` INT NOT NULL)",
                "INSERT INTO `syncre`.`events` (`v`, `n`) VALUES ('a', 1), ('b', 2), ('c', 3)");
        Fixtures.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `syncre`");
        try (LoopbackProxy proxy = new LoopbackProxy(SharedServers.mySql().port())) {
            String url = "jdbc:mysql://127.0.0.1:" + proxy.port() + "/?useSSL=false&allowPublicKeyRetrieval=true";
            MigrationOptions options = MigrationOptions.defaults().withSchemas(List.of("syncre"));
            migration(url, options).migrate();

            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicReference<Throwable> writerFailure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                int i = 0;
                try (Connection c = Fixtures.connect(SharedServers.mySql()); Statement s = c.createStatement()) {
                    while (writing.get()) {
                        s.execute("INSERT INTO `syncre`.`events` (`v`, `n`) VALUES ('w" + i + "', " + i + ")");
                        s.execute("UPDATE `syncre`.`events` SET `n` = `n` + 1 WHERE `id` = " + (1 + i % 3));
                        i++;
                        Thread.sleep(5);
                    }
                } catch (Exception e) {
                    writerFailure.set(e);
                }
            }, "source-writer");
            writer.start();

            Migration sync = migration(url, options).reconnectWithin(Duration.ofSeconds(60));
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread follower = new Thread(() -> {
                try {
                    outcome.set(sync.sync(false, 14));
                } catch (Throwable t) {
                    outcome.set(t);
                }
            }, "sync");
            follower.start();
            Thread.sleep(3_000);
            proxy.stop(); // the source "restarts": connections drop, new ones are refused
            String note = null;
            long until = System.currentTimeMillis() + 4_000;
            while (System.currentTimeMillis() < until) {
                note = note != null ? note : sync.run().progress().note();
                Thread.sleep(20);
            }
            proxy.start();
            Thread.sleep(3_000);
            writing.set(false);
            writer.join(10_000);
            assertNull(writerFailure.get());
            follower.join(60_000);

            assertTrue(outcome.get() instanceof SyncResult, "sync must ride out the outage: " + outcome.get());
            SyncResult result = (SyncResult) outcome.get();
            assertTrue(note != null && note.contains("reconnecting"), "the progress line says it reconnects: " + note);
            assertTrue(result.warnings().stream().anyMatch(w -> w.contains("lost and made again")), result.warnings().toString());
            assertTrue(result.changes() > 0, result.toString());

            Migration cutover = migration(url, options);
            cutover.cutover(false);
            assertEquals("match", cutover.run().table("syncre", "events").checksum(), cutover.run().tables().toString());
            assertEquals(Fixtures.scalar(SharedServers.mySql(), "SELECT COUNT(*) FROM `syncre`.`events`"),
                    Fixtures.scalar(SharedServers.mySqlTarget(), "SELECT COUNT(*) FROM `syncre`.`events`"));
        }
    }

    private static Migration migration(String sourceUrl, MigrationOptions options) {
        return Migration.live(Migration.connect("source", new ConnectionSpec(sourceUrl, "root", new char[0], Map.of())),
                Fixtures.endpoint(SharedServers.mySqlTarget()), Dialects.targetKind("mysql"), options);
    }
}
