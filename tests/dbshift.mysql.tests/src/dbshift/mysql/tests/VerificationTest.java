package dbshift.mysql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dbshift.core.engine.Dialects;
import dbshift.core.report.ReportWriter;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationOptions;
import dbshift.core.run.TableResult;
import dbshift.embedded.SharedServers;

/** Verification catches a row changed, removed or added on the target, and names the key range it is in. */
class VerificationTest {

    @Test
    void changedDeletedAndExtraRowsOnTheTargetAreReportedByKeyRange(@TempDir Path out) throws Exception {
        Fixtures.execute(SharedServers.mySql(), "DROP DATABASE IF EXISTS `vfy`", "CREATE DATABASE `vfy`",
                "CREATE TABLE `vfy`.`items` (`id` INT NOT NULL, `name` VARCHAR(40) NOT NULL, `price` DECIMAL(10,2) NOT NULL, PRIMARY KEY (`id`))",
                "SET SESSION cte_max_recursion_depth = 100000",
                "INSERT INTO `vfy`.`items` WITH RECURSIVE n (k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 20000) "
                        + "SELECT k, CONCAT('item ', k), k / 100 FROM n");
        Fixtures.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `vfy`");
        TypeFidelityTest.clearCopyState("vfy");
        MigrationOptions options = MigrationOptions.defaults().withSchemas(List.of("vfy")).withChunkRows(1_000);
        Migration m = migration(options);
        m.migrate();
        assertEquals("match", m.run().table("vfy", "items").checksum());

        Fixtures.execute(SharedServers.mySqlTarget(), "UPDATE `vfy`.`items` SET `price` = `price` + 0.01 WHERE `id` = 12345");
        Migration changed = migration(options);
        changed.verify();
        TableResult r = changed.run().table("vfy", "items");
        assertEquals("mismatch", r.checksum());
        assertEquals(1, r.mismatches().size(), r.mismatches().toString());
        String range = r.mismatches().get(0);
        assertTrue(range.contains("(12000, 13000]"), "the range must contain key 12345: " + range);
        assertTrue(range.contains("values differ"), range);
        assertTrue(changed.run().hasFailures());

        // the report says the same, in JSON and CSV
        new ReportWriter().writeJson(changed.run(), out.resolve("report.json"));
        new ReportWriter().writeCsv(changed.run(), out.resolve("report.csv"));
        @SuppressWarnings("unchecked")
        Map<String, Object> report = new ObjectMapper().readValue(out.resolve("report.json").toFile(), Map.class);
        assertEquals("failed", report.get("status"));
        @SuppressWarnings("unchecked")
        Map<String, Object> table = ((List<Map<String, Object>>) report.get("tables")).get(0);
        assertEquals("mismatch", table.get("checksum"));
        assertEquals(20000, ((Number) table.get("sourceRows")).intValue());
        assertTrue(Files.readString(out.resolve("report.csv")).contains("(12000, 13000]"));

        Fixtures.execute(SharedServers.mySqlTarget(), "UPDATE `vfy`.`items` SET `price` = `price` - 0.01 WHERE `id` = 12345",
                "DELETE FROM `vfy`.`items` WHERE `id` = 3", "INSERT INTO `vfy`.`items` VALUES (20001, 'extra', 1)");
        Migration counted = migration(options);
        counted.verify();
        TableResult c = counted.run().table("vfy", "items");
        assertEquals("mismatch", c.checksum());
        assertEquals(20000L, c.sourceRows());
        assertEquals(20000L, c.targetRows(), "one row less, one row more");
        assertEquals(2, c.mismatches().size(), c.mismatches().toString());
        assertTrue(c.mismatches().get(0).contains("(-inf, 1000]") || c.mismatches().get(1).contains("(-inf, 1000]"), c.mismatches().toString());
        assertTrue(c.mismatches().stream().anyMatch(x -> x.contains("+inf")), "the extra row lies past the last bound: " + c.mismatches());

        Fixtures.execute(SharedServers.mySqlTarget(), "INSERT INTO `vfy`.`items` VALUES (3, 'item 3', 0.03)",
                "DELETE FROM `vfy`.`items` WHERE `id` = 20001");
        Migration repaired = migration(options);
        repaired.verify();
        assertEquals("match", repaired.run().table("vfy", "items").checksum());
        assertFalse(repaired.run().hasFailures());
    }

    private static Migration migration(MigrationOptions options) throws SQLException {
        return Migration.live(Fixtures.endpoint(SharedServers.mySql()), Fixtures.endpoint(SharedServers.mySqlTarget()),
                Dialects.targetKind("mysql"), options);
    }
}
