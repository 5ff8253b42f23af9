package dbshift.sqlserver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dbshift.core.engine.Dialects;
import dbshift.core.model.QualifiedName;
import dbshift.core.replay.NameMap;
import dbshift.core.replay.Translation;

/** Replay's translation of simple MySQL queries into T-SQL (names through the migration's mapping); the rest is refused with a reason. */
class MySqlQueryToTSqlTest {

    @Test
    void simpleMySqlQueriesBecomeTSqlAndTheRestIsRefusedWithAReason() {
        var tsql = Dialects.require("sqlserver").replayEngine().orElseThrow();
        Translation back = tsql.translate("SELECT `Id`, IFNULL(`Note`, 'none') FROM `tsqlq`.`Orders` ORDER BY `Id` LIMIT 3", "mysql",
                NameMap.of(Map.of(new QualifiedName("tsqlq", "Orders"), new QualifiedName("dbo", "Orders"))));
        assertEquals("SELECT TOP 3 [Id], ISNULL([Note], 'none') FROM [dbo].[Orders] ORDER BY [Id]", back.sql());
        assertTrue(tsql.translate("SELECT a FROM t LIMIT 10, 5", "mysql", NameMap.identity()).notReplayable().contains("LIMIT"));
        assertTrue(tsql.translate("SELECT GROUP_CONCAT(a) FROM t", "mysql", NameMap.identity()).notReplayable().contains("GROUP_CONCAT"));
        assertTrue(tsql.translate("SELECT 'a\\'b'", "mysql", NameMap.identity()).notReplayable().contains("backslash"));
    }
}
