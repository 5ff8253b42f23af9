package dbshift.mysql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dbshift.core.engine.Dialects;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationException;
import dbshift.core.run.MigrationOptions;
import dbshift.core.run.Status;
import dbshift.core.run.TableResult;
import dbshift.embedded.SharedServers;

/**
 * A copy killed mid-way (its target connections die, as when the machine running it crashes) leaves only whole
 * slices behind, and the next run resumes at the first slice not committed: in the end counts and checksums are
 * equal, and no row is lost or doubled.
 */
class ResumeTest {
    private static final int ROWS = 300_000;

    @Test
    void killedCopyResumesFromTheLastCommittedSlice() throws Exception {
        prepare();
        MigrationOptions options = MigrationOptions.defaults().withSchemas(List.of("resume")).withChunkRows(2_000).withJobs(2);
        Migration first = migration(options);
        first.deploy(first.plan(), Migration.BEFORE_DATA, "schema");

        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread copy = inBackground(first, outcome);
        // wait until a few slices of the big table are in, then kill every target session of the copy
        long deadline = System.currentTimeMillis() + 60_000;
        while (committedSlices("resume.big") < 5) {
            assertTrue(System.currentTimeMillis() < deadline, "the copy did not commit 5 slices within a minute");
            Thread.sleep(10);
        }
        killCopySessions();
        copy.join(120_000);
        assertFalse(copy.isAlive(), "the copy did not end after its connections died");
        assertNotNull(outcome.get(), "the killed copy must report a failure");
        assertTrue(outcome.get() instanceof MigrationException, outcome.get().toString());

        // a killed session may still finish a commit it had begun: wait until the server is done with them all,
        // then read rows and checkpoints in one statement, i.e. from one snapshot
        awaitNoOtherSessions();
        List<String> snapshot = Fixtures.rows(SharedServers.mySqlTarget(), "SELECT (SELECT COUNT(*) FROM `resume`.`big`), "
                + "(SELECT COALESCE(SUM(row_count), 0) FROM `_dbshift`.`copy_slice` WHERE table_key = 'resume.big')").get(0);
        long afterKill = Long.parseLong(snapshot.get(0));
        long recorded = Long.parseLong(snapshot.get(1));
        assertEquals(recorded, afterKill, () -> "rows on the target must be exactly the committed slices' rows; slices "
                + sliceReport());
        assertTrue(afterKill < ROWS, "the kill came too late to test anything: " + afterKill + " rows were in");

        Migration second = migration(options);
        second.copy();
        TableResult big = second.run().table("resume", "big");
        assertEquals(ROWS, big.targetRows(), big.message());
        long otherTables = second.run().tables().stream().filter(t -> !t.name().equals("big") && t.status() == Status.OK)
                .mapToLong(TableResult::targetRows).sum();
        assertEquals(ROWS - afterKill + otherTables, second.run().progress().done(),
                "the second run must copy exactly the rows the first did not commit (" + (ROWS - afterKill) + " of big)");
        assertEquals(ROWS, Fixtures.count(SharedServers.mySqlTarget(), "`resume`.`big`"));
        assertEquals(String.valueOf(ROWS), Fixtures.scalar(SharedServers.mySqlTarget(), "SELECT COUNT(DISTINCT id) FROM `resume`.`big`"));
        assertEquals(Fixtures.count(SharedServers.mySql(), "`resume`.`heap`"), Fixtures.count(SharedServers.mySqlTarget(), "`resume`.`heap`"),
                "a table without a key is copied whole, never doubled");

        second.verify();
        second.run().tables().forEach(t -> assertEquals("match", t.checksum(), t.key() + " " + t.mismatches()));
    }

    @Test
    void cancelledCopyStopsAtASliceBoundaryAndResumes() throws Exception {
        prepare();
        MigrationOptions options = MigrationOptions.defaults().withSchemas(List.of("resume")).withChunkRows(2_000).withJobs(2);
        Migration first = migration(options);
        first.deploy(first.plan(), Migration.BEFORE_DATA, "schema");
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread copy = inBackground(first, outcome);
        while (committedSlices("resume.big") < 3) {
            Thread.sleep(5);
        }
        first.run().progress().cancel();
        copy.join(60_000);
        assertTrue(outcome.get() instanceof MigrationException, "a cancelled copy must end with a failure: " + outcome.get());
        long afterCancel = Fixtures.count(SharedServers.mySqlTarget(), "`resume`.`big`");
        assertTrue(afterCancel < ROWS, "cancel came too late");
        TableResult cancelled = first.run().table("resume", "big");
        assertTrue(cancelled.message().contains("cancelled") && cancelled.message().contains("resume"), cancelled.message());

        Migration second = migration(options);
        second.copy();
        second.verify();
        assertEquals(ROWS, Fixtures.count(SharedServers.mySqlTarget(), "`resume`.`big`"));
        second.run().tables().forEach(t -> assertEquals("match", t.checksum(), t.key() + " " + t.mismatches()));
    }

    /** Starts the copy on another thread; its exception, if any, lands in {@code outcome}. */
    private static Thread inBackground(Migration m, AtomicReference<Throwable> outcome) {
        Thread copy = new Thread(() -> {
            try {
                m.copy();
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        copy.start();
        return copy;
    }

    private static Migration migration(MigrationOptions options) {
        return Migration.live(Fixtures.endpoint(SharedServers.mySql()), Fixtures.endpoint(SharedServers.mySqlTarget()),
                Dialects.targetKind("mysql"), options);
    }

    private static void prepare() throws SQLException {
        if (!"1".equals(Fixtures.scalar(SharedServers.mySql(),
                "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'resume' AND TABLE_NAME = 'heap'"))) {
            Fixtures.execute(SharedServers.mySql(), "DROP DATABASE IF EXISTS `resume`", "CREATE DATABASE `resume`",
                    "CREATE TABLE `resume`.`big` (`id` BIGINT NOT NULL, `payload` VARCHAR(200) NOT NULL, `n` INT NULL, "
                            + "`at` DATETIME(3) NOT NULL, PRIMARY KEY (`id`))",
                    "CREATE TABLE `resume`.`digits` (`d` INT NOT NULL)",
                    "INSERT INTO `resume`.`digits` VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)",
                    "INSERT INTO `resume`.`big` SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d + 100000 * g.d + 1, "
                            + "CONCAT('payload ', a.d, b.d, c.d, e.d, f.d, g.d, ' ', REPEAT('x', 40 + a.d * 10)), "
                            + "IF(a.d = 0, NULL, a.d * b.d), TIMESTAMP('2024-01-01') + INTERVAL (a.d * 997 + g.d) SECOND "
                            + "FROM `resume`.`digits` a, `resume`.`digits` b, `resume`.`digits` c, `resume`.`digits` e, "
                            + "`resume`.`digits` f, `resume`.`digits` g WHERE g.d < 3",
                    "CREATE TABLE `resume`.`heap` (`v` INT NULL, `s` VARCHAR(20) NULL)",
                    "INSERT INTO `resume`.`heap` SELECT a.d * b.d, CONCAT(c.d, '-', a.d) FROM `resume`.`digits` a, "
                            + "`resume`.`digits` b, `resume`.`digits` c, `resume`.`digits` e");
        }
        Fixtures.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `resume`");
        TypeFidelityTest.clearCopyState("resume");
    }

    private static void awaitNoOtherSessions() throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!"0".equals(Fixtures.scalar(SharedServers.mySqlTarget(), "SELECT COUNT(*) FROM information_schema.PROCESSLIST "
                + "WHERE USER = 'root' AND ID <> CONNECTION_ID() AND COMMAND <> 'Daemon'"))) {
            assertTrue(System.currentTimeMillis() < deadline, "killed sessions did not go away");
            Thread.sleep(50);
        }
    }

    private static String sliceReport() {
        try {
            StringBuilder b = new StringBuilder();
            for (List<String> row : Fixtures.rows(SharedServers.mySqlTarget(),
                    "SELECT slice_no, row_count, copied_at FROM `_dbshift`.`copy_slice` WHERE table_key = 'resume.big' ORDER BY slice_no")) {
                int n = Integer.parseInt(row.get(0));
                String present = Fixtures.scalar(SharedServers.mySqlTarget(), "SELECT COUNT(*) FROM `resume`.`big` WHERE id > "
                        + (n * 2000) + " AND id <= " + ((n + 1) * 2000));
                b.append(row).append(" present=").append(present).append("; ");
            }
            b.append(" rows by thousand: ").append(Fixtures.rows(SharedServers.mySqlTarget(),
                    "SELECT id DIV 2000, COUNT(*) FROM `resume`.`big` GROUP BY 1"));
            return b.toString();
        } catch (SQLException e) {
            return e.toString();
        }
    }

    private static int committedSlices(String tableKey) {
        try {
            String n = Fixtures.scalar(SharedServers.mySqlTarget(),
                    "SELECT COUNT(*) FROM `_dbshift`.`copy_slice` WHERE table_key = '" + tableKey + "'");
            return n == null ? 0 : Integer.parseInt(n);
        } catch (SQLException e) {
            return 0; // the state table is not there yet
        }
    }

    /** What a crash does to a copy: every one of its sessions on the target dies, mid-transaction. */
    private static void killCopySessions() throws SQLException {
        for (List<String> row : Fixtures.rows(SharedServers.mySqlTarget(),
                "SELECT ID FROM information_schema.PROCESSLIST WHERE USER = 'root' AND ID <> CONNECTION_ID() AND COMMAND <> 'Daemon'")) {
            try {
                Fixtures.execute(SharedServers.mySqlTarget(), "KILL " + row.get(0));
            } catch (SQLException e) {
                // the session ended on its own meanwhile
            }
        }
    }
}
