package dbshift.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dbshift.cli.Main;

/** {@code --source-script FILE --source-kind ENGINE}: a schema script as the source, for assess, script and deploy. */
class SourceScriptCommandLineTest {
    private static final String TSQL = """
            CREATE SCHEMA [sales]
            GO
            CREATE TABLE [sales].[Orders] ([Id] int IDENTITY(1,1) NOT NULL, [Total] money NOT NULL,
              [At] datetimeoffset(7) NOT NULL, CONSTRAINT [PK_Orders] PRIMARY KEY CLUSTERED ([Id]))
            GO
            CREATE NONCLUSTERED INDEX [IX_Orders_At] ON [sales].[Orders] ([At]) INCLUDE ([Total])
            GO
            """;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(Map.of("DBSHIFT_SOURCE_PASSWORD", "", "DBSHIFT_TARGET_PASSWORD", ""), new PrintWriter(out, true),
                new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void scriptFromATSqlFileForAzureSqlDatabase(@TempDir Path dir) throws IOException {
        Path source = Files.writeString(dir.resolve("sales.sql"), TSQL);
        Path out = dir.resolve("out");
        Result r = run("script", "--source-script", source.toString(), "--source-kind", "sqlserver", "--target-kind", "azure-sql-db",
                "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        String schema = Files.readString(out.resolve("schema.sql"));
        assertTrue(schema.contains("CREATE TABLE [sales].[Orders] ("), schema);
        assertTrue(schema.contains("CREATE NONCLUSTERED INDEX [IX_Orders_At] ON [sales].[Orders] ([At]) INCLUDE ([Total])"), schema);
        assertTrue(schema.contains("\nGO\n"), schema);
        assertTrue(Files.readString(out.resolve("report.json")).contains("\"targetKind\" : \"azure-sql-db\"")
                || Files.readString(out.resolve("report.json")).contains("\"targetKind\":\"azure-sql-db\""));
    }

    /** SQL Server's unit is the schema: {@code DB.SCHEMA=DB.SCHEMA} renames it, through names and module text. */
    @Test
    void aSchemaIsRenamedEverywhereWithMapDatabase(@TempDir Path dir) throws IOException {
        Path source = Files.writeString(dir.resolve("sales.sql"), "USE [shop]\nGO\n" + TSQL + """
                CREATE TABLE [sales].[Lines] ([OrderId] int NOT NULL REFERENCES [sales].[Orders] ([Id]), [Note] nvarchar(50) NULL)
                GO
                CREATE VIEW [sales].[BigOrders] AS SELECT o.[Id] FROM [sales].[Orders] o WHERE o.[Total] > 10 -- sales.Orders
                GO
                CREATE VIEW [sales].[LineNotes] AS SELECT l.[Note] FROM [shop].[sales].[Lines] l
                GO
                """);
        Path out = dir.resolve("out");
        Result r = run("script", "--source-script", source.toString(), "--source-kind", "sqlserver", "--target-kind", "azure-sql-db",
                "--map-database", "shop.sales=shop.sales_v2", "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        String schema = Files.readString(out.resolve("schema.sql"));
        assertTrue(schema.contains("CREATE TABLE [sales_v2].[Orders] (") && schema.contains("CREATE TABLE [sales_v2].[Lines] ("), schema);
        assertTrue(schema.contains("REFERENCES [sales_v2].[Orders]"), schema);
        assertTrue(schema.contains("VIEW [sales_v2].[BigOrders] AS SELECT o.[Id] FROM [sales_v2].[Orders] o WHERE o.[Total] > 10 "
                + "-- sales.Orders"), "the view's text follows; its comment stays as written:\n" + schema);
        assertTrue(schema.contains("FROM [shop].[sales_v2].[Lines] l"), "three-part names keep the database, rename the schema:\n"
                + schema);
        assertTrue(!schema.contains("[sales]."), schema);

        Result unknown = run("script", "--source-script", source.toString(), "--source-kind", "sqlserver", "--target-kind",
                "azure-sql-db", "--map-database", "shop.crm=shop.crm_v2", "--out", out.toString());
        assertEquals(2, unknown.code(), unknown.out() + unknown.err());
        assertTrue(unknown.err().contains("crm is not among the source databases in scope (sales)"), unknown.err());
    }

    @Test
    void scriptFromATSqlFileForMySql(@TempDir Path dir) throws IOException {
        Path source = Files.writeString(dir.resolve("sales.sql"), TSQL);
        Path out = dir.resolve("out");
        Result r = run("script", "--source-script", source.toString(), "--source-kind", "sqlserver", "--target-kind", "mysql",
                "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        String schema = Files.readString(out.resolve("schema.sql"));
        assertTrue(schema.contains("CREATE TABLE `sales`.`Orders`"), schema);
        assertTrue(schema.contains("`Total` decimal(19,4) NOT NULL"), schema);
    }

    @Test
    void aScriptSourceCannotBeCopiedAndNeedsAReadableKind(@TempDir Path dir) throws IOException {
        Path source = Files.writeString(dir.resolve("sales.sql"), TSQL);
        Result copy = run("copy", "--source-script", source.toString(), "--source-kind", "sqlserver", "--target",
                "jdbc:mysql://127.0.0.1:" + dbshift.embedded.SharedServers.mySqlTarget().port() + "/?useSSL=false&allowPublicKeyRetrieval=true",
                "--target-user", "root", "--target-kind", "mysql",
                "--out", dir.resolve("o1").toString());
        assertEquals(2, copy.code(), copy.out() + copy.err());
        assertTrue(copy.err().contains("needs a live source"), copy.err());
        Result kind = run("assess", "--source-script", source.toString(), "--source-kind", "mysql", "--out",
                dir.resolve("o2").toString());
        assertEquals(2, kind.code());
        assertTrue(kind.err().contains("cannot read MySQL scripts"), kind.err());
        Result both = run("assess", "--source-script", source.toString(), "--source", "jdbc:mysql://127.0.0.1:1/", "--out",
                dir.resolve("o3").toString());
        assertEquals(2, both.code());
        assertTrue(both.err().contains("either --source or --source-script"), both.err());
        Result missing = run("assess", "--source-script", dir.resolve("nope.sql").toString(), "--source-kind", "sqlserver", "--out",
                dir.resolve("o4").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.sql"), missing.err());
    }
}
