package dbshift.sqlserver.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dbshift.core.assess.Finding;
import dbshift.core.assess.Severity;
import dbshift.core.convert.Converter.Conversion;
import dbshift.core.data.TransferColumn;
import dbshift.core.data.ValueKind;
import dbshift.core.engine.Dialects;
import dbshift.mysql.MySqlTypes;
import dbshift.sqlserver.SqlServerBulkLoader;
import dbshift.sqlserver.SqlServerRowReader;
import dbshift.sqlserver.SqlServerTypes;
import dbshift.core.model.Catalog;
import dbshift.core.model.CheckConstraint;
import dbshift.core.model.Column;
import dbshift.core.model.DataType;
import dbshift.core.model.DefaultValue;
import dbshift.core.model.IndexColumn;
import dbshift.core.model.PrimaryKey;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.Schema;
import dbshift.core.model.Table;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationOptions;

/** Type mappings both ways between MySQL and SQL Server, and the exactness of the SQL Server value conversions. */
class TypeMappingTest {

    /** A one-table MySQL catalog with one column per given type, converted for the given SQL Server target. */
    private static Conversion fromMySql(String kind, String... columnTypes) {
        List<Column> cols = new ArrayList<>();
        cols.add(Column.builder("id", MySqlTypes.parse("int")).nullable(false).autoIncrement(true).build());
        for (int i = 0; i < columnTypes.length; i++) {
            cols.add(Column.builder("c" + i, MySqlTypes.parse(columnTypes[i])).build());
        }
        Table t = new Table(QualifiedName.of("shop", "t"), cols, new PrimaryKey(null, List.of(IndexColumn.of("id")), true), null,
                null, null, null, null);
        Catalog c = new Catalog("mysql", "8.0.31", Map.of(), List.of(Schema.empty("shop", "utf8mb4", null).withTables(List.of(t))),
                List.of(), List.of());
        return Migration.offline(c, "test", null, Dialects.targetKind(kind), MigrationOptions.defaults()).convert();
    }

    private static String sqlServerType(Conversion c, int i) {
        return SqlServerTypes.render(c.catalog().tables().get(0).columns().get(i + 1).type());
    }

    @Test
    void mysqlTypesBecomeTheNearestLosslessSqlServerTypes() {
        String[] mysql = { "tinyint", "tinyint unsigned", "smallint unsigned", "mediumint", "int unsigned", "bigint",
                "bigint unsigned", "decimal(12,2)", "float", "double", "bit(1)", "bit(12)", "char(3)", "varchar(300)",
                "varchar(5000)", "text", "longblob", "binary(16)", "date", "datetime(6)", "timestamp(3)", "time", "year", "json" };
        String[] expected = { "smallint", "tinyint", "int", "int", "bigint", "bigint", "decimal(20, 0)", "decimal(12, 2)", "real",
                "float", "bit", "binary(2)", "nchar(3)", "nvarchar(300)", "nvarchar(max)", "nvarchar(max)", "varbinary(max)",
                "binary(16)", "date", "datetime2(6)", "datetime2(3)", "time(0)", "smallint", "nvarchar(max)" };
        Conversion c = fromMySql("azure-sql-db", mysql);
        for (int i = 0; i < mysql.length; i++) {
            assertEquals(expected[i], sqlServerType(c, i), "MySQL " + mysql[i]);
        }
        assertEquals(new Column.Identity(1, 1), c.catalog().tables().get(0).columns().get(0).identity());
        assertEquals(QualifiedName.of("shop", "t"), c.targetName(QualifiedName.of("shop", "t")));
        assertEquals("PK_t", c.catalog().tables().get(0).primaryKey().name());
    }

    @Test
    void lossyMysqlMappingsAreFindings() {
        Conversion c = fromMySql("sqlserver", "enum('a','b''c')", "set('x','y')", "decimal(65,30)", "time(6)", "point",
                "json", "tinyint(1)");
        Map<String, Severity> bySeverity = new java.util.HashMap<>();
        for (Finding f : c.findings()) {
            bySeverity.merge(f.ruleId(), f.severity(), (a, b) -> a.compareTo(b) < 0 ? a : b);
        }
        assertEquals(Severity.INFO, bySeverity.get("CONVERT-ENUM"));
        assertEquals(Severity.WARNING, bySeverity.get("CONVERT-SET"));
        assertEquals(Severity.WARNING, bySeverity.get("CONVERT-DECIMAL"));
        assertEquals(Severity.WARNING, bySeverity.get("CONVERT-TIME"));
        assertEquals(Severity.ERROR, bySeverity.get("CONVERT-SPATIAL"));
        assertEquals(Severity.INFO, bySeverity.get("CONVERT-JSON"));
        assertEquals(Severity.INFO, bySeverity.get("CONVERT-BOOLEAN"));
        assertEquals("nvarchar(3)", sqlServerType(c, 0));
        assertEquals("nvarchar(3)", sqlServerType(c, 1));
        assertEquals("decimal(38, 3)", sqlServerType(c, 2));
        List<CheckConstraint> checks = c.catalog().tables().get(0).checks();
        assertTrue(checks.contains(new CheckConstraint("CK_t_c0", "[c0] IN (N'a', N'b''c')", true)), checks.toString());
        assertTrue(checks.contains(new CheckConstraint("CK_t_c5_json", "ISJSON([c5]) = 1", true)), checks.toString());
    }

    /** A SQL Server table with one column per given type, converted for MySQL 8. */
    private static Conversion fromSqlServer(String... types) {
        StringBuilder script = new StringBuilder("CREATE TABLE dbo.T (Id int IDENTITY(1,1) NOT NULL PRIMARY KEY");
        for (int i = 0; i < types.length; i++) {
            script.append(", c").append(i).append(' ').append(types[i]).append(" NULL");
        }
        script.append(")\nGO\n");
        Catalog source = Resources.readTSql(script.toString());
        return Migration.offline(source, "t.sql", null, Dialects.targetKind("mysql"), MigrationOptions.defaults()).convert();
    }

    @Test
    void sqlServerTypesBecomeMySqlTypes() {
        String[] tsql = { "bit", "tinyint", "money", "smallmoney", "decimal(38,10)", "float", "real", "nvarchar(max)",
                "nvarchar(50)", "varchar(4000)", "nchar(10)", "uniqueidentifier", "datetime", "datetime2(7)", "datetime2(3)",
                "smalldatetime", "datetimeoffset(7)", "time(7)", "date", "varbinary(max)", "binary(16)", "image", "text", "xml",
                "rowversion", "hierarchyid", "sql_variant" };
        String[] expected = { "tinyint(1)", "tinyint unsigned", "decimal(19,4)", "decimal(10,4)", "decimal(38,10)", "double",
                "float", "longtext", "varchar(50)", "text", "char(10)", "char(36)", "datetime(3)", "datetime(6)", "datetime(3)",
                "datetime", "datetime(6)", "time(6)", "date", "longblob", "binary(16)", "longblob", "longtext", "longtext", "binary(8)",
                "varbinary(892)", "text" };
        Conversion c = fromSqlServer(tsql);
        Table t = c.catalog().tables().get(0);
        assertTrue(t.columns().get(0).autoIncrement());
        for (int i = 0; i < tsql.length; i++) {
            assertEquals(expected[i], MySqlTypes.render(t.columns().get(i + 1).type()), "SQL Server " + tsql[i]);
        }
        List<String> lossy = c.findings().stream().filter(f -> f.severity().compareTo(Severity.WARNING) <= 0).map(Finding::ruleId).toList();
        for (String rule : List.of("CONVERT-FRACTION", "CONVERT-DATETIMEOFFSET", "CONVERT-XML", "CONVERT-ROWVERSION", "CONVERT-HIERARCHYID",
                "CONVERT-SQL-VARIANT")) {
            assertTrue(lossy.contains(rule), rule + " in " + lossy);
        }
        // dbo of an unknown database keeps its name as the MySQL database
        assertEquals(QualifiedName.of("dbo", "T"), c.targetName(QualifiedName.of("dbo", "T")));
    }

    @Test
    void sqlServerDefaultsAndChecksBecomeMySql() {
        Catalog source = Resources.readTSql("""
                USE Shop
                GO
                CREATE TABLE dbo.T (Id int NOT NULL PRIMARY KEY, At datetime2(3) NOT NULL DEFAULT (sysdatetime()),
                  G uniqueidentifier NOT NULL DEFAULT (newid()), N int NOT NULL DEFAULT ((0)), S nvarchar(10) NOT NULL DEFAULT (N'it''s'),
                  CONSTRAINT CK_T_N CHECK ([N] >= (0) AND len([S]) > 0))
                GO
                """);
        Conversion c = Migration.offline(source, "t.sql", null, Dialects.targetKind("azure-mysql"), MigrationOptions.defaults()).convert();
        Table t = c.catalog().table(QualifiedName.of("Shop", "T")).orElseThrow(() -> new AssertionError(c.catalog().tables()));
        assertEquals(DefaultValue.expression("CURRENT_TIMESTAMP(3)"), t.column("At").orElseThrow().defaultValue());
        assertEquals(DefaultValue.expression("(uuid())"), t.column("G").orElseThrow().defaultValue());
        assertEquals(DefaultValue.literal("0"), t.column("N").orElseThrow().defaultValue());
        assertEquals(DefaultValue.literal("it's"), t.column("S").orElseThrow().defaultValue());
        assertEquals("`N` >= (0) AND CHAR_LENGTH(`S`) > 0", t.checks().get(0).expression());
    }

    @Test
    void bulkLoadValuesAreExactOrRefused() {
        assertEquals(new BigDecimal("12.3400"), SqlServerBulkLoader.convert(DataType.of("money"), ValueKind.NUMBER, b("12.34")));
        assertThrows(RuntimeException.class, () -> SqlServerBulkLoader.convert(DataType.decimal("decimal", 5, 2), ValueKind.NUMBER,
                b("1.005")), "a third decimal would be rounded");
        assertThrows(RuntimeException.class, () -> SqlServerBulkLoader.convert(DataType.decimal("decimal", 5, 2), ValueKind.NUMBER,
                b("1234.5")), "four integer digits do not fit decimal(5,2)");
        assertThrows(RuntimeException.class, () -> SqlServerBulkLoader.convert(DataType.of("tinyint"), ValueKind.NUMBER, b("-1")));
        assertEquals(Boolean.TRUE, SqlServerBulkLoader.convert(DataType.of("bit"), ValueKind.BIT, new byte[] { 1 }));
        assertThrows(RuntimeException.class, () -> SqlServerBulkLoader.convert(DataType.of("date"), ValueKind.TEMPORAL, b("0000-00-00")));
        assertEquals(java.sql.Timestamp.valueOf("2024-02-29 10:11:12.123456"), SqlServerBulkLoader.convert(
                DataType.withLength("datetime2", 6), ValueKind.TEMPORAL, b("2024-02-29 10:11:12.123456")));
        assertThrows(RuntimeException.class, () -> SqlServerBulkLoader.convert(DataType.withLength("datetime2", 3), ValueKind.TEMPORAL,
                b("2024-02-29 10:11:12.1234")), "a fourth fractional digit would be rounded by datetime2(3)");
        assertEquals("0F6A5B2C-1D3E-4F50-8A9B-0C1D2E3F4A5B", SqlServerBulkLoader.convert(DataType.of("uniqueidentifier"),
                ValueKind.TEXT, b("0f6a5b2c-1d3e-4f50-8a9b-0c1d2e3f4a5b")));
        assertArrayEquals(new byte[] { 0, (byte) 0xff }, (byte[]) SqlServerBulkLoader.convert(DataType.withLength("varbinary", 2),
                ValueKind.BINARY, new byte[] { 0, (byte) 0xff }));
        assertEquals(1.0E-300, SqlServerBulkLoader.convert(DataType.of("float"), ValueKind.DOUBLE, b("1.0E-300")));
        assertThrows(RuntimeException.class, () -> SqlServerBulkLoader.convert(DataType.of("real"), ValueKind.DOUBLE, b("0.1")),
                "0.1 as a double is not a float");
        Object dto = SqlServerBulkLoader.convert(DataType.withLength("datetimeoffset", 7), ValueKind.TEXT,
                b("2024-01-02 03:04:05.1234567 +05:30"));
        assertEquals("2024-01-02 03:04:05.1234567 +05:30", dto.toString());
    }

    @Test
    void rowReaderReadsEveryTypeWithAnExactExpression() {
        assertEquals(new TransferColumn("m", "LTRIM(RTRIM(CONVERT(varchar(30), [m], 2)))", ValueKind.NUMBER),
                SqlServerRowReader.transferColumn("m", DataType.of("money"), null));
        assertEquals(new TransferColumn("d", "CONVERT(varchar(27), [d], 121)", ValueKind.TEMPORAL),
                SqlServerRowReader.transferColumn("d", DataType.withLength("datetime2", 7), DataType.withLength("datetime2", 7)));
        // MySQL keeps six digits: the reader rounds as the target will, the converter reports it
        assertEquals(new TransferColumn("d", "CONVERT(varchar(27), CONVERT(datetime2(6), [d]), 121)", ValueKind.TEMPORAL),
                SqlServerRowReader.transferColumn("d", DataType.withLength("datetime2", 7), DataType.withLength("datetime", 6)));
        assertEquals(ValueKind.TEXT, SqlServerRowReader.transferColumn("o", DataType.withLength("datetimeoffset", 7), null).kind());
        TransferColumn utc = SqlServerRowReader.transferColumn("o", DataType.withLength("datetimeoffset", 7),
                DataType.withLength("datetime", 6));
        assertEquals("CONVERT(varchar(27), CONVERT(datetime2(6), SWITCHOFFSET([o], '+00:00')), 121)", utc.selectExpression());
        assertEquals(ValueKind.DOUBLE, SqlServerRowReader.transferColumn("f", DataType.of("float"), null).kind());
        // bit travels as MySQL's BIT does (one byte), or as 0/1 into MySQL's tinyint(1)
        assertEquals(new TransferColumn("b", "CONVERT(binary(1), CONVERT(tinyint, [b]))", ValueKind.BIT),
                SqlServerRowReader.transferColumn("b", DataType.of("bit"), null));
        assertEquals(new TransferColumn("b", "CONVERT(tinyint, [b])", ValueKind.NUMBER),
                SqlServerRowReader.transferColumn("b", DataType.of("bit"), DataType.withLength("tinyint", 1)));
        assertEquals("RTRIM([c])", SqlServerRowReader.transferColumn("c", DataType.withLength("nchar", 10), null).selectExpression(),
                "padding of char/nchar is not part of the value (MySQL drops it too)");
        assertEquals(ValueKind.BINARY, SqlServerRowReader.transferColumn("g", DataType.of("geography"), null).kind());
        assertEquals("CONVERT(char(36), [u]]x])", SqlServerRowReader.transferColumn("u]x", DataType.of("uniqueidentifier"), null)
                .selectExpression());
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
