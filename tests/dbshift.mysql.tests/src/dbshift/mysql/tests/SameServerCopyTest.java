package dbshift.mysql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.Test;

import dbshift.core.data.CopyEngine;
import dbshift.core.data.TableMapping;
import dbshift.core.data.Verifier;
import dbshift.core.engine.Dialects;
import dbshift.core.engine.Endpoint;
import dbshift.core.model.Catalog;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.Table;
import dbshift.core.run.MigrationOptions;
import dbshift.core.run.MigrationRun;
import dbshift.core.run.TableResult;
import dbshift.embedded.SharedServers;

/** When source and target are one server, slices are copied inside it, with the same checkpoints and checks. */
class SameServerCopyTest {

    @Test
    void slicesAreCopiedInsideTheServerAndVerify() throws Exception {
        Fixtures.execute(SharedServers.mySql(), "DROP DATABASE IF EXISTS `ss_src`", "DROP DATABASE IF EXISTS `ss_dst`",
                "CREATE DATABASE `ss_src`", "CREATE DATABASE `ss_dst`",
                "CREATE TABLE `ss_src`.`t` (`id` INT PRIMARY KEY, `f` FLOAT, `d` DATETIME(6), `j` JSON, `b` VARBINARY(8))",
                "CREATE TABLE `ss_dst`.`t` LIKE `ss_src`.`t`", "SET SESSION cte_max_recursion_depth = 100000",
                "INSERT INTO `ss_src`.`t` WITH RECURSIVE n (k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 30000) "
                        + "SELECT k, k / 3, NOW(6), JSON_OBJECT('k', k), UNHEX(HEX(k)) FROM n",
                "CREATE DATABASE IF NOT EXISTS `_dbshift`", "DROP TABLE IF EXISTS `_dbshift`.`copy_slice`",
                "DROP TABLE IF EXISTS `_dbshift`.`copy_table`");
        Endpoint server = Fixtures.endpoint(SharedServers.mySql());
        Catalog catalog;
        try (Connection c = server.open()) {
            catalog = server.dialect().catalogReader().orElseThrow().read(c, List.of("ss_src", "ss_dst"), false);
        }
        Table source = catalog.table(new QualifiedName("ss_src", "t")).orElseThrow();
        Table target = catalog.table(new QualifiedName("ss_dst", "t")).orElseThrow();
        MigrationOptions options = MigrationOptions.defaults().withChunkRows(4_000);
        MigrationRun run = new MigrationRun("src", "dst", "mysql", options);
        new CopyEngine(server, server, options, run).copy(List.of(new TableMapping(source, target)));
        TableResult copied = run.table("ss_dst", "t");
        assertEquals(30_000L, copied.targetRows(), copied.message());
        assertEquals("INSERT … SELECT (same server)", copied.method());
        assertEquals("8", Fixtures.scalar(SharedServers.mySql(),
                "SELECT COUNT(*) FROM `_dbshift`.`copy_slice` WHERE table_key = 'ss_dst.t'"), "slices are checkpointed as usual");
        new Verifier(server, server, options, run).verify(List.of(new TableMapping(source, target)));
        assertEquals("match", run.table("ss_dst", "t").checksum());
        assertTrue(Dialects.all().size() >= 2);
    }
}
