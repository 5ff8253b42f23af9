package dbshift.sqlserver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dbshift.sqlserver.SqlServerDdlWriter;
import dbshift.core.model.Catalog;
import dbshift.core.model.CheckConstraint;
import dbshift.core.model.Column;
import dbshift.core.model.DefaultValue;
import dbshift.core.model.ForeignKey;
import dbshift.core.model.Index;
import dbshift.core.model.Principal;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.ReadProblem;
import dbshift.core.model.Routine;
import dbshift.core.model.Schema;
import dbshift.core.model.Sequence;
import dbshift.core.model.Table;
import dbshift.core.model.Trigger;

/** The offline T-SQL reader turns an SSMS-style schema script into the model, object by object, and reports what it cannot read. */
class SqlServerScriptReaderTest {
    private static final Catalog CATALOG = Resources.readTSql(Resources.text("sales.sql"));

    private static Table table(String schema, String name) {
        return CATALOG.table(QualifiedName.of(schema, name)).orElseThrow(() -> new AssertionError("no table " + schema + "." + name));
    }

    private static Column column(Table t, String name) {
        return t.column(name).orElseThrow(() -> new AssertionError("no column " + name + " in " + t.name()));
    }

    private static Index index(Table t, String name) {
        return t.indexes().stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no index " + name + " on " + t.name() + ": " + t.indexes()));
    }

    @Test
    void readsSchemasAndTheDatabaseName() {
        assertEquals(List.of("sales", "hr", "dbo"), CATALOG.schemas().stream().map(Schema::name).toList());
        assertEquals("SalesDb", CATALOG.setting("database"));
        assertEquals("sqlserver", CATALOG.dialect());
    }

    @Test
    void readsColumnTypesIdentityComputedSparseAndCollations() {
        Table c = table("sales", "Customers");
        assertEquals(new Column.Identity(1, 1), column(c, "CustomerID").identity());
        assertEquals("nvarchar(200)", column(c, "Name").type().toString());
        assertEquals("Latin1_General_CI_AS", column(c, "Name").collation());
        assertEquals("dbo.phone", column(c, "Phone").type().name());
        assertEquals(List.of("dbo", "Phone"), column(c, "Phone").type().values());
        assertEquals("varchar(20)", c.options().extra().get("base:Phone"));
        assertEquals("money", column(c, "CreditLimit").type().name());
        assertEquals("smallmoney", column(c, "Discount").type().name());
        assertEquals("ROWGUIDCOL", c.options().extra().get(SqlServerDdlWriter.COLUMN_ATTRIBUTES + "ExternalKey"));
        assertEquals("SPARSE", c.options().extra().get(SqlServerDdlWriter.COLUMN_ATTRIBUTES + "Fax"));
        assertEquals("datetime2(7)", column(c, "CreatedAt").type().toString());
        assertEquals("nvarchar(max)", column(c, "Notes").type().toString());
        assertEquals("rowversion", column(c, "RowVer").type().name());
        assertFalse(column(c, "IsActive").nullable());

        Table o = table("sales", "Orders");
        assertEquals(new Column.Identity(1000, 5), column(o, "OrderID").identity());
        Map<String, String> types = o.columns().stream().filter(x -> !x.isGenerated())
                .collect(Collectors.toMap(Column::name, x -> x.type().toString()));
        assertEquals("datetimeoffset(7)", types.get("OrderedAt"));
        assertEquals("time(3)", types.get("ShipTime"));
        assertEquals("datetime", types.get("Legacy"));
        assertEquals("smalldatetime", types.get("Small"));
        assertEquals("sales.amount", column(o, "Total").type().name());
        assertEquals("float", types.get("Weight"));
        assertEquals("real", types.get("Ratio"));
        assertEquals("xml", types.get("Doc"));
        assertEquals("sql_variant", types.get("Extra"));
        assertEquals("hierarchyid", types.get("Node"));
        assertEquals("geography", types.get("Place"));
        assertEquals("geometry", types.get("Shape"));
        assertEquals("varbinary(max)", types.get("Blob"));
        assertEquals("image", types.get("Thumb"));
        assertEquals("text", types.get("Memo"));
        assertEquals("ntext", types.get("UMemo"));
        assertEquals("binary(16)", types.get("Code"));
        assertEquals("numeric(12,3)", types.get("Price"));
        Column lineTotal = column(o, "LineTotal");
        assertEquals("([Price]*[Qty])", lineTotal.generated());
        assertTrue(lineTotal.stored());
        assertFalse(column(o, "Label").stored());
    }

    @Test
    void readsDefaultsWithTheirConstraintNames() {
        Table c = table("sales", "Customers");
        assertEquals(DefaultValue.expression("('DE')"), column(c, "Country").defaultValue());
        assertEquals("DF_Customers_Country", c.options().extra().get(SqlServerDdlWriter.DEFAULT_NAME + "Country"));
        // ADD DEFAULT … FOR without a name: the server names it, so the target does too
        assertEquals(DefaultValue.expression("(newsequentialid())"), column(c, "ExternalKey").defaultValue());
        assertNull(c.options().extra().get(SqlServerDdlWriter.DEFAULT_NAME + "ExternalKey"));
        Table lines = table("sales", "OrderLines");
        assertEquals(DefaultValue.expression("(0)"), column(lines, "Amount").defaultValue());
        assertEquals("DF_OrderLines_Amount", lines.options().extra().get(SqlServerDdlWriter.DEFAULT_NAME + "Amount"));
    }

    @Test
    void readsKeysIndexesAndChecks() {
        Table c = table("sales", "Customers");
        assertEquals("PK_Customers", c.primaryKey().name());
        assertTrue(c.primaryKey().clustered());
        Index email = index(c, "UX_Customers_Email");
        assertTrue(email.unique());
        assertEquals("[Email] IS NOT NULL", email.filter());
        Index country = index(c, "IX_Customers_Country");
        assertEquals(List.of("Name", "CreditLimit"), country.included());
        assertTrue(country.columns().get(1).descending());
        assertEquals(List.of(new CheckConstraint("CK_Customers_Country", "(len([Country])=(2))", true)), c.checks());

        Table o = table("sales", "Orders");
        ForeignKey fk = o.foreignKeys().get(0);
        assertEquals("FK_Orders_Customers", fk.name());
        assertEquals(QualifiedName.of("sales", "Customers"), fk.referencedTable());
        assertEquals("CASCADE", fk.onDelete());
        assertEquals(List.of(new CheckConstraint("CK_Orders_Qty", "([Qty]>(0))", false)), o.checks());
        assertEquals(Index.Kind.NONCLUSTERED_COLUMNSTORE, index(o, "NCCI_Orders").kind());

        Table lines = table("sales", "OrderLines");
        assertFalse(lines.primaryKey().clustered());
        assertEquals(List.of("OrderID", "LineNo"), lines.primaryKey().columnNames());
        Index uq = index(lines, "UQ_OrderLines_Sku");
        assertTrue(uq.constraint() && uq.unique());
        assertEquals(Index.Kind.CLUSTERED, index(lines, "CIX_OrderLines_Sku").kind());
        assertNull(lines.checks().get(0).name());

        Table e = table("hr", "Employees");
        assertEquals(List.of("EmployeeID"), e.primaryKey().columnNames());
        assertEquals(QualifiedName.of("hr", "Employees"), e.foreignKeys().get(0).referencedTable());
        assertTrue(e.indexes().stream().anyMatch(i -> i.unique() && i.columnNames().equals(List.of("Login"))));
        assertEquals(1, e.checks().size());

        assertEquals(Index.Kind.CLUSTERED_COLUMNSTORE, index(table("hr", "Facts"), "CCI_Facts").kind());
        Table odd = table("dbo", "Odd Name ] Table");
        assertTrue(odd.column("Col \"quoted\"").isPresent() && odd.column("Größe").isPresent());
    }

    @Test
    void readsModulesSequencesSynonymsAndTypes() {
        Schema sales = CATALOG.schema("sales").orElseThrow();
        assertEquals(List.of("ActiveCustomers", "BigOrders", "TopCustomers"), sales.views().stream().map(v -> v.name().name()).toList());
        assertTrue(sales.views().get(0).query().startsWith("SELECT c.CustomerID"));
        assertEquals(Map.of("OrderCount", Routine.Kind.FUNCTION, "OrdersOf", Routine.Kind.FUNCTION, "PurgeOld", Routine.Kind.PROCEDURE),
                sales.routines().stream().collect(Collectors.toMap(r -> r.name().name(), Routine::kind)));
        Trigger audit = sales.triggers().get(0);
        assertEquals(QualifiedName.of("sales", "Orders"), audit.table());
        assertEquals("AFTER", audit.timing());
        assertEquals("INSERT, UPDATE", audit.events());
        Schema dbo = CATALOG.schema("dbo").orElseThrow();
        Trigger ddl = dbo.triggers().get(0);
        assertNull(ddl.table());
        assertEquals("trg_NoDrop", ddl.name().name());
        assertEquals("DROP_TABLE", ddl.events());
        assertTrue(dbo.views().stream().anyMatch(v -> v.name().name().equals("Wrapped")), "a view created through sp_executesql");

        Sequence invoices = sales.sequences().get(0);
        assertEquals(10000, invoices.start());
        assertEquals(9999999999L, invoices.maxValue());
        assertEquals(50L, invoices.cache());
        Sequence tickets = dbo.sequences().get(0);
        assertEquals(Long.MIN_VALUE, tickets.start(), "T-SQL's default start is the type's minimum");
        assertEquals(5, tickets.increment());
        assertEquals("[OtherDb].[dbo].[Things]", dbo.synonyms().stream().filter(y -> y.name().name().equals("Remote")).findFirst()
                .orElseThrow().baseObject());
        assertEquals("varchar(20)", dbo.types().get(0).baseType().toString());
        assertFalse(dbo.types().get(0).nullable());
    }

    @Test
    void readsLoginsUsersRolesAndPermissions() {
        Map<String, Principal> byKey = CATALOG.principals().stream().collect(Collectors.toMap(p -> p.kind() + " " + p.name(), p -> p));
        Principal login = byKey.get("LOGIN app");
        assertNotNull(login);
        assertTrue(login.authString().startsWith("0x0200"), "the password hash travels with the login");
        assertEquals("SalesDb", login.defaultSchema());
        assertNotNull(byKey.get("WINDOWS_LOGIN CORP\\jane"));
        Principal user = byKey.get("DATABASE_USER app");
        assertEquals("INSTANCE", user.authPlugin());
        assertEquals("sales", user.defaultSchema());
        assertEquals(List.of("reporting"), user.roles());
        assertEquals(2, user.grants().size());
        assertTrue(user.grants().stream().anyMatch(g -> g.statement().startsWith("DENY") && g.level().equals("OBJECT::[sales].[Customers]")));
        assertTrue(user.grants().stream().anyMatch(g -> g.withGrantOption() && g.level().equals("OBJECT::[sales].[PurgeOld]")));
        assertEquals("WINDOWS", byKey.get("DATABASE_USER CORP\\jane").authPlugin());
        Principal role = byKey.get("ROLE reporting");
        assertEquals("SCHEMA::[sales]", role.grants().get(0).level());
    }

    @Test
    void recordsServerFeaturesForTheAssessment() {
        assertEquals("LINKED1", CATALOG.setting("linked_servers"));
        assertEquals("Nightly purge", CATALOG.setting("agent_jobs"));
    }

    @Test
    void whatItCannotReadIsReportedByName() {
        List<ReadProblem> problems = CATALOG.problems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.object().equals("\"dbo\".\"Broken\"") && p.message().contains("WEIRDKEYWORD")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.objectType().equals("index") && p.message().contains("XML")), problems.toString());
        assertTrue(CATALOG.table(QualifiedName.of("dbo", "Broken")).isEmpty(), "an unreadable table is not half-read");
    }
}
