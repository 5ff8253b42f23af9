package dbshift.sqlserver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dbshift.core.engine.Dialects;
import dbshift.core.engine.Endpoint;
import dbshift.core.model.Catalog;
import dbshift.core.model.Column;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.ReadProblem;
import dbshift.core.model.Routine;
import dbshift.core.model.Table;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationOptions;
import dbshift.core.run.Status;
import dbshift.core.script.Phase;
import dbshift.embedded.SharedServers;

/**
 * The offline script readers never lose an object silently: a forgotten quote, bracket or comment spoils only its
 * own batch (up to its GO), every statement that does not become an object is a finding naming its line, and what
 * SQL Server itself accepts in DDL (trailing commas, ISO type names, ALTER of a module) is read.
 */
class ScriptLossTest {

    private static Catalog readAse(String text) {
        return Dialects.require("sybase").scriptReader().orElseThrow().read(text, "dbo");
    }

    private static String problems(Catalog c) {
        return c.problems().stream().map(p -> p.objectType() + " " + p.object() + ": " + p.message()).collect(Collectors.joining("\n"));
    }

    private static ReadProblem problemAbout(Catalog c, String object) {
        return c.problems().stream().filter(p -> p.object().equals(object)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem about " + object + " in:\n" + problems(c)));
    }

    @Test
    void anUnclosedStringInAProcedureDoesNotSwallowTheTableAfterIt() {
        String script = """
                SET ANSI_NULLS ON
                GO
                CREATE PROCEDURE [dbo].[Greet] @Name nvarchar(50)
                AS
                BEGIN
                    PRINT N'Hello, + @Name;
                END
                GO
                CREATE TABLE [dbo].[Customers] (
                    [Id] int NOT NULL PRIMARY KEY,
                    [Name] nvarchar(100) NOT NULL
                )
                GO
                CREATE VIEW [dbo].[Names] AS SELECT [Name] FROM [dbo].[Customers]
                GO
                """;
        Catalog c = Resources.readTSql(script);
        assertTrue(c.table(QualifiedName.of("dbo", "Customers")).isPresent(), problems(c));
        assertEquals(1, c.schemas().get(0).views().size(), problems(c));
        assertTrue(c.schemas().get(0).routines().isEmpty(), "a procedure with an unclosed string is not half-read");
        ReadProblem p = problemAbout(c, "\"dbo\".\"Greet\"");
        assertEquals("procedure", p.objectType());
        assertTrue(p.message().contains("string") && p.message().contains("line 6") && p.message().contains("lines 3-7"), p.message());
        assertEquals(1, c.problems().size(), problems(c));
    }

    @Test
    void anUnclosedBracketOrCommentSpoilsOnlyItsOwnBatch() {
        String script = """
                CREATE TABLE [dbo].[A] ([Id int NOT NULL)
                GO
                /* commented out:
                CREATE TABLE [dbo].[Old] ([Id] int)
                GO
                CREATE TABLE [dbo].[B] ([Id] int NOT NULL, [Note] varchar(10) NULL)
                GO
                CREATE TABLE [dbo].[C] ([Id] int NOT NULL, [Total] decimal(10,2) NULL
                GO
                CREATE TABLE [dbo].[D] ([Id] int NOT NULL)
                GO
                """;
        Catalog c = Resources.readTSql(script);
        assertEquals(List.of("B", "D"), c.tables().stream().map(t -> t.name().name()).toList(), problems(c));
        assertTrue(problemAbout(c, "\"dbo\".\"A\"").message().contains("[bracketed name"), problems(c));
        assertTrue(c.problems().stream().anyMatch(p -> p.message().contains("/* comment") && p.message().contains("line 3")),
                problems(c));
        assertTrue(problemAbout(c, "\"dbo\".\"C\"").message().contains("'(' here is never closed (line 8)"), problems(c));
    }

    @Test
    void inABatchWithoutGoTheObjectsAnUnclosedQuoteSwallowsAreNamed() {
        String script = """
                CREATE TABLE dbo.Orders (Id int NOT NULL PRIMARY KEY, Status varchar(10) NOT NULL DEFAULT 'new);
                CREATE TABLE dbo.Lines (Id int NOT NULL PRIMARY KEY, OrderId int NOT NULL);
                CREATE INDEX IX_Lines_Order ON dbo.Lines (OrderId);
                """;
        Catalog c = Resources.readTSql(script);
        assertTrue(c.tables().isEmpty());
        assertTrue(problemAbout(c, "\"dbo\".\"Orders\"").message().contains("line 1"), problems(c));
        assertTrue(problemAbout(c, "dbo.Lines").message().startsWith("line 2: not read: the string that starts here"), problems(c));
        assertTrue(problemAbout(c, "IX_Lines_Order").message().startsWith("line 3:"), problems(c));
    }

    @Test
    void aMisspelledStatementIsAFindingWithItsLine() {
        String script = """
                CREATE TABLE dbo.Good (Id int NOT NULL)
                GO
                CRATE TABLE dbo.Typo (Id int NOT NULL)
                GO
                ALTER TABLE dbo.Good ADD Extra int NULL
                ALTER TABLE dbo.Good DROP COLUMN Extra
                GO
                """;
        Catalog c = Resources.readTSql(script);
        assertEquals(List.of("Good"), c.tables().stream().map(t -> t.name().name()).toList());
        ReadProblem typo = problemAbout(c, "line 3");
        assertTrue(typo.message().contains("'CRATE' does not begin a statement") && typo.message().contains("CRATE TABLE dbo.Typo"),
                typo.message());
        ReadProblem drop = problemAbout(c, "\"dbo\".\"Good\"");
        assertTrue(drop.message().startsWith("line 6: ALTER TABLE … DROP COLUMN Extra is not applied"), drop.message());
        assertEquals(2, c.problems().size(), problems(c));
    }

    @Test
    void dataAndDynamicSqlInASchemaScriptAreReportedNotDropped() {
        String script = """
                CREATE TABLE dbo.Countries (Code char(2) NOT NULL PRIMARY KEY, Name nvarchar(50) NOT NULL)
                GO
                SET IDENTITY_INSERT dbo.Countries OFF
                INSERT INTO dbo.Countries (Code, Name) VALUES ('DE', N'Germany')
                INSERT INTO dbo.Countries (Code, Name) VALUES ('FR', N'France')
                INSERT dbo.Countries (Code, Name) VALUES ('IT', N'Italy')
                GO
                DECLARE @sql nvarchar(max) = N'CREATE TABLE dbo.Dyn (Id int)'
                EXEC (@sql)
                GO
                EXEC ('CREATE TABLE dbo.Lit' + ' (Id int NOT NULL)')
                GO
                """;
        Catalog c = Resources.readTSql(script);
        assertEquals(List.of("Countries", "Lit"), c.tables().stream().map(t -> t.name().name()).toList(), problems(c));
        ReadProblem data = problemAbout(c, "\"dbo\".\"Countries\"");
        assertTrue(data.message().startsWith("lines 4-6: 3 INSERT statement(s) not read"), data.message());
        assertTrue(problemAbout(c, "line 9").message().contains("dynamic SQL built at run time"), problems(c));
        assertEquals(2, c.problems().size(), problems(c));
    }

    /** A hand-written script of the kind issue 11 met: trailing commas, ISO type names, lower case, no brackets. */
    static final String HAND_WRITTEN = """
            -- inventory schema, hand-written
            create table dbo.warehouse (
                id integer not null primary key,
                name character varying(80) not null,
                city national character varying(40) null,
                code national char(3) null,
                capacity dec(12, 2) null,
                tag binary varying(16) null,
            );
            go
            create table dbo.stock (
                warehouse_id integer not null references dbo.warehouse (id),
                sku varchar(30) not null,
                qty int not null default 0,
                constraint pk_stock primary key (warehouse_id, sku),
            )
            go
            create procedure dbo.restock @sku varchar(30) as select 1
            go
            alter procedure dbo.restock @sku varchar(30) as
            update dbo.stock set qty = qty + 10 where sku = @sku
            go
            """;

    @Test
    void trailingCommasIsoTypeNamesAndAlterProcedureAreReadAsSqlServerReadsThem() {
        Catalog c = Resources.readTSql(HAND_WRITTEN);
        assertTrue(c.problems().isEmpty(), problems(c));
        Table w = c.table(QualifiedName.of("dbo", "warehouse")).orElseThrow();
        assertEquals(List.of("int", "varchar(80)", "nvarchar(40)", "nchar(3)", "decimal(12, 2)", "varbinary(16)"),
                w.columns().stream().map(Column::type).map(dbshift.sqlserver.SqlServerTypes::render).toList());
        Table s = c.table(QualifiedName.of("dbo", "stock")).orElseThrow();
        assertEquals(List.of("warehouse_id", "sku"), s.primaryKey().columnNames());
        assertEquals(1, s.foreignKeys().size());
        List<Routine> routines = c.schemas().get(0).routines();
        assertEquals(1, routines.size(), "ALTER PROCEDURE replaces the earlier definition");
        assertTrue(routines.get(0).definition().contains("update dbo.stock"), routines.get(0).definition());
        assertTrue(routines.get(0).definition().startsWith("CREATE procedure"), routines.get(0).definition());
    }

    @Test
    void theHandWrittenScriptDeploysOnMySql() throws SQLException {
        Catalog source = Resources.readTSql(HAND_WRITTEN);
        Servers.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `dbo`");
        Endpoint target = Servers.endpoint(SharedServers.mySqlTarget());
        Migration m = Migration.offline(source, "inventory.sql", target, Dialects.targetKind("mysql"),
                MigrationOptions.defaults().withContinueOnError(true));
        m.assess();
        m.deploy(m.plan(), EnumSet.of(Phase.SCHEMAS, Phase.TABLES, Phase.INDEXES, Phase.FOREIGN_KEYS), "schema");
        assertFalse(m.run().statements().stream().anyMatch(st -> st.status() == Status.FAILED), () -> m.run().statements().toString());
        try (Connection conn = target.open(); Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT TABLE_NAME, COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'dbo' "
                        + "GROUP BY TABLE_NAME ORDER BY TABLE_NAME")) {
            assertTrue(rs.next());
            assertEquals("stock", rs.getString(1));
            assertEquals(3, rs.getInt(2));
            assertTrue(rs.next());
            assertEquals("warehouse", rs.getString(1));
            assertEquals(6, rs.getInt(2), "the column before the trailing comma is there");
            assertFalse(rs.next());
        } finally {
            Servers.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `dbo`");
        }
    }

    @Test
    void aseStorageClausesAreRemovedFromTablesButNeverFromProcedureText() {
        Catalog c = readAse("""
                create table dbo.t (id int not null)
                lock datarows
                on 'default'
                go
                create procedure dbo.p @x varchar(10)
                as
                    print 'based on ' + @x + ' lock datarows'
                go
                """);
        assertTrue(c.problems().isEmpty(), problems(c));
        assertTrue(c.table(QualifiedName.of("dbo", "t")).isPresent());
        String body = c.schemas().get(0).routines().get(0).definition();
        assertTrue(body.contains("print 'based on ' + @x + ' lock datarows'"), body);
    }

    @Test
    void theAseReaderReportsTheSameWay() {
        String script = """
                use trading
                go
                create procedure dbo.note_trade @id int
                as
                begin
                    print "trade %1!, @id
                end
                go
                create table dbo.positions (
                	account_id                      numeric(10,0)                    not null,
                	symbol                          char(8)                          not null,
                )
                lock datarows
                go
                crate table dbo.typo (id int not null)
                go
                """;
        Catalog c = readAse(script);
        assertTrue(c.table(QualifiedName.of("dbo", "positions")).isPresent(), problems(c));
        assertTrue(problemAbout(c, "\"dbo\".\"note_trade\"").message().contains("\"double-quoted\" name or string that starts here is not closed (line 6)"),
                problems(c));
        assertTrue(problemAbout(c, "line 15").message().contains("'crate' does not begin a statement"), problems(c));
        assertEquals(2, c.problems().size(), problems(c));
    }
}
