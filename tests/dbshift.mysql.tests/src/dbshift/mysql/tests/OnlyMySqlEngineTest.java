package dbshift.mysql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import dbshift.core.engine.Dialect;
import dbshift.core.engine.Dialects;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationOptions;
import dbshift.core.run.MigrationRun;
import dbshift.core.run.Status;
import dbshift.embedded.SharedServers;

/**
 * The engine with one engine bundle: this test runtime holds dbshift.core and dbshift.mysql but neither
 * dbshift.sqlserver nor dbshift.sybase (nothing this test bundle or its host requires pulls them in), and a
 * MariaDB -> MySQL 8 migration still runs end to end through the registry: dialects found as OSGi services,
 * schema, copy, verification.
 */
class OnlyMySqlEngineTest {

    @Test
    void theRuntimeHoldsTheMySqlEngineAndNoOther() {
        Set<String> installed = Arrays.stream(FrameworkUtil.getBundle(OnlyMySqlEngineTest.class).getBundleContext().getBundles())
                .map(Bundle::getSymbolicName).collect(Collectors.toSet());
        assertTrue(installed.contains("dbshift.core") && installed.contains("dbshift.mysql"), installed.toString());
        assertFalse(installed.contains("dbshift.sqlserver"), "dbshift.sqlserver must not be in this runtime: " + installed);
        assertFalse(installed.contains("dbshift.sybase"), "dbshift.sybase must not be in this runtime: " + installed);

        // the dialects arrive as declarative services: the core bundle's own class loader cannot see dbshift.mysql's
        // META-INF/services, so without SCR this list would be empty
        assertEquals(List.of("mysql", "mariadb"), Dialects.all().stream().map(Dialect::id).toList());
        assertEquals(List.of("mysql", "azure-mysql", "mariadb"), Dialects.targetKinds().stream().map(k -> k.id()).toList());
        for (Dialect d : Dialects.all()) {
            assertEquals("dbshift.mysql", FrameworkUtil.getBundle(d.getClass()).getSymbolicName(), d.id());
        }
        var e = assertThrows(IllegalArgumentException.class, () -> Dialects.forUrl("jdbc:sqlserver://db:1433;databaseName=x"));
        assertEquals("unsupported JDBC URL 'jdbc:sqlserver://db:1433': expected jdbc:mysql: or jdbc:mariadb:", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Dialects.targetKind("azure-sql-db"));
    }

    @Test
    void aMariaDbToMySqlMigrationRunsWithOnlyTheMySqlEngine() throws SQLException {
        Fixtures.execute(SharedServers.mariaDb(), "DROP DATABASE IF EXISTS `only_my`", "CREATE DATABASE `only_my`",
                "CREATE TABLE `only_my`.`item` (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, price DECIMAL(10,2), "
                        + "note TEXT) ENGINE=Aria",
                "INSERT INTO `only_my`.`item` SELECT seq, CONCAT('item ', seq), seq * 1.25, IF(seq % 3 = 0, NULL, 'ü €') "
                        + "FROM `only_my`.`seq_1_to_2500`",
                "CREATE VIEW `only_my`.`dear` AS SELECT id, name FROM `only_my`.`item` WHERE price > 3000");
        Fixtures.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `only_my`");

        MigrationOptions options = MigrationOptions.defaults().withSchemas(List.of("only_my")).withChunkRows(1000);
        Migration m = Migration.live(Fixtures.endpoint(SharedServers.mariaDb()), Fixtures.endpoint(SharedServers.mySqlTarget()),
                Dialects.targetKind("mysql"), options);
        assertEquals("mariadb", m.sourceEndpoint().dialect().id(), "the MariaDB server behind the URL is detected");
        m.migrate();
        MigrationRun run = m.run();
        assertFalse(run.hasFailures(), () -> "the run failed: " + run.steps() + run.tables());
        assertEquals(1, run.tables().size());
        assertEquals("match", run.tables().get(0).checksum());
        assertEquals(2500L, run.tables().get(0).targetRows());
        assertTrue(run.objects().stream().anyMatch(o -> o.name().equals("dear") && o.status() == Status.OK), run.objects().toString());
        assertEquals(List.of(List.of("InnoDB")), Fixtures.rows(SharedServers.mySqlTarget(),
                "SELECT engine FROM information_schema.tables WHERE table_schema = 'only_my' AND table_name = 'item'"));
        String q = "SELECT COUNT(*), SUM(price), COUNT(note) FROM `only_my`.`item`";
        assertEquals(Fixtures.rows(SharedServers.mariaDb(), q), Fixtures.rows(SharedServers.mySqlTarget(), q));
        assertEquals(Fixtures.rows(SharedServers.mariaDb(), "SELECT * FROM `only_my`.`dear` ORDER BY id"),
                Fixtures.rows(SharedServers.mySqlTarget(), "SELECT * FROM `only_my`.`dear` ORDER BY id"));
    }
}
