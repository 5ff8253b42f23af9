package dbshift.mysql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dbshift.core.engine.Dialects;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationOptions;
import dbshift.core.sync.SourcePosition;
import dbshift.core.sync.SyncResult;
import dbshift.embedded.SharedServers;

/** Each migrated set of databases keeps its own replication start: a later copy of other databases does not share it. */
class SyncScopeTest {

    @Test
    void everyCopiedScopeKeepsItsOwnStartPosition() throws Exception {
        for (String db : List.of("scope_a", "scope_b")) {
            Fixtures.execute(SharedServers.mySql(), "DROP DATABASE IF EXISTS `" + db + "`", "CREATE DATABASE `" + db + "`",
                    "CREATE TABLE `" + db + "`.`t` (`id` INT PRIMARY KEY, `v` INT)", "INSERT INTO `" + db + "`.`t` VALUES (1, 1)");
            Fixtures.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `" + db + "`");
        }
        Fixtures.execute(SharedServers.mySqlTarget(), "CREATE DATABASE IF NOT EXISTS `_dbshift`",
                "DROP TABLE IF EXISTS `_dbshift`.`sync_state`");
        migration("scope_a").migrate();
        Fixtures.execute(SharedServers.mySql(), "INSERT INTO `scope_a`.`t` VALUES (2, 2)", "UPDATE `scope_a`.`t` SET v = 10 WHERE id = 1");
        migration("scope_b").migrate();

        List<List<String>> rows = Fixtures.rows(SharedServers.mySqlTarget(),
                "SELECT source_key, start_position FROM `_dbshift`.`sync_state` ORDER BY source_key");
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.get(0).get(0).endsWith("#scope_a") && rows.get(1).get(0).endsWith("#scope_b"), rows.toString());
        assertTrue(new SourcePosition(rows.get(1).get(1)).compareTo(new SourcePosition(rows.get(0).get(1))) > 0,
                "the later copy records its own, later start: " + rows);

        SyncResult a = migration("scope_a").sync(true, 0);
        assertTrue(a.changes() >= 2, a.toString());
        assertEquals("10", Fixtures.scalar(SharedServers.mySqlTarget(), "SELECT v FROM `scope_a`.`t` WHERE id = 1"));
        assertEquals("2", Fixtures.scalar(SharedServers.mySqlTarget(), "SELECT COUNT(*) FROM `scope_a`.`t`"));
    }

    private static Migration migration(String db) {
        return Migration.live(Fixtures.endpoint(SharedServers.mySql()), Fixtures.endpoint(SharedServers.mySqlTarget()),
                Dialects.targetKind("mysql"), MigrationOptions.defaults().withSchemas(List.of(db)));
    }
}
