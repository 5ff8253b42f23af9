package dbshift.mysql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dbshift.core.assess.Finding;
import dbshift.core.assess.Severity;
import dbshift.core.convert.Converter;
import dbshift.core.engine.Dialect;
import dbshift.core.engine.Dialects;
import dbshift.core.engine.TargetKind;
import dbshift.core.model.Catalog;
import dbshift.core.model.CheckConstraint;
import dbshift.core.model.Column;
import dbshift.core.model.DataType;
import dbshift.core.model.DefaultValue;
import dbshift.core.model.ForeignKey;
import dbshift.core.model.Index;
import dbshift.core.model.IndexColumn;
import dbshift.core.model.PrimaryKey;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.Routine;
import dbshift.core.model.Schema;
import dbshift.core.model.Table;
import dbshift.core.model.TableOptions;
import dbshift.core.model.Trigger;
import dbshift.core.model.UserDefinedType;
import dbshift.core.model.View;
import dbshift.core.run.MigrationOptions;

/**
 * SQL Server (or Azure SQL) into MySQL 8 / Azure Database for MySQL. Each SQL Server schema becomes a MySQL
 * database of the same name, except {@code dbo}, which takes the source database's name when it is known. Types
 * map to the nearest MySQL type; every mapping that loses something (datetimeoffset's offset, datetime2's seventh
 * digit, money's behaviour, xml, sql_variant, spatial values) is a finding with id {@code CONVERT-…}. T-SQL modules
 * (procedures, functions, triggers) are reported and left out; views are translated where the translation is
 * mechanical (brackets, TOP, common functions).
 */
public final class SqlServerToMySqlConverter implements Converter {
    /** T-SQL's character types (the source's type names; this bundle does not import the SQL Server one). */
    static final java.util.Set<String> CHARACTER_TYPES = java.util.Set.of("char", "varchar", "nchar", "nvarchar", "text", "ntext",
            "sysname");

    @Override
    public List<String> sourceDialects() {
        return List.of("sqlserver");
    }

    @Override
    public Conversion convert(Catalog source, TargetKind target, MigrationOptions options) {
        Work w = new Work(source);
        List<Schema> schemas = new ArrayList<>();
        for (Schema s : source.schemas()) {
            schemas.add(w.schema(s));
        }
        source.principals().forEach(p -> {
            if (options.users().stream().anyMatch(p::matches)) {
                w.finding("CONVERT-ACCOUNT", Severity.WARNING, "login", p.name(),
                        "SQL Server logins and users are not converted to MySQL accounts (their passwords cannot move)",
                        "CREATE USER on the target and grant the privileges the application needs.");
            }
        });
        Catalog out = new Catalog("mysql", source.serverVersion(), Map.of(), schemas, List.of(), source.problems());
        return new Conversion(out, w.findings, w.tableNames);
    }

    /** The MySQL database a SQL Server schema becomes. */
    static String database(Catalog source, String schema) {
        String db = source.setting("database");
        return schema.equals("dbo") && db != null ? db : schema;
    }

    private static final class Work {
        final Catalog source;
        final List<Finding> findings = new ArrayList<>();
        final Map<QualifiedName, QualifiedName> tableNames = new LinkedHashMap<>();
        final Map<String, UserDefinedType> types = new HashMap<>();
        /** The source's own dialect reads its text: types and expressions arrive in its syntax. */
        final Dialect sourceDialect;
        final TSqlToMySql tsql;
        final java.util.Set<String> stringColumns = new java.util.HashSet<>();

        Work(Catalog source) {
            this.source = source;
            this.sourceDialect = Dialects.require(source.dialect());
            this.tsql = new TSqlToMySql(sourceDialect);
            // column names that hold characters in every table that has them: '+' between them is concatenation
            java.util.Set<String> other = new java.util.HashSet<>();
            for (Table t : source.tables()) {
                for (Column c : t.columns()) {
                    (CHARACTER_TYPES.contains(c.type().name().toLowerCase(Locale.ROOT)) ? stringColumns : other)
                            .add(c.name().toLowerCase(Locale.ROOT));
                }
            }
            stringColumns.removeAll(other);
            source.schemas().forEach(s -> s.types().forEach(t -> types.put(t.name().schema().toLowerCase(Locale.ROOT) + "."
                    + t.name().name().toLowerCase(Locale.ROOT), t)));
        }

        void finding(String rule, Severity severity, String type, String object, String message, String hint) {
            findings.add(new Finding(rule, severity, type, object, message, hint, null));
        }

        QualifiedName name(QualifiedName n) {
            return new QualifiedName(database(source, n.schema()), n.name());
        }

        Schema schema(Schema s) {
            String db = database(source, s.name());
            List<Table> tables = new ArrayList<>();
            for (Table t : s.tables()) {
                tables.add(table(t));
            }
            List<View> views = new ArrayList<>();
            for (View v : s.views()) {
                View converted = view(v);
                if (converted != null) {
                    views.add(converted);
                }
            }
            for (Routine r : s.routines()) {
                finding("CONVERT-ROUTINE", Severity.ERROR, r.kind().name().toLowerCase(Locale.ROOT), r.name().toString(),
                        "is T-SQL; it is not converted to MySQL's stored-program language and not created",
                        "Rewrite it as a MySQL procedure or function and add it to the reviewed script.");
            }
            for (Trigger t : s.triggers()) {
                finding("CONVERT-TRIGGER", Severity.ERROR, "trigger", t.name().toString(),
                        "T-SQL triggers work on the inserted/deleted tables once per statement; MySQL's run FOR EACH ROW: not converted",
                        "Rewrite it as MySQL BEFORE/AFTER … FOR EACH ROW triggers.");
            }
            s.sequences().forEach(q -> finding("CONVERT-SEQUENCE", Severity.WARNING, "sequence", q.name().toString(),
                    "MySQL has no sequences; it is not created", "Use an AUTO_INCREMENT column or a counter table."));
            s.synonyms().forEach(y -> finding("CONVERT-SYNONYM", Severity.WARNING, "synonym", y.name().toString(),
                    "MySQL has no synonyms; it is not created", "Refer to " + y.baseObject() + " directly, or create a view."));
            return new Schema(db, "utf8mb4", "utf8mb4_0900_ai_ci", tables, views, List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of());
        }

        Table table(Table t) {
            QualifiedName name = name(t.name());
            tableNames.put(t.name(), name);
            String object = t.name().toString();
            List<Column> columns = new ArrayList<>();
            Map<String, Column> byName = new HashMap<>();
            for (Column c : t.columns()) {
                Column converted = column(t, c);
                columns.add(converted);
                byName.put(c.name().toLowerCase(Locale.ROOT), converted);
            }
            PrimaryKey pk = t.primaryKey() == null ? null : new PrimaryKey(null, t.primaryKey().columns().stream()
                    .map(ic -> keyPart(ic, byName)).toList(), true);
            List<Index> indexes = new ArrayList<>();
            for (Index i : t.indexes()) {
                Index converted = index(t, i, byName);
                if (converted != null) {
                    indexes.add(converted);
                }
            }
            boolean identityKeyed = columns.stream().filter(Column::autoIncrement).allMatch(c -> pk != null
                    && pk.columnNames().get(0).equalsIgnoreCase(c.name()) || indexes.stream().anyMatch(i -> i.columnNames().get(0)
                            .equalsIgnoreCase(c.name())));
            if (!identityKeyed) {
                columns.stream().filter(Column::autoIncrement).forEach(c -> indexes.add(Index.of("ix_" + c.name(), false,
                        List.of(IndexColumn.of(c.name())))));
                finding("CONVERT-IDENTITY", Severity.INFO, "table", object,
                        "MySQL needs an AUTO_INCREMENT column to lead an index; one is added", "Nothing to do.");
            }
            List<ForeignKey> fks = new ArrayList<>();
            for (ForeignKey fk : t.foreignKeys()) {
                fks.add(new ForeignKey(fk.name(), fk.columns(), name(fk.referencedTable()), fk.referencedColumns(),
                        fk.onDelete(), fk.onUpdate()));
            }
            List<CheckConstraint> checks = new ArrayList<>();
            for (CheckConstraint ck : t.checks()) {
                String translated = tsql.expression(ck.expression());
                if (translated == null) {
                    finding("CONVERT-EXPRESSION", Severity.WARNING, "check", object + " " + ck.name(), "condition "
                            + ck.expression() + " uses T-SQL DBShift does not translate; the check is left out",
                            "Rewrite it for MySQL and add it after the migration.");
                    continue;
                }
                checks.add(new CheckConstraint(ck.name(), translated, ck.enforced()));
            }
            return new Table(name, columns, pk, indexes, fks, checks,
                    new TableOptions("InnoDB", "utf8mb4", "utf8mb4_0900_ai_ci", null, null, null, Map.of()), t.stats());
        }

        IndexColumn keyPart(IndexColumn ic, Map<String, Column> columns) {
            Column c = columns.get(ic.column().toLowerCase(Locale.ROOT));
            Integer prefix = c != null && needsPrefix(c.type()) ? 191 : null;
            return new IndexColumn(ic.column(), null, prefix, ic.descending());
        }

        static boolean needsPrefix(DataType t) {
            return MySqlTypes.TEXT_TYPES.contains(t.name()) && !t.name().equals("char") && !t.name().equals("varchar")
                    && !t.name().equals("enum") && !t.name().equals("set") || t.name().endsWith("blob");
        }

        DataType resolve(Table t, Column c) {
            DataType type = c.type();
            if (type.values().size() == 2 && type.name().contains(".") && !type.name().equals("xml")) {
                UserDefinedType udt = types.get(type.name());
                String base = t.options().extra().get("base:" + c.name());
                if (udt != null) {
                    finding("CONVERT-ALIAS-TYPE", Severity.INFO, "column", t.name() + ".\"" + c.name() + "\"",
                            "alias type " + type.name() + " is replaced by its base type " + udt.baseType(), "Nothing to do.");
                    return udt.baseType();
                }
                if (base != null) {
                    return sourceDialect.parseType(base).orElseThrow(() -> new IllegalArgumentException("column " + t.name()
                            + ".\"" + c.name() + "\": the base type " + base + " of alias type " + type.name() + " is not a "
                            + sourceDialect.displayName() + " type"));
                }
                finding("CONVERT-ALIAS-TYPE", Severity.ERROR, "column", t.name() + ".\"" + c.name() + "\"",
                        "alias type " + type.name() + " is not defined in the migrated schemas", "Include its schema.");
                return DataType.withLength("nvarchar", -1);
            }
            return type;
        }

        Column column(Table t, Column c) {
            String object = t.name() + ".\"" + c.name() + "\"";
            DataType source = resolve(t, c);
            DataType type;
            if (source.name().equals("computed")) {
                // a script does not say what type a computed column has; the live catalog does
                type = DataType.withLength("varchar", 255);
                finding("CONVERT-COMPUTED", Severity.INFO, "column", object,
                        "the script does not give the computed column's type; it is declared varchar(255)",
                        "Set the type in the reviewed script if the application needs a number or a date.");
            } else {
                type = type(source, object);
            }
            // rowversion values are not copied (the source generates them), so the MySQL column must take NULL
            boolean rowversion = source.name().equals("rowversion") || source.name().equals("timestamp");
            Column.Builder b = Column.builder(c.name(), type).nullable(c.nullable() || rowversion);
            if (c.identity() != null) {
                b.autoIncrement(true);
                if (c.identity().increment() != 1) {
                    finding("CONVERT-IDENTITY", Severity.WARNING, "column", object, "IDENTITY increment " + c.identity().increment()
                            + " has no per-table equivalent in MySQL (auto_increment_increment is per server)",
                            "Accept steps of 1 for new rows, or generate the values in the application.");
                }
            }
            if (c.isGenerated()) {
                java.util.Set<String> own = new java.util.HashSet<>();
                t.columns().stream().filter(x -> CHARACTER_TYPES.contains(x.type().name().toLowerCase(Locale.ROOT)))
                        .forEach(x -> own.add(x.name().toLowerCase(Locale.ROOT)));
                String translated = tsql.expression(c.generated(), n -> own.contains(n.toLowerCase(Locale.ROOT)));
                String identity = t.columns().stream().filter(x -> x.identity() != null).map(Column::name).findFirst().orElse(null);
                if (translated != null && identity != null && translated.contains("`" + identity.replace("`", "``") + "`")) {
                    b.nullable(true);
                    finding("CONVERT-COMPUTED", Severity.ERROR, "column", object, "computed column " + c.generated()
                            + " uses the identity column \"" + identity + "\"; MySQL generated columns cannot refer to an "
                            + "AUTO_INCREMENT column, so it becomes a plain nullable column that the copy leaves empty",
                            "Compute the value in a view or in the application, or fill it with an AFTER INSERT trigger.");
                } else if (translated != null) {
                    b.generated(translated, c.stored());
                    finding("CONVERT-COMPUTED", Severity.INFO, "column", object, "computed column becomes GENERATED ALWAYS AS ("
                            + translated + ")" + (c.stored() ? " STORED" : " VIRTUAL"), "Check that MySQL computes the same values.");
                } else {
                    b.nullable(true);
                    finding("CONVERT-COMPUTED", Severity.ERROR, "column", object, "computed column " + c.generated()
                            + " uses T-SQL DBShift does not translate; it becomes a plain nullable column that the copy leaves empty",
                            "Rewrite the expression as a MySQL generated column.");
                }
            }
            if (c.defaultValue() != null && !c.isGenerated()) {
                DefaultValue d = defaultValue(c.defaultValue(), type, object);
                if (d != null) {
                    b.defaultValue(d);
                }
            }
            if (c.collation() != null && MySqlTypes.isText(type)) {
                String cs = c.collation().toUpperCase(Locale.ROOT);
                b.charset("utf8mb4").collation(cs.contains("_BIN") ? "utf8mb4_bin" : cs.contains("_CS_") || cs.endsWith("_CS")
                        ? "utf8mb4_0900_as_cs" : "utf8mb4_0900_ai_ci");
            }
            return b.build();
        }

        DataType type(DataType t, String object) {
            Integer len = t.length();
            switch (t.name()) {
                case "bit":
                    return DataType.withLength("tinyint", 1);
                case "tinyint":
                    return DataType.of("tinyint").withUnsigned(true);
                case "smallint", "int", "bigint":
                    return DataType.of(t.name());
                case "decimal", "numeric":
                    return DataType.decimal("decimal", t.precision() == null ? 18 : t.precision(), t.scale() == null ? 0 : t.scale());
                case "money":
                    finding("CONVERT-MONEY", Severity.INFO, "column", object, "money becomes decimal(19,4)",
                            "Nothing to do; arithmetic on it follows decimal rules in MySQL.");
                    return DataType.decimal("decimal", 19, 4);
                case "smallmoney":
                    return DataType.decimal("decimal", 10, 4);
                case "float":
                    return DataType.of("double");
                case "real":
                    return DataType.of("float");
                case "char", "nchar":
                    return len != null && len <= 255 ? DataType.withLength("char", len) : DataType.withLength("varchar", len == null ? 1 : len);
                case "varchar", "nvarchar", "sysname":
                    if (t.name().equals("sysname")) {
                        return DataType.withLength("varchar", 128);
                    }
                    if (len == null || len == -1) {
                        return DataType.of("longtext");
                    }
                    // MySQL counts all varchar columns of a row towards 65,535 bytes (4 per character in utf8mb4)
                    return len <= 1000 ? DataType.withLength("varchar", len) : DataType.of("text");
                case "text", "ntext", "xml":
                    if (t.name().equals("xml")) {
                        finding("CONVERT-XML", Severity.WARNING, "column", object, "xml becomes longtext: XML typing, "
                                + "schema collections and XQuery methods are lost", "Query it with ExtractValue() or in the application.");
                    }
                    return DataType.of("longtext");
                case "binary":
                    return len != null && len <= 255 ? DataType.withLength("binary", len) : DataType.withLength("varbinary", len == null ? 1 : len);
                case "varbinary":
                    return len == null || len == -1 ? DataType.of("longblob") : DataType.withLength("varbinary", len);
                case "image":
                    return DataType.of("longblob");
                case "rowversion", "timestamp":
                    finding("CONVERT-ROWVERSION", Severity.WARNING, "column", object,
                            "rowversion becomes binary(8): MySQL does not change it on update, and the copy leaves it empty",
                            "Use a TIMESTAMP … ON UPDATE CURRENT_TIMESTAMP(6) column for optimistic locking.");
                    return DataType.withLength("binary", 8);
                case "uniqueidentifier":
                    return DataType.withLength("char", 36);
                case "date":
                    return DataType.of("date");
                case "datetime":
                    return DataType.withLength("datetime", 3);
                case "smalldatetime":
                    return DataType.of("datetime");
                case "datetime2", "time": {
                    int fsp = len == null ? 7 : len;
                    if (fsp > 6) {
                        finding("CONVERT-FRACTION", Severity.WARNING, "column", object, t.name() + "(" + fsp
                                + ") keeps 100 ns; MySQL keeps microseconds: the seventh digit is rounded away",
                                "Nothing to do unless the application compares those digits.");
                    }
                    return DataType.withLength(t.name().equals("time") ? "time" : "datetime", Math.min(6, fsp));
                }
                case "datetimeoffset": {
                    finding("CONVERT-DATETIMEOFFSET", Severity.WARNING, "column", object,
                            "datetimeoffset becomes datetime(6) holding the instant in UTC: the original offset is lost",
                            "Add a column for the offset if the application needs it.");
                    return DataType.withLength("datetime", Math.min(6, len == null ? 7 : len));
                }
                case "sql_variant":
                    finding("CONVERT-SQL-VARIANT", Severity.WARNING, "column", object,
                            "sql_variant becomes text: the base type of each value is lost", "Split it by type if it matters.");
                    return DataType.of("text");
                case "hierarchyid":
                    finding("CONVERT-HIERARCHYID", Severity.WARNING, "column", object,
                            "hierarchyid becomes varbinary(892) holding SQL Server's encoding; GetAncestor() and friends are lost",
                            "Store the path as text (ToString()) if MySQL must query it.");
                    return DataType.withLength("varbinary", 892);
                case "geometry", "geography":
                    finding("CONVERT-SPATIAL", Severity.ERROR, "column", object, t.name()
                            + " becomes longblob holding SQL Server's serialized form; MySQL cannot use it as a geometry",
                            "Export the values as WKB (STAsBinary()) and load them with ST_GeomFromWKB after the migration.");
                    return DataType.of("longblob");
                default:
                    finding("CONVERT-TYPE", Severity.ERROR, "column", object, "type " + t + " has no MySQL mapping; it becomes longtext",
                            "Change the column on the source or edit the script.");
                    return DataType.of("longtext");
            }
        }

        DefaultValue defaultValue(DefaultValue d, DataType type, String object) {
            if (d.kind() != DefaultValue.Kind.EXPRESSION) {
                return d;
            }
            String e = d.text().trim();
            while (e.startsWith("(") && e.endsWith(")") && balanced(e.substring(1, e.length() - 1))) {
                e = e.substring(1, e.length() - 1).trim();
            }
            String lower = e.toLowerCase(Locale.ROOT);
            if (lower.equals("null")) {
                return DefaultValue.nullValue();
            }
            if (lower.matches("getdate\\(\\)|sysdatetime\\(\\)|current_timestamp|getutcdate\\(\\)|sysutcdatetime\\(\\)|sysdatetimeoffset\\(\\)")) {
                if (type.name().equals("datetime") || type.name().equals("timestamp")) {
                    return DefaultValue.expression(type.length() == null || type.length() == 0 ? "CURRENT_TIMESTAMP"
                            : "CURRENT_TIMESTAMP(" + type.length() + ")");
                }
                if (type.name().equals("date")) {
                    return DefaultValue.expression("(curdate())");
                }
            }
            if (lower.equals("newid()") || lower.equals("newsequentialid()")) {
                return DefaultValue.expression("(uuid())");
            }
            if (e.matches("-?[0-9]+(\\.[0-9]+)?")) {
                return DefaultValue.literal(e);
            }
            if (e.matches("(?s)N?'.*'")) {
                String text = e.substring(e.indexOf('\'') + 1, e.length() - 1).replace("''", "'");
                return DefaultValue.literal(text);
            }
            String translated = tsql.expression(e);
            if (translated != null) {
                finding("CONVERT-DEFAULT", Severity.INFO, "column", object, "default " + d.text() + " becomes (" + translated + ")",
                        "Check that it computes the same value.");
                return DefaultValue.expression("(" + translated + ")");
            }
            finding("CONVERT-DEFAULT", Severity.WARNING, "column", object, "default " + d.text()
                    + " uses T-SQL DBShift does not translate; it is left out", "Add the default by hand.");
            return null;
        }

        static boolean balanced(String s) {
            int depth = 0;
            for (char ch : s.toCharArray()) {
                if (ch == '(') {
                    depth++;
                } else if (ch == ')' && --depth < 0) {
                    return false;
                }
            }
            return depth == 0;
        }

        Index index(Table t, Index i, Map<String, Column> columns) {
            String object = t.name() + " index " + i.name();
            switch (i.kind()) {
                case CLUSTERED_COLUMNSTORE, NONCLUSTERED_COLUMNSTORE -> {
                    finding("CONVERT-COLUMNSTORE", Severity.INFO, "index", object, "columnstore indexes do not exist in MySQL; not created",
                            "Nothing to do; consider a summary table for analytic queries.");
                    return null;
                }
                case SPATIAL -> {
                    return null;
                }
                case CLUSTERED -> finding("CONVERT-CLUSTERED", Severity.INFO, "index", object,
                        "InnoDB clusters rows by the primary key only; the clustered index becomes a secondary one", "Nothing to do.");
                default -> {
                }
            }
            if (i.filter() != null) {
                finding("CONVERT-FILTERED-INDEX", i.unique() ? Severity.WARNING : Severity.INFO, "index", object,
                        "MySQL has no filtered indexes; the index covers all rows (filter was " + i.filter() + ")"
                                + (i.unique() ? ": uniqueness now applies to rows the filter excluded" : ""),
                        i.unique() ? "Check that the rows outside the filter are unique too, or drop the index." : "Nothing to do.");
            }
            if (!i.included().isEmpty()) {
                finding("CONVERT-INCLUDED-COLUMNS", Severity.INFO, "index", object, "included columns " + i.included()
                        + " are dropped: InnoDB secondary indexes carry the primary key only", "Nothing to do.");
            }
            List<IndexColumn> keys = i.columns().stream().map(ic -> keyPart(ic, columns)).toList();
            return new Index(i.name(), i.unique(), Index.Kind.BTREE, keys, List.of(), null, false, null, null, false);
        }

        View view(View v) {
            String query = v.query();
            String translated = query == null ? null : tsql.query(query, q -> name(q), v.name().schema(),
                    n -> stringColumns.contains(n.toLowerCase(Locale.ROOT)));
            if (translated == null) {
                finding("CONVERT-VIEW", Severity.ERROR, "view", v.name().toString(),
                        "its query uses T-SQL DBShift does not translate; the view is not created",
                        "Rewrite the query for MySQL and add it to the reviewed script.");
                return null;
            }
            finding("CONVERT-VIEW", Severity.INFO, "view", v.name().toString(), "query translated to MySQL (identifiers, TOP, functions)",
                    "Review the view's query in the script.");
            return new View(name(v.name()), translated, null, null, "DEFINER", "NONE", null);
        }
    }
}
