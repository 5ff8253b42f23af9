package dbshift.mysql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dbshift.core.engine.Dialects;
import dbshift.core.model.QualifiedName;
import dbshift.core.replay.LatencyStats;
import dbshift.core.replay.NameMap;
import dbshift.core.replay.RegressionRule;
import dbshift.core.replay.SecretFilter;
import dbshift.core.replay.SqlText;
import dbshift.core.replay.Translation;
import dbshift.embedded.SharedServers;

/**
 * The judgements replay makes without a server (secrets, ordering, regression thresholds on distributions chosen
 * here) and statement translation between T-SQL and MySQL, whose MySQL output runs on a real MySQL 8.
 */
class ReplayRulesTest {

    @Test
    void secretsAreDroppedOrRedacted() {
        assertTrue(SecretFilter.filter("CREATE USER 'a'@'%' IDENTIFIED BY 'hunter2'", true).dropped());
        assertTrue(SecretFilter.filter("SET PASSWORD FOR 'a'@'%' = 'x'", true).dropped());
        assertTrue(SecretFilter.filter("GRANT SELECT ON shop.* TO 'a'@'%'", true).dropped());
        assertTrue(SecretFilter.filter("SELECT AES_DECRYPT(card, 'k3y') FROM t", true).dropped());
        SecretFilter.Result login = SecretFilter.filter("SELECT id FROM users WHERE email = 'a@b.org' AND password_hash = 'abc'", true);
        assertEquals("SELECT id FROM users WHERE email = 'a@b.org' AND password_hash = '<redacted>'", login.text());
        assertEquals(1, login.redacted());
        SecretFilter.Result jwt = SecretFilter.filter(
                "SELECT * FROM s WHERE v = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'", true);
        assertEquals("SELECT * FROM s WHERE v = '<redacted>'", jwt.text());
        assertEquals("SELECT * FROM sessions WHERE token = '<redacted>'",
                SecretFilter.filter("SELECT * FROM sessions WHERE token = 0x9f86d081884c7d659a2feaa0c55ad015", true).text());
        assertEquals("SELECT * FROM k WHERE id IN ('<redacted>', '<redacted>')",
                SecretFilter.filter("SELECT * FROM k WHERE id IN ('AKIAIOSFODNN7EXAMPLE', 'Zx9Qw3Er7Ty1Ui5Op2As8Df4Gh6Jk0Lz')", true).text());
        // ordinary literals stay: names, mail addresses, dates, words
        String plain = "SELECT * FROM customers WHERE name = 'Alice Smith' AND email = 'alice.smith@example.org' "
                + "AND created > '2024-01-01 10:00:00' AND city = 'Llanfairpwllgwyngyll'";
        assertEquals(plain, SecretFilter.filter(plain, true).text());
    }

    @Test
    void orderingIsTheOutermostQuerys() {
        assertTrue(SqlText.of("SELECT a FROM t ORDER BY a", true).ordersResult());
        assertFalse(SqlText.of("SELECT a FROM (SELECT a FROM t ORDER BY a LIMIT 3) x", true).ordersResult());
        assertFalse(SqlText.of("(SELECT a FROM t ORDER BY a) UNION (SELECT b FROM u)", true).ordersResult());
        assertFalse(SqlText.of("SELECT 'ORDER BY' FROM t -- ORDER BY a", true).ordersResult());
        assertEquals("NOW()", SqlText.of("SELECT * FROM t WHERE d > NOW() - INTERVAL 1 DAY", true).nondeterministicCall());
        assertNull(SqlText.of("SELECT `now` FROM t", true).nondeterministicCall());
        assertEquals(SqlText.of("select a from t where id = 7 and n = 'x'", true).shape(),
                SqlText.of("SELECT a  FROM t WHERE id = 12 AND n = 'yz'", true).shape());
    }

    @Test
    void regressionNeedsBothTheRatioAndTheFloor() {
        RegressionRule rule = new RegressionRule(2.0, 5.0);
        LatencyStats source = LatencyStats.ofMillis(10, 11, 12, 10, 50);
        assertEquals(11.0, source.medianMillis());
        assertEquals(50.0, source.p95Millis(), "nearest rank: the slowest of five runs");
        assertTrue(rule.regressed(source, LatencyStats.ofMillis(30, 31, 29, 33, 30)), "3x and +19 ms");
        assertFalse(rule.regressed(source, LatencyStats.ofMillis(20, 21, 19, 200, 21)), "one slow outlier moves no median");
        assertFalse(rule.regressed(LatencyStats.ofMillis(0.2, 0.2, 0.3), LatencyStats.ofMillis(1.5, 1.4, 1.6)),
                "7x but only a millisecond: noise");
        assertTrue(rule.describe(source, LatencyStats.ofMillis(33, 33, 33)).contains("3.0x"));
        assertThrows(IllegalArgumentException.class, () -> new RegressionRule(0.5, 1));
    }

    @Test
    void simpleTSqlQueriesRunOnMySqlAndTheRestIsRefusedWithAReason() throws Exception {
        Fixtures.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `tsqlq`", "CREATE DATABASE `tsqlq`",
                "CREATE TABLE `tsqlq`.`Orders` (`Id` INT PRIMARY KEY, `Note` VARCHAR(20) NULL)",
                "INSERT INTO `tsqlq`.`Orders` VALUES (1, NULL), (2, 'b'), (3, 'c'), (4, 'd')");
        NameMap names = NameMap.of(Map.of(new QualifiedName("dbo", "Orders"), new QualifiedName("tsqlq", "Orders")));
        var mysql = Dialects.require("mysql").replayEngine().orElseThrow();
        Translation t = mysql.translate("SELECT TOP (2) [Id], ISNULL([Note], N'none') AS note FROM [dbo].[Orders] WHERE [Id] >= 1 ORDER BY [Id]",
                "sqlserver", names);
        assertTrue(t.replayable(), String.valueOf(t.notReplayable()));
        assertEquals("SELECT `Id`, IFNULL(`Note`, N'none') AS note FROM `tsqlq`.`Orders` WHERE `Id` >= 1 ORDER BY `Id` LIMIT 2", t.sql());
        assertEquals(List.of(List.of("1", "none"), List.of("2", "b")), Fixtures.rows(SharedServers.mySqlTarget(), t.sql()));
        assertTrue(mysql.translate("SELECT a + 'x' FROM t", "sqlserver", names).notReplayable().contains("concatenation"));
        assertTrue(mysql.translate("SELECT * FROM t WITH (NOLOCK)", "sqlserver", names).notReplayable().contains("table hints"));
        assertTrue(mysql.translate("SELECT * FROM #tmp", "sqlserver", names).notReplayable().contains("#tmp"));
        assertTrue(mysql.translate("SELECT CONVERT(varchar(10), d, 120) FROM t", "sqlserver", names).notReplayable().contains("CONVERT"));
    }
}
