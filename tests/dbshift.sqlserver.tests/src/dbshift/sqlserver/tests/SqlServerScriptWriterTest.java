package dbshift.sqlserver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dbshift.core.engine.Dialect;
import dbshift.core.engine.Dialects;
import dbshift.sqlserver.SqlServerDdlWriter;
import dbshift.core.model.Catalog;
import dbshift.core.model.Principal;
import dbshift.core.model.Table;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationOptions;
import dbshift.core.script.Phase;
import dbshift.core.script.Script;
import dbshift.core.script.ScriptStatement;

/**
 * The T-SQL the writer produces for SQL Server, Azure SQL Database and Managed Instance: every statement parses
 * with the independent grammar, the script keeps dependency order and GO batches, and a script read back gives
 * the same tables.
 */
class SqlServerScriptWriterTest {
    private static final Dialect SQLSERVER = Dialects.require("sqlserver");

    private static Migration offline(Catalog source, String kind, List<String> users) {
        return Migration.offline(source, "sales.sql", null, Dialects.targetKind(kind),
                MigrationOptions.defaults().withUsers(users));
    }

    @ParameterizedTest
    @ValueSource(strings = { "sqlserver", "azure-sql-db", "azure-sql-mi" })
    void everyGeneratedStatementParses(String kind) {
        Migration m = offline(Resources.readTSql(Resources.text("sales.sql")), kind, List.of("*"));
        Script script = m.script();
        assertTrue(script.statements().size() > 30, "statements: " + script.statements().size());
        ScriptCheck.assertParses("schema script for " + kind, script);
        // logins, users, roles, grants as the users step creates them
        List<String> principals = new ArrayList<>();
        for (Principal p : m.convert().catalog().principals()) {
            principals.addAll(SQLSERVER.ddlWriter().createPrincipal(p));
        }
        assertFalse(principals.isEmpty());
        ScriptCheck.assertParses("principals for " + kind, principals);
        // what the loader runs around a copy
        SqlServerDdlWriter writer = (SqlServerDdlWriter) SQLSERVER.ddlWriter();
        Table orders = m.convert().catalog().table(dbshift.core.model.QualifiedName.of("sales", "Orders")).orElseThrow();
        List<String> load = new ArrayList<>(List.of(writer.identityInsert(orders.name(), true), writer.identityInsert(orders.name(), false)));
        for (String batch : writer.resetAutoIncrement(orders, 123456)) {
            load.addAll(List.of(batch.split(";\n")));
        }
        load.addAll(writer.deploySessionSetup());
        ScriptCheck.assertParses("load statements for " + kind, load);
    }

    @Test
    void scriptIsInDependencyOrderWithGoBatches() {
        Script script = offline(Resources.readTSql(Resources.text("sales.sql")), "sqlserver", List.of()).script();
        List<Phase> phases = script.statements().stream().map(ScriptStatement::phase).toList();
        for (int i = 1; i < phases.size(); i++) {
            assertTrue(phases.get(i - 1).compareTo(phases.get(i)) <= 0, "phase " + phases.get(i) + " after " + phases.get(i - 1));
        }
        List<String> views = script.inPhase(Phase.VIEWS).stream().map(ScriptStatement::objectName).toList();
        assertTrue(views.indexOf("[sales].[ActiveCustomers]") < views.indexOf("[sales].[TopCustomers]"), views.toString());
        String text = SQLSERVER.scriptSyntax().render(script);
        long go = text.lines().filter(l -> l.equals("GO")).count();
        assertEquals(script.statements().size() + 2, go, "one GO per statement plus the two SET lines");
        // the text reads back to the same statements, headers and all
        Script parsed = SQLSERVER.scriptSyntax().parse(text);
        assertEquals(script.statements(), parsed.statements());
    }

    @Test
    void namedDefaultsAndIdentityAreKept() {
        Script script = offline(Resources.readTSql(Resources.text("sales.sql")), "sqlserver", List.of()).script();
        String all = script.statements().stream().map(ScriptStatement::sql).collect(Collectors.joining("\n"));
        assertTrue(all.contains("ALTER TABLE [sales].[Customers] ADD CONSTRAINT [DF_Customers_Country] DEFAULT ('DE') FOR [Country]"), all);
        assertTrue(all.contains("[OrderID] bigint IDENTITY(1000, 5) NOT NULL"), all);
        assertTrue(all.contains("[ExternalKey] uniqueidentifier NOT NULL ROWGUIDCOL DEFAULT (newsequentialid())"), all);
        assertTrue(all.contains("[Fax] varchar(20) SPARSE NULL"), all);
        assertTrue(all.contains("ALTER TABLE [sales].[Orders] NOCHECK CONSTRAINT [CK_Orders_Qty]"), all);
        assertTrue(all.contains("CREATE TABLE [dbo].[Odd Name ]] Table]"), all);
    }

    /** SQL Server to SQL Server: the script DBShift writes, read back offline, gives the same tables, modules and objects. */
    @Test
    void scriptReadBackGivesTheSameCatalog() {
        Catalog original = Resources.readTSql(Resources.text("sales.sql"));
        Script script = offline(original, "sqlserver", List.of()).script();
        String text = SQLSERVER.scriptSyntax().render(script);
        Catalog again = Resources.readTSql(text);
        assertEquals(List.of(), again.problems());
        assertEquals(original.tables().size(), again.tables().size());
        for (Table t : original.tables()) {
            Table back = again.table(t.name()).orElseThrow(() -> new AssertionError("missing " + t.name()));
            // the writer puts a clustered index first; order among indexes means nothing
            assertEquals(byName(t.definition()), byName(back.definition()), "table " + t.name());
        }
        for (var s : original.schemas()) {
            var b = again.schema(s.name()).orElseThrow();
            assertEquals(names(s.views()), names(b.views()), "views of " + s.name());
            assertEquals(s.routines().stream().map(r -> r.name()).toList(), b.routines().stream().map(r -> r.name()).toList());
            assertEquals(s.triggers().stream().map(r -> r.name() + " " + r.table() + " " + r.events()).toList(),
                    b.triggers().stream().map(r -> r.name() + " " + r.table() + " " + r.events()).toList());
            assertEquals(s.sequences(), b.sequences());
            assertEquals(s.synonyms(), b.synonyms());
            assertEquals(s.types(), b.types());
        }
    }

    private static Table byName(Table t) {
        return t.withIndexes(t.indexes().stream().sorted(java.util.Comparator.comparing(dbshift.core.model.Index::name)).toList());
    }

    private static Set<String> names(List<dbshift.core.model.View> views) {
        return views.stream().map(v -> v.name().toString()).collect(Collectors.toSet());
    }

    @Test
    void azureSqlDatabaseGetsContainedUsersAndNoWindowsPrincipals() {
        Migration m = offline(Resources.readTSql(Resources.text("sales.sql")), "azure-sql-db", List.of("*"));
        List<Principal> principals = m.convert().catalog().principals();
        assertTrue(principals.stream().noneMatch(p -> p.kind() == Principal.Kind.LOGIN || p.kind() == Principal.Kind.WINDOWS_LOGIN));
        assertTrue(principals.stream().noneMatch(p -> p.name().contains("\\")), principals.toString());
        Principal app = principals.stream().filter(p -> p.name().equals("app")).findFirst().orElseThrow();
        assertEquals("DATABASE", app.authPlugin());
        List<String> sql = SQLSERVER.ddlWriter().createPrincipal(app);
        assertTrue(sql.get(0).startsWith("CREATE USER [app] WITH PASSWORD = N'"), sql.get(0));
        assertTrue(sql.contains("ALTER ROLE [reporting] ADD MEMBER [app]"), sql.toString());
        assertTrue(sql.contains("DENY DELETE ON OBJECT::[sales].[Customers] TO [app]"), sql.toString());
        assertTrue(m.assess().stream().anyMatch(f -> f.ruleId().equals("SQLSERVER-LOGIN-TO-USER") && f.object().equals("app")));
    }

    @Test
    void managedInstanceKeepsLoginsWithTheirHash() {
        Migration m = offline(Resources.readTSql(Resources.text("sales.sql")), "azure-sql-mi", List.of("*"));
        Principal login = m.convert().catalog().principals().stream().filter(p -> p.kind() == Principal.Kind.LOGIN).findFirst()
                .orElseThrow();
        String create = SQLSERVER.ddlWriter().createPrincipal(login).get(0);
        assertTrue(create.matches("CREATE LOGIN \\[app\\] WITH PASSWORD = 0x0200[0-9A-F]+ HASHED, DEFAULT_DATABASE = \\[SalesDb\\]"), create);
        Principal user = m.convert().catalog().principals().stream().filter(p -> p.kind() == Principal.Kind.DATABASE_USER).findFirst()
                .orElseThrow();
        assertEquals("CREATE USER [app] FOR LOGIN [app] WITH DEFAULT_SCHEMA = [sales]", SQLSERVER.ddlWriter().createPrincipal(user).get(0));
    }
}
