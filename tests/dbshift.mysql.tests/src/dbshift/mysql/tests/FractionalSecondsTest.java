package dbshift.mysql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dbshift.core.engine.Dialects;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationOptions;
import dbshift.embedded.SharedServers;

/**
 * Fractional seconds with leading zeros (.012, .000123) read through MariaDB Connector/J arrive exactly, checked
 * independently of DBShift's own verification: the driver's getString prints .012 as .12000, which a copy would
 * have carried over and its verification, reading the source the same way, would have called equal.
 */
class FractionalSecondsTest {

    @Test
    void leadingZerosOfFractionsSurviveAMariaDbSource() throws Exception {
        Fixtures.execute(SharedServers.mariaDb(), "DROP DATABASE IF EXISTS `fraction`", "CREATE DATABASE `fraction`",
                "CREATE TABLE `fraction`.`t` (`id` INT PRIMARY KEY, `d3` DATETIME(3) NULL, `d6` DATETIME(6) NULL, "
                        + "`ts` TIMESTAMP(6) NULL, `tm` TIME(6) NULL)",
                "INSERT INTO `fraction`.`t` VALUES (1, '2026-01-01 10:00:00.012', '2026-01-01 10:00:00.000123', "
                        + "'2026-01-01 10:00:00.050000', '-12:00:00.001'), (2, '2026-01-01 10:00:00.120', '2026-01-01 10:00:00.100000', "
                        + "'2026-01-01 10:00:00.999999', '838:59:58.000001'), (3, NULL, NULL, NULL, NULL)");
        Fixtures.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `fraction`");
        Migration m = Migration.live(Fixtures.endpoint(SharedServers.mariaDb()), Fixtures.endpoint(SharedServers.mySqlTarget()),
                Dialects.targetKind("mysql"), MigrationOptions.defaults().withSchemas(List.of("fraction")));
        m.migrate();
        String values = "SELECT id, CAST(d3 AS CHAR), CAST(d6 AS CHAR), CAST(ts AS CHAR), CAST(tm AS CHAR) FROM `fraction`.`t` ORDER BY id";
        Fixtures.execute(SharedServers.mariaDb(), "SET GLOBAL time_zone = '+00:00'");
        Fixtures.execute(SharedServers.mySqlTarget(), "SET GLOBAL time_zone = '+00:00'");
        try {
            assertEquals(Fixtures.rows(SharedServers.mariaDb(), values), Fixtures.rows(SharedServers.mySqlTarget(), values));
        } finally {
            Fixtures.execute(SharedServers.mariaDb(), "SET GLOBAL time_zone = 'SYSTEM'");
            Fixtures.execute(SharedServers.mySqlTarget(), "SET GLOBAL time_zone = 'SYSTEM'");
        }
        assertEquals("match", m.run().table("fraction", "t").checksum());
    }
}
