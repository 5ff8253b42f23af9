package dbshift.mysql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dbshift.core.convert.DatabaseMap;
import dbshift.core.engine.Dialects;
import dbshift.core.model.QualifiedName;
import dbshift.core.replay.NameMap;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationException;
import dbshift.core.run.MigrationOptions;
import dbshift.core.run.Status;
import dbshift.core.script.ScriptStatement;
import dbshift.embedded.SharedServers;

/**
 * A renamed database through the engine's later steps (MariaDB 11.4 into MySQL 8.0.31): the script's text, cutover,
 * repair, fallback and the replay's name map all follow {@code --map-database}, and nothing touches a database named
 * like the source's on the target.
 */
class DatabaseMapTest {

    @Test
    void theScriptRenamesReferencesButNotStringsCommentsOrOtherDatabases() throws Exception {
        Fixtures.execute(SharedServers.mariaDb(), "DROP DATABASE IF EXISTS `maptext`", "DROP DATABASE IF EXISTS `maptext_other`",
                "CREATE DATABASE `maptext`", "CREATE DATABASE `maptext_other`",
                "CREATE TABLE `maptext`.`t` (`id` INT PRIMARY KEY, `s` VARCHAR(40))",
                "CREATE TABLE `maptext_other`.`u` (`id` INT PRIMARY KEY)",
                "CREATE PROCEDURE `maptext`.`p`() BEGIN\n"
                        + "  -- copies maptext.t somewhere\n"
                        + "  INSERT INTO maptext.t (id, s) SELECT id, 'maptext.t' FROM maptext_other.u;\n"
                        + "  /* maptext.t again */ UPDATE `maptext`.`t` SET s = \"maptext.x\" WHERE id = 0;\n"
                        + "END",
                "CREATE VIEW `maptext`.`v` AS SELECT id FROM `maptext`.`t`");
        Migration m = Migration.live(Fixtures.endpoint(SharedServers.mariaDb()), null, Dialects.targetKind("mysql"),
                MigrationOptions.defaults().withSchemas(List.of("maptext", "maptext_other")))
                .mapDatabases(DatabaseMap.parse(List.of("maptext=maptext_v2"), "--map-database"));
        String procedure = m.script().statements().stream().filter(s -> s.objectType().equals("procedure")).map(ScriptStatement::sql)
                .filter(sql -> sql.startsWith("CREATE"))
                .findFirst().orElseThrow();
        assertTrue(procedure.contains("PROCEDURE `maptext_v2`.`p`"), procedure);
        assertTrue(procedure.contains("INSERT INTO `maptext_v2`.t (id, s) SELECT id, 'maptext.t' FROM maptext_other.u"), procedure);
        assertTrue(procedure.contains("UPDATE `maptext_v2`.`t` SET s = \"maptext.x\""), procedure);
        assertTrue(procedure.contains("-- copies maptext.t somewhere") && procedure.contains("/* maptext.t again */"), procedure);
        assertEquals(new QualifiedName("maptext_v2", "t"), m.convert().targetName(new QualifiedName("maptext", "t")));
        assertEquals(new QualifiedName("maptext_other", "u"), m.convert().targetName(new QualifiedName("maptext_other", "u")));
        // the schema diff editor's rows: each source object beside what it becomes, under the target's name
        var definitions = dbshift.core.project.ObjectDefinitions.of(m.readSource(), Dialects.require("mariadb"), m.convert(),
                m.targetDialect(), null);
        for (String key : List.of("view `maptext_v2`.`v`", "table `maptext_v2`.`t`", "procedure `maptext_v2`.`p`")) {
            var d = dbshift.core.project.ObjectDefinitions.find(definitions, key);
            assertTrue(d != null && d.source() != null && d.generated() != null, key + " in " + definitions.stream()
                    .map(dbshift.core.project.ObjectDefinitions.Definition::key).toList());
            assertTrue(d.generated().contains("`maptext_v2`") && !d.generated().contains("`maptext`"), d.toString());
            // (the embedded MariaDB's views and routines have a DEFINER its own writer cannot print; their rows still pair
            // the two sides)
            assertTrue(!key.startsWith("table") || d.source().contains("`maptext`"), d.toString());
        }
        assertTrue(definitions.stream().noneMatch(d -> d.key().contains("`maptext`.")), "no row under the source's name");
        NameMap names = NameMap.of(m.convert().tableNames());
        assertEquals(new QualifiedName("maptext_v2", "t"), names.table("maptext", "t"), "the replay runs the workload against maptext_v2");
        assertEquals("maptext_v2", names.schema("maptext"));

        Migration unknown = Migration.live(Fixtures.endpoint(SharedServers.mariaDb()), null, Dialects.targetKind("mysql"),
                MigrationOptions.defaults().withSchemas(List.of("maptext")))
                .mapDatabases(DatabaseMap.parse(List.of("maptexts=x"), "--map-database"));
        MigrationException e = assertThrows(MigrationException.class, unknown::convert);
        assertEquals(MigrationException.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("maptexts is not among the source databases in scope (maptext)"), e.getMessage());
    }

    @Test
    void cutoverRepairAndFallbackFollowTheRenamedDatabase() throws Exception {
        Fixtures.execute(SharedServers.mariaDb(), "DROP DATABASE IF EXISTS `mapfb`", "CREATE DATABASE `mapfb`",
                "CREATE TABLE `mapfb`.`accounts` (`id` INT NOT NULL AUTO_INCREMENT PRIMARY KEY, `owner` VARCHAR(40) NOT NULL, "
                        + "`balance` DECIMAL(12,2) NOT NULL)",
                "INSERT INTO `mapfb`.`accounts` (`owner`, `balance`) SELECT CONCAT('owner ', seq), seq * 1.25 FROM `mapfb`.`seq_1_to_500`");
        Fixtures.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `mapfb`", "DROP DATABASE IF EXISTS `mapfb_v2`");
        MigrationOptions options = MigrationOptions.defaults().withSchemas(List.of("mapfb")).withChunkRows(100);
        migration(options).migrate();
        assertEquals("500", Fixtures.scalar(SharedServers.mySqlTarget(), "SELECT COUNT(*) FROM `mapfb_v2`.`accounts`"));

        // repair finds and copies again exactly what was changed behind the copy's back, in mapfb_v2
        Fixtures.execute(SharedServers.mySqlTarget(), "DELETE FROM `mapfb_v2`.`accounts` WHERE id BETWEEN 150 AND 160");
        Migration repair = migration(options);
        repair.repair();
        assertEquals("match", repair.run().table("mapfb_v2", "accounts").checksum(), repair.run().tables().toString());
        assertEquals("500", Fixtures.scalar(SharedServers.mySqlTarget(), "SELECT COUNT(*) FROM `mapfb_v2`.`accounts`"));

        // the source keeps changing until the cutover, which applies it to mapfb_v2 and records the way back
        Fixtures.execute(SharedServers.mariaDb(), "INSERT INTO `mapfb`.`accounts` (`owner`, `balance`) VALUES ('late', 1)",
                "UPDATE `mapfb`.`accounts` SET balance = 0 WHERE id = 1");
        Migration cutover = migration(options).withFallback();
        cutover.cutover(false);
        assertTrue(cutover.run().steps().stream().anyMatch(s -> s.step().equals("cutover") && s.status() == Status.OK),
                cutover.run().steps().toString());
        assertEquals("501", Fixtures.scalar(SharedServers.mySqlTarget(), "SELECT COUNT(*) FROM `mapfb_v2`.`accounts`"));
        assertEquals("0.00", Fixtures.scalar(SharedServers.mySqlTarget(), "SELECT balance FROM `mapfb_v2`.`accounts` WHERE id = 1"));

        // the applications write to mapfb_v2; fallback carries that back into the source's mapfb
        Fixtures.execute(SharedServers.mySqlTarget(), "INSERT INTO `mapfb_v2`.`accounts` (`owner`, `balance`) VALUES ('after', 2)",
                "DELETE FROM `mapfb_v2`.`accounts` WHERE id = 2");
        Migration back = migration(options);
        back.fallbackCutover(false);
        assertEquals("match", back.run().table("mapfb", "accounts").checksum(), back.run().tables().toString());
        assertEquals("1", Fixtures.scalar(SharedServers.mariaDb(), "SELECT COUNT(*) FROM `mapfb`.`accounts` WHERE owner = 'after'"));
        assertEquals("0", Fixtures.scalar(SharedServers.mariaDb(), "SELECT COUNT(*) FROM `mapfb`.`accounts` WHERE id = 2"));
        assertFalse(Fixtures.rows(SharedServers.mySqlTarget(), "SHOW DATABASES").stream().anyMatch(r -> r.get(0).equals("mapfb")),
                "nothing may land in a database named like the source's");
    }

    private static Migration migration(MigrationOptions options) {
        return Migration.live(Fixtures.endpoint(SharedServers.mariaDb()), Fixtures.endpoint(SharedServers.mySqlTarget()),
                Dialects.targetKind("mysql"), options).mapDatabases(DatabaseMap.parse(List.of("mapfb=mapfb_v2"), "--map-database"));
    }
}
