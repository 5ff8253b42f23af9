package dbshift.core.tests.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dbshift.core.engine.ConnectionSpec;
import dbshift.core.engine.TlsMode;
import dbshift.core.project.ConnectionProfile;
import dbshift.core.project.MigrationProject;
import dbshift.core.project.ProjectFile;
import dbshift.core.project.Scope;
import dbshift.core.run.MigrationOptions;

/** The project file round-trips every field, never holds a password, and profiles become the right JDBC specs. */
class ProjectFileTest {

    private static ConnectionProfile source() {
        return new ConnectionProfile(null, "shop on MariaDB", "mariadb", "127.0.0.1", 3307, "shop", "root", TlsMode.DISABLED,
                Map.of("connectTimeout", "5000"));
    }

    @Test
    void projectRoundTripsThroughItsJsonFile() throws Exception {
        MigrationProject p = MigrationProject.create("Shop to Azure", "mariadb", "azure-mysql", Scope.SCHEMA_AND_DATA,
                MigrationProject.Settings.defaults().withJobs(3).withChunkRows(5000).withDeferTriggers(true))
                .withSource(source())
                .withTarget(new ConnectionProfile(null, "azure", "mysql", "db.example.org", 0, null, "admin", TlsMode.VERIFY_FULL, null))
                .withExcluded("view `shop`.`v`", true)
                .withTypeOverride("shop", "orders", "note", "varchar(2000)")
                .withQuickFix("zero-dates=null");
        String json = ProjectFile.toJson(p);
        MigrationProject back = ProjectFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(p, back);
        assertEquals(MigrationOptions.ZeroDates.NULL, back.settings().zeroDates());
        assertEquals(List.of("shop"), back.toOptions().schemas(), "a profile's database scopes the migration");
        assertEquals(3, back.toOptions().jobs());
        assertTrue(back.toOptions().deferTriggers(), "triggers wait for cutover, as the project says");
        assertFalse(json.toLowerCase().contains("password"), json);
    }

    @Test
    void aSecretDriverPropertyIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ConnectionProfile(null, "x", "mysql",
                "h", 3306, null, "u", TlsMode.REQUIRED, Map.of("password", "hunter2")));
        assertTrue(e.getMessage().contains("secure storage"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ConnectionProfile(null, "x", "mysql", "h", 3306, null, "u",
                TlsMode.REQUIRED, Map.of("trustCertificateKeyStorePassword", "x")));
    }

    @Test
    void profilesBecomeUrlsAndDriverPropertiesOfTheirDialect() {
        ConnectionSpec maria = source().toSpec("pw".toCharArray());
        assertEquals("jdbc:mariadb://127.0.0.1:3307/shop", maria.url());
        assertEquals("disable", maria.properties().get("sslMode"));
        assertEquals("5000", maria.properties().get("connectTimeout"));
        ConnectionSpec azure = new ConnectionProfile(null, "azure", "mysql", "db.example.org", 0, "my db", "admin",
                TlsMode.VERIFY_FULL, Map.of()).toSpec(new char[0]);
        assertEquals("jdbc:mysql://db.example.org:3306/my%20db", azure.url());
        assertEquals("VERIFY_IDENTITY", azure.properties().get("sslMode"));
        assertFalse(azure.toString().contains("pw"));
    }

    @Test
    void everyRegisteredEngineTurnsAProfileIntoAUrlItsOwnDialectAccepts() {
        for (var d : dbshift.core.engine.Dialects.all()) {
            ConnectionProfile p = new ConnectionProfile(null, d.displayName(), d.id(), "db.example.org", 0, "sales", "u",
                    TlsMode.VERIFY_FULL, Map.of());
            String url = p.jdbcUrl();
            assertEquals(d, dbshift.core.engine.Dialects.forUrl(url), url);
            assertTrue(url.contains("db.example.org:" + d.defaultPort()), url);
            assertTrue(url.contains("sales"), url);
            assertFalse(p.toSpec(new char[0]).properties().isEmpty(), d.id() + " maps TLS modes to driver properties");
        }
        assertEquals("jdbc:sqlserver://h:1433;databaseName={a;b}", new ConnectionProfile(null, "x", "sqlserver", "h", 0, "a;b", "u",
                TlsMode.REQUIRED, Map.of()).jdbcUrl());
        assertTrue(dbshift.core.engine.Dialects.require("sqlserver").parseType("nvarchar(max)").isPresent());
        assertTrue(dbshift.core.engine.Dialects.require("mysql").parseType("varchar(320)").isPresent());
        assertFalse(dbshift.core.engine.Dialects.require("mysql").parseType("nvarchar2(10)").isPresent());
    }

    @Test
    void unknownQuickFixesAreRefusedAndKnownOnesRecognised() {
        assertTrue(MigrationProject.canApply("definer=strip"));
        assertTrue(MigrationProject.canApply("zero-dates=null"));
        assertFalse(MigrationProject.canApply("drop-everything=yes"));
        assertFalse(MigrationProject.canApply(null));
    }

    @Test
    void aNewerFormatIsRefusedWithAClearMessage() {
        var e = assertThrows(java.io.IOException.class, () -> ProjectFile.read(new ByteArrayInputStream(
                "{\"dbshiftProject\": 99, \"name\": \"x\"}".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }
}
