package dbshift.mysql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dbshift.core.data.CopyEngine;
import dbshift.core.data.KeyRange;
import dbshift.core.data.RowHasher;
import dbshift.core.data.SliceComparison;
import dbshift.core.data.TableMapping;
import dbshift.core.data.Verifier;
import dbshift.core.engine.Dialects;
import dbshift.core.engine.Endpoint;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.Table;
import dbshift.core.run.MigrationRun;
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

    /**
     * migrate's verification compares the target, read back in full, with source fingerprints its copy computed from
     * the rows it streamed: they are exactly what reading the source again gives, and a target row changed after the
     * copy is still found, in its key range.
     */
    @Test
    void theCopysSourceFingerprintsEqualAFreshReadAndATargetChangeIsStillFound() throws Exception {
        Fixtures.execute(SharedServers.mySql(), "DROP DATABASE IF EXISTS `vfc`", "CREATE DATABASE `vfc`",
                "CREATE TABLE `vfc`.`items` (`id` INT NOT NULL, `name` VARCHAR(40) NULL, `price` DECIMAL(10,2) NOT NULL, "
                        + "`at` DATETIME(3) NOT NULL, `note` TEXT NULL, PRIMARY KEY (`id`))",
                "SET SESSION cte_max_recursion_depth = 100000",
                "INSERT INTO `vfc`.`items` WITH RECURSIVE n (k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 12000) "
                        + "SELECT k, IF(k % 7 = 0, NULL, CONCAT('item\t', k)), k / 100 - 50, "
                        + "TIMESTAMP '2024-01-02 10:00:00.012' + INTERVAL k SECOND, IF(k % 5 = 0, NULL, REPEAT('n\\\\', k % 9)) FROM n");
        Fixtures.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `vfc`");
        TypeFidelityTest.clearCopyState("vfc");
        MigrationOptions options = MigrationOptions.defaults().withSchemas(List.of("vfc")).withChunkRows(1_000);
        Migration m = migration(options);
        m.migrate();
        assertEquals("match", m.run().table("vfc", "items").checksum());
        assertTrue(m.run().notes().stream().anyMatch(n -> n.contains("slice(s) was fingerprinted from the rows the copy")),
                m.run().notes().toString());

        // the engine on its own: copy again with fingerprints, compare them with a fresh read of the source
        Endpoint src = Fixtures.endpoint(SharedServers.mySql());
        Endpoint tgt = Fixtures.endpoint(SharedServers.mySqlTarget());
        Fixtures.execute(SharedServers.mySqlTarget(), "DELETE FROM `vfc`.`items`");
        TypeFidelityTest.clearCopyState("vfc");
        Table source;
        Table target;
        try (Connection c = src.open()) {
            source = src.dialect().catalogReader().orElseThrow().read(c, List.of("vfc"), false)
                    .table(new QualifiedName("vfc", "items")).orElseThrow();
        }
        try (Connection c = tgt.open()) {
            target = tgt.dialect().catalogReader().orElseThrow().read(c, List.of("vfc"), false)
                    .table(new QualifiedName("vfc", "items")).orElseThrow();
        }
        List<TableMapping> mappings = List.of(new TableMapping(source, target));
        MigrationRun run = new MigrationRun("src", "dst", "mysql", options);
        CopyEngine engine = new CopyEngine(src, tgt, options, run).fingerprintSource();
        engine.copy(mappings);
        Map<KeyRange, RowHasher> fingerprints = engine.sourceFingerprints().get(mappings.get(0).key());
        long slices = Long.parseLong(Fixtures.scalar(SharedServers.mySqlTarget(),
                "SELECT COUNT(*) FROM `_dbshift`.`copy_slice` WHERE table_key = 'vfc.items'"));
        assertTrue(slices >= 12, "12,000 rows in slices of 1,000: " + slices);
        assertEquals(slices, fingerprints.size(), "one per slice streamed");
        SliceComparison fresh = new SliceComparison(src, tgt, mappings.get(0));
        try (Connection s = src.open(); Connection t = tgt.open()) {
            src.dialect().rowReader().prepareSession(s);
            tgt.dialect().rowReader().prepareSession(t);
            for (Map.Entry<KeyRange, RowHasher> e : fingerprints.entrySet()) {
                assertEquals(fresh.compare(s, t, e.getKey()).source().fingerprint(), e.getValue().fingerprint(), e.getKey().toString());
            }
        }

        Fixtures.execute(SharedServers.mySqlTarget(), "UPDATE `vfc`.`items` SET `note` = 'changed' WHERE `id` = 5432");
        Verifier verifier = new Verifier(src, tgt, options, run).withSourceFingerprints(engine.sourceFingerprints());
        verifier.verify(mappings);
        assertEquals(slices, verifier.slicesFromCopy());
        TableResult r = run.table("vfc", "items");
        assertEquals("mismatch", r.checksum());
        assertEquals(1, r.mismatches().size(), r.mismatches().toString());
        assertTrue(r.mismatches().get(0).contains("(5000, 6000]") && r.mismatches().get(0).contains("values differ"),
                r.mismatches().toString());
    }

    private static Migration migration(MigrationOptions options) throws SQLException {
        return Migration.live(Fixtures.endpoint(SharedServers.mySql()), Fixtures.endpoint(SharedServers.mySqlTarget()),
                Dialects.targetKind("mysql"), options);
    }
}
