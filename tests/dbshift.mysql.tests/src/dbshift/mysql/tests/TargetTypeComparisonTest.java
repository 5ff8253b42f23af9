package dbshift.mysql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dbshift.core.engine.ConnectionSpec;
import dbshift.core.engine.Dialects;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationOptions;
import dbshift.core.run.Status;
import dbshift.core.script.Script;
import dbshift.embedded.SharedServers;

/**
 * A MariaDB target reached through a jdbc:mysql: URL prints integer types with display widths ({@code int(11)});
 * a rerun's plan compares types as the server means them and finds the migrated tables in place, not in conflict.
 */
class TargetTypeComparisonTest {

    @Test
    void integerDisplayWidthsAreNoDifference() throws Exception {
        Fixtures.execute(SharedServers.mySql(), "DROP DATABASE IF EXISTS `widths`", "CREATE DATABASE `widths`",
                "CREATE TABLE `widths`.`t` (`id` INT NOT NULL PRIMARY KEY, `b` BIGINT NULL, `s` SMALLINT UNSIGNED NOT NULL, "
                        + "`z` INT(6) ZEROFILL NULL, `flag` TINYINT NULL)",
                "INSERT INTO `widths`.`t` VALUES (1, 2, 3, 4, 1)");
        Fixtures.execute(SharedServers.mariaDb(), "DROP DATABASE IF EXISTS `widths`");
        String mariaThroughMySqlDriver = "jdbc:mysql://127.0.0.1:" + SharedServers.mariaDb().port()
                + "/?useSSL=false&allowPublicKeyRetrieval=true";
        MigrationOptions options = MigrationOptions.defaults().withSchemas(List.of("widths"));
        migration(mariaThroughMySqlDriver, options).migrate();

        Migration rerun = migration(mariaThroughMySqlDriver, options);
        Script plan = rerun.plan();
        assertTrue(plan.statements().isEmpty(), "nothing left to do: " + plan.statements());
        assertEquals(List.of(), rerun.run().objects().stream().filter(o -> o.status() == Status.CONFLICT).toList());
    }

    private static Migration migration(String targetUrl, MigrationOptions options) {
        return Migration.live(Fixtures.endpoint(SharedServers.mySql()),
                Migration.connect("target", new ConnectionSpec(targetUrl, "root", new char[0], Map.of())),
                Dialects.targetKind("mysql"), options);
    }
}
