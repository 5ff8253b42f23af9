package dbshift.sqlserver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dbshift.core.assess.Finding;
import dbshift.core.assess.Severity;
import dbshift.core.engine.Dialects;
import dbshift.core.model.Catalog;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationOptions;

/** Assessment per target: the same feature is blocking on Azure SQL Database, a warning on Managed Instance, informative on SQL Server. */
class SqlServerRulesTest {

    private static List<Finding> assess(String script, String kind, List<String> users) {
        Catalog source = Resources.readTSql(script);
        return Migration.offline(source, "test.sql", null, Dialects.targetKind(kind),
                MigrationOptions.defaults().withUsers(users)).assess();
    }

    private static Optional<Finding> find(List<Finding> findings, String rule, String object) {
        return findings.stream().filter(f -> f.ruleId().equals(rule) && f.object().contains(object)).findFirst();
    }

    private static Severity severity(List<Finding> findings, String rule, String object) {
        return find(findings, rule, object).map(Finding::severity)
                .orElseThrow(() -> new AssertionError("no " + rule + " for " + object + " in " + findings));
    }

    private static final String MODULES = """
            USE [Shop]
            GO
            CREATE PROCEDURE dbo.Cross AS SELECT * FROM Archive.dbo.Orders
            GO
            CREATE PROCEDURE dbo.Local AS SELECT * FROM Shop.dbo.Orders o JOIN dbo.Orders.Id x ON 1 = 1
            GO
            CREATE PROCEDURE dbo.Remote AS SELECT * FROM SRV2.Archive.dbo.Orders
            GO
            CREATE PROCEDURE dbo.Query AS SELECT * FROM OPENQUERY(SRV2, 'select 1')
            GO
            CREATE PROCEDURE dbo.Shell AS EXEC master..xp_cmdshell 'dir'
            GO
            CREATE PROCEDURE dbo.Flags AS DBCC TRACEON(1204)
            GO
            CREATE PROCEDURE dbo.Switch AS BEGIN USE tempdb; SELECT 1; END
            GO
            CREATE PROCEDURE dbo.Mail AS EXEC msdb.dbo.sp_send_dbmail @recipients = 'a@b.c'
            GO
            CREATE PROCEDURE dbo.Load AS BULK INSERT dbo.T FROM 'c:\\data\\t.csv'
            GO
            CREATE PROCEDURE dbo.Broker AS BEGIN DECLARE @h uniqueidentifier; BEGIN DIALOG @h FROM SERVICE a TO SERVICE 'b'; END
            GO
            CREATE PROCEDURE dbo.Comment AS SELECT 1 -- xp_cmdshell only in a comment, OtherDb.dbo.T too
            GO
            """;

    @Test
    void moduleFeaturesBlockAzureSqlDatabase() {
        List<Finding> f = assess(MODULES, "azure-sql-db", List.of());
        assertEquals(Severity.BLOCKING, severity(f, "SQLSERVER-CROSS-DATABASE", "Cross"));
        assertTrue(find(f, "SQLSERVER-CROSS-DATABASE", "Local").isEmpty(), "own database and schema.table.column are fine: " + f);
        assertEquals(Severity.BLOCKING, severity(f, "SQLSERVER-LINKED-SERVER", "Remote"));
        assertEquals(Severity.BLOCKING, severity(f, "SQLSERVER-LINKED-SERVER", "Query"));
        assertEquals(Severity.BLOCKING, severity(f, "SQLSERVER-XP-CMDSHELL", "Shell"));
        assertEquals(Severity.ERROR, severity(f, "SQLSERVER-TRACE-FLAG", "Flags"));
        assertEquals(Severity.ERROR, severity(f, "SQLSERVER-USE-IN-MODULE", "Switch"));
        assertEquals(Severity.ERROR, severity(f, "SQLSERVER-DATABASE-MAIL", "Mail"));
        assertEquals(Severity.ERROR, severity(f, "SQLSERVER-BULK-FROM-FILE", "Load"));
        assertEquals(Severity.BLOCKING, severity(f, "SQLSERVER-SERVICE-BROKER", "Broker"));
        assertTrue(f.stream().noneMatch(x -> x.object().contains("Comment")), "comments do not count: " + f);
    }

    @Test
    void managedInstanceRefusesLessAndSqlServerLeast() {
        List<Finding> mi = assess(MODULES, "azure-sql-mi", List.of());
        assertEquals(Severity.WARNING, severity(mi, "SQLSERVER-CROSS-DATABASE", "Cross"));
        assertEquals(Severity.WARNING, severity(mi, "SQLSERVER-LINKED-SERVER", "Remote"));
        assertEquals(Severity.BLOCKING, severity(mi, "SQLSERVER-XP-CMDSHELL", "Shell"));
        assertEquals(Severity.WARNING, severity(mi, "SQLSERVER-DATABASE-MAIL", "Mail"));
        assertTrue(find(mi, "SQLSERVER-USE-IN-MODULE", "Switch").map(x -> x.severity() == Severity.WARNING).orElse(false));
        List<Finding> box = assess(MODULES, "sqlserver", List.of());
        assertEquals(Severity.WARNING, severity(box, "SQLSERVER-XP-CMDSHELL", "Shell"));
        assertTrue(find(box, "SQLSERVER-BULK-FROM-FILE", "Load").isEmpty());
        assertTrue(box.stream().noneMatch(Finding::isBlocking), box.toString());
    }

    private static final String SERVER = """
            EXEC sp_addlinkedserver @server = N'SRV2'
            GO
            EXEC msdb.dbo.sp_add_job @job_name = N'Backup'
            GO
            CREATE ASSEMBLY Helpers FROM 0x4D5A WITH PERMISSION_SET = SAFE
            GO
            CREATE TRIGGER AuditLogon ON ALL SERVER FOR LOGON AS PRINT 'x'
            GO
            CREATE QUEUE dbo.Inbox
            GO
            DBCC TRACEON (4199, -1)
            GO
            EXEC sp_configure 'xp_cmdshell', 1
            GO
            CREATE TABLE dbo.Docs (Id int NOT NULL PRIMARY KEY, Body varbinary(max) FILESTREAM NULL, Id2 uniqueidentifier ROWGUIDCOL NOT NULL UNIQUE)
            GO
            CREATE LOGIN [CORP\\ops] FROM WINDOWS
            GO
            CREATE LOGIN app WITH PASSWORD = 0x0200AABB HASHED
            GO
            ALTER SERVER ROLE sysadmin ADD MEMBER app
            GO
            CREATE TABLE dbo.Prices (Id int NOT NULL PRIMARY KEY, Amount money NOT NULL,
              ValidFrom datetime2 GENERATED ALWAYS AS ROW START HIDDEN NOT NULL,
              ValidTo datetime2 GENERATED ALWAYS AS ROW END HIDDEN NOT NULL,
              PERIOD FOR SYSTEM_TIME (ValidFrom, ValidTo))
              WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = dbo.PricesHistory))
            GO
            CREATE TABLE dbo.Hot (Id int NOT NULL PRIMARY KEY NONCLUSTERED, V int NULL) WITH (MEMORY_OPTIMIZED = ON, DURABILITY = SCHEMA_AND_DATA)
            GO
            """;

    @Test
    void serverFeaturesPerTarget() {
        List<Finding> db = assess(SERVER, "azure-sql-db", List.of("*"));
        assertEquals(Severity.BLOCKING, severity(db, "SQLSERVER-LINKED-SERVER", "SRV2"));
        assertEquals(Severity.WARNING, severity(db, "SQLSERVER-AGENT-JOB", "Backup"));
        assertEquals(Severity.BLOCKING, severity(db, "SQLSERVER-CLR", "Helpers"));
        assertEquals(Severity.BLOCKING, severity(db, "SQLSERVER-SERVER-TRIGGER", "AuditLogon"));
        assertEquals(Severity.BLOCKING, severity(db, "SQLSERVER-SERVICE-BROKER", ""));
        assertEquals(Severity.WARNING, severity(db, "SQLSERVER-TRACE-FLAG", "trace flags"));
        assertEquals(Severity.WARNING, severity(db, "SQLSERVER-XP-CMDSHELL", "xp_cmdshell"));
        assertEquals(Severity.WARNING, severity(db, "SQLSERVER-FILESTREAM", "Body"));
        assertEquals(Severity.WARNING, severity(db, "SQLSERVER-WINDOWS-LOGIN", "CORP\\ops"));
        assertEquals(Severity.WARNING, severity(db, "SQLSERVER-SERVER-ROLE", "app"));

        assertEquals(Severity.WARNING, severity(db, "SQLSERVER-TEMPORAL-TABLE", "Prices"));
        assertEquals(Severity.WARNING, severity(db, "SQLSERVER-IN-MEMORY", "Hot"));

        List<Finding> mi = assess(SERVER, "azure-sql-mi", List.of("*"));
        assertEquals(Severity.WARNING, severity(mi, "SQLSERVER-LINKED-SERVER", "SRV2"));
        assertEquals(Severity.INFO, severity(mi, "SQLSERVER-AGENT-JOB", "Backup"));
        assertEquals(Severity.WARNING, severity(mi, "SQLSERVER-CLR", "Helpers"));
        assertEquals(Severity.WARNING, severity(mi, "SQLSERVER-SERVER-TRIGGER", "AuditLogon"));
        assertEquals(Severity.WARNING, severity(mi, "SQLSERVER-FILESTREAM", "Body"));
        assertTrue(find(mi, "SQLSERVER-LOGIN-TO-USER", "app").isEmpty(), "Managed Instance keeps logins");

        List<Finding> box = assess(SERVER, "sqlserver", List.of("*"));
        assertTrue(find(box, "SQLSERVER-AGENT-JOB", "Backup").isEmpty(), "a SQL Server target keeps msdb out of scope");
        assertEquals(Severity.INFO, severity(box, "SQLSERVER-FILESTREAM", "Body"));
        assertEquals(Severity.INFO, severity(box, "SQLSERVER-IN-MEMORY", "Hot"));
        assertTrue(box.stream().noneMatch(f -> f.ruleId().equals("READ-PROBLEM")), "temporal and in-memory tables read: " + box);
    }

    @Test
    void ssisCatalogNamesTheDataFactoryRoute() {
        Catalog source = Resources.readTSql("CREATE TABLE dbo.T (Id int NOT NULL PRIMARY KEY)\nGO\n");
        java.util.Map<String, String> settings = new java.util.HashMap<>(source.settings());
        settings.put("ssisdb", "SSISDB");
        Catalog withSsis = new Catalog(source.dialect(), source.serverVersion(), settings, source.schemas(), source.principals(),
                source.problems());
        List<Finding> mi = Migration.offline(withSsis, "x", null, Dialects.targetKind("azure-sql-mi"), MigrationOptions.defaults()).assess();
        Finding ssis = find(mi, "SQLSERVER-SSIS", "SSISDB").orElseThrow(() -> new AssertionError(mi.toString()));
        assertEquals(Severity.WARNING, ssis.severity());
        assertTrue(ssis.message().contains("not migrated"), ssis.message());
        assertTrue(ssis.fixHint().contains("Azure Data Factory") && ssis.fixHint().contains("Azure-SSIS Integration Runtime"), ssis.fixHint());
    }

    @Test
    void unreadableObjectsAreErrors() {
        List<Finding> f = assess("CREATE TABLE dbo.T (Id int NOT NULL, X int BOGUS)\nGO\n", "sqlserver", List.of());
        assertEquals(Severity.ERROR, severity(f, "READ-PROBLEM", "\"dbo\".\"T\""));
    }
}
