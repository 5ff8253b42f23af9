package dbshift.sqlserver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dbshift.core.assess.Finding;
import dbshift.core.assess.Severity;
import dbshift.core.convert.Converter;
import dbshift.core.engine.TargetKind;
import dbshift.core.model.Catalog;
import dbshift.core.model.CheckConstraint;
import dbshift.core.model.Column;
import dbshift.core.model.DataType;
import dbshift.core.model.DefaultValue;
import dbshift.core.model.ForeignKey;
import dbshift.core.model.Grant;
import dbshift.core.model.Index;
import dbshift.core.model.IndexColumn;
import dbshift.core.model.PrimaryKey;
import dbshift.core.model.Principal;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.Routine;
import dbshift.core.model.Schema;
import dbshift.core.model.Sequence;
import dbshift.core.model.Table;
import dbshift.core.model.TableOptions;
import dbshift.core.model.Trigger;
import dbshift.core.model.View;
import dbshift.core.run.MigrationOptions;

/**
 * MySQL or MariaDB into SQL Server, Azure SQL Database or Managed Instance. Each MySQL database becomes a schema of
 * the target database. Types map to the nearest lossless T-SQL type where one exists (unsigned integers widen,
 * text becomes Unicode, ENUM becomes nvarchar with a CHECK); what has no lossless mapping is a finding with id
 * {@code CONVERT-…}. Stored programs, triggers and events are MySQL's procedural language, which has no mechanical
 * translation: they are reported and left out.
 */
public final class MySqlToSqlServerConverter implements Converter {
    /** Key columns of a nonclustered index may not exceed 1700 bytes. */
    static final int MAX_INDEX_KEY_BYTES = 1700;

    @Override
    public List<String> sourceDialects() {
        return List.of("mysql", "mariadb");
    }

    @Override
    public Conversion convert(Catalog source, TargetKind target, MigrationOptions options) {
        Work w = new Work(source, target, options);
        List<Schema> schemas = new ArrayList<>();
        for (Schema s : source.schemas()) {
            schemas.add(w.schema(s));
        }
        Catalog out = new Catalog(SqlServerDialect.ID, source.serverVersion(), Map.of("source_dialect", source.dialect()),
                schemas, w.principals(source.principals()), source.problems());
        return new Conversion(out, w.findings, w.tableNames);
    }

    private static final class Work {
        final Catalog source;
        final TargetKind target;
        final MigrationOptions options;
        final boolean db;
        final List<Finding> findings = new ArrayList<>();
        final Map<QualifiedName, QualifiedName> tableNames = new LinkedHashMap<>();

        Work(Catalog source, TargetKind target, MigrationOptions options) {
            this.source = source;
            this.target = target;
            this.options = options;
            this.db = target.id().equals(SqlServerDialect.TARGET_AZURE_SQL_DB);
        }

        void finding(String rule, Severity severity, String type, String object, String message, String hint) {
            findings.add(new Finding(rule, severity, type, object, message, hint, null));
        }

        Schema schema(Schema s) {
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
                        "is written in MySQL's stored-program language; it is not converted to T-SQL and not created",
                        "Rewrite it in T-SQL and add it to the reviewed script.");
            }
            for (Trigger t : s.triggers()) {
                finding("CONVERT-TRIGGER", Severity.ERROR, "trigger", t.name().toString(),
                        "MySQL row triggers (FOR EACH ROW, NEW/OLD) have no mechanical T-SQL translation; not created",
                        "Rewrite it as a T-SQL AFTER/INSTEAD OF trigger over the inserted/deleted tables.");
            }
            s.events().forEach(e -> finding("CONVERT-EVENT", Severity.WARNING, "event", e.name().toString(),
                    "MySQL events are not created on SQL Server", db ? "Use an Elastic Job or Azure Automation schedule."
                            : "Create a SQL Server Agent job for the schedule."));
            List<Sequence> sequences = new ArrayList<>();
            for (Sequence q : s.sequences()) {
                sequences.add(new Sequence(new QualifiedName(s.name(), q.name().name()), DataType.of("bigint"), q.start(),
                        q.increment(), q.minValue(), q.maxValue(), q.cycle(), q.cache(), q.currentValue()));
            }
            return new Schema(s.name(), null, null, tables, views, List.of(), List.of(), List.of(), sequences, List.of(),
                    List.of());
        }

        Table table(Table t) {
            String object = t.name().toString();
            QualifiedName name = new QualifiedName(t.name().schema(), t.name().name());
            tableNames.put(t.name(), name);
            List<Column> columns = new ArrayList<>();
            List<CheckConstraint> checks = new ArrayList<>();
            Map<String, String> extra = new TreeMap<>();
            for (Column c : t.columns()) {
                columns.add(column(t, c, checks));
            }
            for (CheckConstraint ck : t.checks()) {
                MySqlExpressions.Result r = MySqlExpressions.translate(ck.expression());
                if (!r.clean()) {
                    finding("CONVERT-EXPRESSION", Severity.WARNING, "check", object + " " + ck.name(),
                            "uses " + String.join(", ", r.unsupported()) + ", which T-SQL lacks; the check is left out",
                            "Rewrite the condition in T-SQL and add the constraint after the migration.");
                    continue;
                }
                checks.add(new CheckConstraint(ck.name(), r.text(), ck.enforced()));
            }
            PrimaryKey pk = t.primaryKey() == null ? null
                    : new PrimaryKey("PK_" + t.name().name(), t.primaryKey().columns().stream()
                            .map(ic -> new IndexColumn(ic.column(), null, null, ic.descending())).toList(), true);
            List<Index> indexes = new ArrayList<>();
            Map<String, Column> byName = new HashMap<>();
            columns.forEach(c -> byName.put(c.name().toLowerCase(Locale.ROOT), c));
            for (Index i : t.indexes()) {
                Index converted = index(t, i, byName);
                if (converted != null) {
                    indexes.add(converted);
                }
            }
            List<ForeignKey> fks = new ArrayList<>();
            for (ForeignKey fk : t.foreignKeys()) {
                fks.add(foreignKey(t, fk));
            }
            if (t.options().comment() != null) {
                finding("CONVERT-COMMENT", Severity.INFO, "table", object, "its comment is not carried over",
                        "Add it as an MS_Description extended property if you rely on it.");
            }
            return new Table(name, columns, pk, indexes, fks, checks, new TableOptions(null, null, null, null, null, null, extra),
                    t.stats());
        }

        Column column(Table t, Column c, List<CheckConstraint> checks) {
            String object = t.name() + ".\"" + c.name() + "\"";
            Column.Builder b = Column.builder(c.name(), type(c, object, t, checks)).nullable(c.nullable());
            DataType mapped = b.build().type();
            if (c.autoIncrement()) {
                b.identity(new Column.Identity(1, 1));
            }
            if (c.isGenerated()) {
                MySqlExpressions.Result r = MySqlExpressions.translate(c.generated());
                if (r.clean()) {
                    b.generated(r.text(), c.stored());
                    finding("CONVERT-GENERATED", Severity.INFO, "column", object,
                            "generated column becomes a computed column AS (" + r.text() + ")" + (c.stored() ? " PERSISTED" : ""),
                            "Check that the expression computes the same values in T-SQL.");
                } else {
                    finding("CONVERT-GENERATED", Severity.ERROR, "column", object, "generated column uses "
                            + String.join(", ", r.unsupported()) + ", which T-SQL lacks; it becomes a plain column",
                            "Rewrite the expression as a T-SQL computed column.");
                }
            }
            if (c.defaultValue() != null && !c.isGenerated()) {
                b.defaultValue(defaultValue(c.defaultValue(), c.type(), mapped, object));
            }
            if (c.onUpdate() != null) {
                finding("CONVERT-ON-UPDATE", Severity.WARNING, "column", object,
                        "ON UPDATE " + c.onUpdate() + " has no column-level equivalent in SQL Server; the value no longer changes on update",
                        "Set the column in the application's UPDATE statements or with an AFTER UPDATE trigger.");
            }
            if (c.collation() != null && SqlServerTypes.isCharacter(mapped)) {
                String collation = collation(c.collation());
                if (collation != null) {
                    b.collation(collation);
                }
            }
            if (c.comment() != null) {
                finding("CONVERT-COMMENT", Severity.INFO, "column", object, "its comment is not carried over",
                        "Add it as an MS_Description extended property if you rely on it.");
            }
            if (c.invisible()) {
                finding("CONVERT-INVISIBLE", Severity.WARNING, "column", object,
                        "is INVISIBLE in MySQL; SQL Server has no invisible columns, so SELECT * returns it",
                        "List columns explicitly in queries that must not see it.");
            }
            return b.build();
        }

        /** A binary or case-sensitive MySQL collation keeps its meaning; the rest use the database's default. */
        static String collation(String mysql) {
            String c = mysql.toLowerCase(Locale.ROOT);
            if (c.endsWith("_bin")) {
                return "Latin1_General_100_BIN2";
            }
            if (c.contains("_as_cs") || c.endsWith("_cs")) {
                return "Latin1_General_100_CS_AS_SC";
            }
            return null;
        }

        DataType type(Column c, String object, Table t, List<CheckConstraint> checks) {
            DataType m = c.type();
            String n = m.name();
            boolean u = m.unsigned();
            switch (n) {
                case "tinyint":
                    if (m.length() != null && m.length() == 1 && !u) {
                        finding("CONVERT-BOOLEAN", Severity.INFO, "column", object,
                                "tinyint(1) stays a number (smallint): MySQL lets it hold -128..127, bit would lose that",
                                "Change it to bit if it only ever holds 0 and 1.");
                    }
                    return DataType.of(u ? "tinyint" : "smallint");
                case "smallint":
                    return DataType.of(u ? "int" : "smallint");
                case "mediumint":
                    return DataType.of("int");
                case "int", "integer":
                    return DataType.of(u ? "bigint" : "int");
                case "bigint":
                    if (u) {
                        finding("CONVERT-UNSIGNED", Severity.INFO, "column", object,
                                "bigint unsigned becomes decimal(20,0): SQL Server has no unsigned 64-bit integer", "Nothing to do.");
                        return DataType.decimal("decimal", 20, 0);
                    }
                    return DataType.of("bigint");
                case "decimal", "numeric": {
                    int p = m.precision() == null ? 10 : m.precision();
                    int s = m.scale() == null ? 0 : m.scale();
                    if (p > 38) {
                        int integerDigits = p - s;
                        int scale = Math.max(0, Math.min(s, 38 - Math.min(integerDigits, 38)));
                        finding("CONVERT-DECIMAL", Severity.WARNING, "column", object, "decimal(" + p + "," + s
                                + ") exceeds SQL Server's 38 digits; it becomes decimal(38," + scale + "): values with more digits fail to load",
                                "Check the largest values on the source.");
                        return DataType.decimal("decimal", 38, scale);
                    }
                    return DataType.decimal("decimal", p, s);
                }
                case "float":
                    return DataType.of(m.precision() != null && m.precision() > 24 ? "float" : "real");
                case "double", "real", "double precision":
                    return DataType.of("float");
                case "bit": {
                    int bits = m.length() == null ? 1 : m.length();
                    return bits == 1 ? DataType.of("bit") : DataType.withLength("binary", (bits + 7) / 8);
                }
                case "char":
                    return DataType.withLength("nchar", m.length() == null ? 1 : Math.min(4000, m.length()));
                case "varchar": {
                    int len = m.length() == null ? 1 : m.length();
                    return DataType.withLength("nvarchar", len > 4000 ? SqlServerTypes.MAX : len);
                }
                case "tinytext":
                    return DataType.withLength("nvarchar", 255);
                case "text", "mediumtext", "longtext":
                    return DataType.withLength("nvarchar", SqlServerTypes.MAX);
                case "binary":
                    return DataType.withLength("binary", m.length() == null ? 1 : m.length());
                case "varbinary": {
                    int len = m.length() == null ? 1 : m.length();
                    return DataType.withLength("varbinary", len > 8000 ? SqlServerTypes.MAX : len);
                }
                case "tinyblob":
                    return DataType.withLength("varbinary", 255);
                case "blob", "mediumblob", "longblob":
                    return DataType.withLength("varbinary", SqlServerTypes.MAX);
                case "enum": {
                    int len = Math.max(1, m.values().stream().mapToInt(String::length).max().orElse(1));
                    List<String> literals = m.values().stream().map(SqlServerQuoting.INSTANCE::literal).toList();
                    checks.add(new CheckConstraint("CK_" + t.name().name() + "_" + c.name(),
                            SqlServerQuoting.INSTANCE.quote(c.name()) + " IN (" + String.join(", ", literals) + ")", true));
                    finding("CONVERT-ENUM", Severity.INFO, "column", object, "ENUM becomes nvarchar(" + len
                            + ") with a CHECK constraint on its values; MySQL's ordering by index position is lost",
                            "Order by the column's text or a lookup table where the order mattered.");
                    return DataType.withLength("nvarchar", len);
                }
                case "set": {
                    int len = Math.max(1, m.values().stream().mapToInt(String::length).sum() + m.values().size() - 1);
                    finding("CONVERT-SET", Severity.WARNING, "column", object, "SET becomes nvarchar(" + len
                            + ") holding the comma-separated members; FIND_IN_SET and bit arithmetic on it do not exist in T-SQL",
                            "Consider a link table; queries must use STRING_SPLIT or LIKE.");
                    return DataType.withLength("nvarchar", len);
                }
                case "json":
                    checks.add(new CheckConstraint("CK_" + t.name().name() + "_" + c.name() + "_json",
                            "ISJSON(" + SqlServerQuoting.INSTANCE.quote(c.name()) + ") = 1", true));
                    finding("CONVERT-JSON", Severity.INFO, "column", object,
                            "JSON becomes nvarchar(max) with an ISJSON check; documents are stored as MySQL prints them",
                            "Use JSON_VALUE/OPENJSON in queries.");
                    return DataType.withLength("nvarchar", SqlServerTypes.MAX);
                case "date":
                    zeroDates(t, c, object);
                    return DataType.of("date");
                case "datetime":
                    zeroDates(t, c, object);
                    return DataType.withLength("datetime2", m.length() == null ? 0 : m.length());
                case "timestamp":
                    zeroDates(t, c, object);
                    finding("CONVERT-TIMESTAMP", Severity.INFO, "column", object,
                            "TIMESTAMP becomes datetime2 holding UTC (DBShift reads it in UTC); SQL Server does not convert time zones for it",
                            "Use SYSUTCDATETIME() in the application where MySQL used NOW() for this column.");
                    return DataType.withLength("datetime2", m.length() == null ? 0 : m.length());
                case "time":
                    finding("CONVERT-TIME", Severity.WARNING, "column", object,
                            "MySQL TIME holds durations from -838:59:59 to 838:59:59; SQL Server time only 00:00:00 to 23:59:59.9999999; other values fail to load",
                            "Use an integer of seconds if the column holds durations.");
                    return DataType.withLength("time", m.length() == null ? 0 : m.length());
                case "year":
                    return DataType.of("smallint");
                case "uuid", "inet6":
                    return DataType.withLength("nvarchar", n.equals("uuid") ? 36 : 39);
                case "inet4":
                    return DataType.withLength("nvarchar", 15);
                default:
                    if (Set.of("geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
                            "geometrycollection", "geomcollection").contains(n)) {
                        finding("CONVERT-SPATIAL", Severity.ERROR, "column", object, n
                                + " becomes geometry" + (m.srid() != null ? " (SRID " + m.srid() + ")" : "")
                                + ", but DBShift's bulk load cannot convert MySQL's geometry values: the table's data is not copied",
                                "Copy the column with geometry::STGeomFromWKB(ST_AsWKB(…), srid) after the migration.");
                        return DataType.of("geometry");
                    }
                    finding("CONVERT-TYPE", Severity.ERROR, "column", object, "type " + m + " has no SQL Server mapping",
                            "Change the column on the source or edit the script.");
                    return DataType.withLength("nvarchar", SqlServerTypes.MAX);
            }
        }

        void zeroDates(Table t, Column c, String object) {
            if (options.zeroDates() == MigrationOptions.ZeroDates.KEEP) {
                finding("CONVERT-ZERO-DATE", Severity.INFO, "column", object,
                        "SQL Server has no zero dates ('0000-00-00'); a row holding one fails to load with --zero-dates keep",
                        "Run with --zero-dates null to load them as NULL (NOT NULL columns still fail).");
            }
        }

        DefaultValue defaultValue(DefaultValue d, DataType mysqlType, DataType mapped, String object) {
            switch (d.kind()) {
                case NULL:
                    return DefaultValue.nullValue();
                case LITERAL: {
                    String text = d.text();
                    if (text.startsWith("0000-00-00")) {
                        finding("CONVERT-DEFAULT", Severity.WARNING, "column", object, "zero-date default '" + text
                                + "' has no SQL Server equivalent and is left out", "Choose a real date or NULL.");
                        return null;
                    }
                    if (mapped.name().equals("bit") || SqlServerTypes.INTEGER_TYPES.contains(mapped.name())
                            || mapped.name().equals("decimal") || mapped.name().equals("float") || mapped.name().equals("real")) {
                        return text.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?") ? DefaultValue.literal(text)
                                : DefaultValue.literal(text);
                    }
                    return DefaultValue.literal(text);
                }
                default: {
                    String e = d.text().trim();
                    String lower = e.toLowerCase(Locale.ROOT);
                    if (lower.matches("\\(?current_timestamp(\\(\\d*\\))?\\)?|\\(?now\\(\\d*\\)\\)?|localtimestamp(\\(\\d*\\))?")) {
                        return DefaultValue.expression(mysqlType.name().equals("timestamp") ? "(sysutcdatetime())" : "(sysdatetime())");
                    }
                    if (lower.matches("b'[01]+'")) {
                        return DefaultValue.literal(Long.toString(Long.parseLong(e.substring(2, e.length() - 1), 2)));
                    }
                    if (lower.matches("0x[0-9a-f]*")) {
                        return DefaultValue.expression("(" + e + ")");
                    }
                    if (lower.matches("\\(?uuid\\(\\)\\)?")) {
                        return DefaultValue.expression("(CONVERT(nvarchar(36), newid()))");
                    }
                    MySqlExpressions.Result r = MySqlExpressions.translate(e);
                    if (r.clean()) {
                        finding("CONVERT-DEFAULT", Severity.INFO, "column", object, "default expression " + e + " becomes " + r.text(),
                                "Check that it computes the same value.");
                        return DefaultValue.expression(r.text());
                    }
                    finding("CONVERT-DEFAULT", Severity.WARNING, "column", object, "default expression " + e
                            + " has no T-SQL translation and is left out", "Add a DEFAULT constraint by hand.");
                    return null;
                }
            }
        }

        Index index(Table t, Index i, Map<String, Column> columns) {
            String object = t.name() + " index " + i.name();
            switch (i.kind()) {
                case FULLTEXT -> {
                    finding("CONVERT-FULLTEXT", Severity.WARNING, "index", object,
                            "FULLTEXT indexes need a full-text catalog and a unique key index in SQL Server; not created",
                            "CREATE FULLTEXT CATALOG and CREATE FULLTEXT INDEX ON the table KEY INDEX its primary key, then use CONTAINS/FREETEXT.");
                    return null;
                }
                case SPATIAL -> {
                    finding("CONVERT-SPATIAL", Severity.WARNING, "index", object,
                            "SQL Server spatial indexes on geometry need a bounding box; not created",
                            "CREATE SPATIAL INDEX … WITH (BOUNDING_BOX = (…)) once the data is in.");
                    return null;
                }
                default -> {
                }
            }
            List<IndexColumn> keys = new ArrayList<>();
            int bytes = 0;
            for (IndexColumn ic : i.columns()) {
                if (ic.isExpression()) {
                    finding("CONVERT-INDEX", Severity.WARNING, "index", object, "functional key part (" + ic.expression()
                            + ") is not supported; the index is not created", "Index a computed column instead.");
                    return null;
                }
                Column c = columns.get(ic.column().toLowerCase(Locale.ROOT));
                if (c == null) {
                    return null;
                }
                if (SqlServerTypes.isMax(c.type()) || c.type().name().equals("geometry")) {
                    finding("CONVERT-INDEX", Severity.WARNING, "index", object, "column \"" + c.name() + "\" is " + SqlServerTypes.render(c.type())
                            + ", which cannot be an index key; the index is not created",
                            "Index a computed column of a bounded prefix, e.g. AS LEFT([col], 100).");
                    return null;
                }
                if (ic.prefixLength() != null) {
                    finding("CONVERT-INDEX", Severity.INFO, "index", object, "prefix length (" + ic.prefixLength() + ") on \""
                            + c.name() + "\" is dropped: SQL Server indexes the whole column", "Nothing to do.");
                }
                bytes += keyBytes(c.type());
                keys.add(new IndexColumn(ic.column(), null, null, ic.descending()));
            }
            if (bytes > MAX_INDEX_KEY_BYTES) {
                finding("CONVERT-INDEX", Severity.WARNING, "index", object, "key of up to " + bytes
                        + " bytes exceeds SQL Server's 1700: inserting a row with a longer key fails",
                        "Shorten the columns or index a hash of them.");
            }
            String filter = null;
            if (i.unique()) {
                // MySQL's unique keys ignore rows with a NULL in the key; a filtered index keeps that meaning
                List<String> nullable = keys.stream().map(k -> columns.get(k.column().toLowerCase(Locale.ROOT)))
                        .filter(Column::nullable).map(c -> SqlServerQuoting.INSTANCE.quote(c.name()) + " IS NOT NULL").toList();
                if (!nullable.isEmpty()) {
                    filter = String.join(" AND ", nullable);
                }
            }
            if (i.invisible()) {
                finding("CONVERT-INDEX", Severity.INFO, "index", object, "is invisible (ignored) in MySQL; it is created as a normal index",
                        "Disable it with ALTER INDEX … DISABLE if it must stay unused.");
            }
            return new Index(i.name(), i.unique(), Index.Kind.NONCLUSTERED, keys, List.of(), filter, false, null, null, false);
        }

        static int keyBytes(DataType t) {
            Integer len = t.length();
            return switch (t.name()) {
                case "nchar", "nvarchar" -> len == null ? 2 : len * 2;
                case "char", "varchar", "binary", "varbinary" -> len == null ? 1 : len;
                case "bigint", "float", "datetime2", "datetime" -> 8;
                case "decimal" -> 17;
                default -> 4;
            };
        }

        ForeignKey foreignKey(Table t, ForeignKey fk) {
            String onDelete = fk.onDelete();
            String onUpdate = fk.onUpdate();
            boolean self = fk.referencedTable().equals(t.name());
            if (self && (cascades(onDelete) || cascades(onUpdate))) {
                finding("CONVERT-FOREIGN-KEY", Severity.WARNING, "foreign key", t.name() + " " + fk.name(),
                        "refers to its own table with ON DELETE " + onDelete + " / ON UPDATE " + onUpdate
                                + "; SQL Server refuses cascading actions that may cycle, so they become NO ACTION",
                        "Implement the action with an INSTEAD OF DELETE trigger or in the application.");
                onDelete = "NO ACTION";
                onUpdate = "NO ACTION";
            }
            QualifiedName ref = new QualifiedName(fk.referencedTable().schema(), fk.referencedTable().name());
            return new ForeignKey(fk.name(), fk.columns(), ref, fk.referencedColumns(), onDelete, onUpdate);
        }

        static boolean cascades(String action) {
            return action != null && !action.equalsIgnoreCase("RESTRICT") && !action.equalsIgnoreCase("NO ACTION");
        }

        View view(View v) {
            MySqlExpressions.Result r = MySqlExpressions.translate(v.query());
            if (!r.clean()) {
                finding("CONVERT-VIEW", Severity.ERROR, "view", v.name().toString(), "uses " + String.join(", ", r.unsupported())
                        + ", which has no mechanical T-SQL translation; the view is not created",
                        "Rewrite the query in T-SQL and add it to the reviewed script.");
                return null;
            }
            finding("CONVERT-VIEW", Severity.INFO, "view", v.name().toString(),
                    "query translated to T-SQL (identifiers, strings, common functions)", "Review the view's query in the script.");
            return new View(new QualifiedName(v.name().schema(), v.name().name()), r.text(), null, null, null, null, null);
        }

        /**
         * MySQL accounts become logins with a user (SQL Server, Managed Instance) or contained users (Azure SQL
         * Database), each with a random password (MySQL's hashes are useless to SQL Server). Grants map to schema
         * (database.*), object (database.table) or database (*.*) permissions where T-SQL has the same permission.
         */
        List<Principal> principals(List<Principal> accounts) {
            List<Principal> out = new ArrayList<>();
            Map<String, Boolean> seen = new LinkedHashMap<>();
            for (Principal p : accounts) {
                if (seen.put(p.name(), true) != null) {
                    finding("CONVERT-ACCOUNT", Severity.WARNING, "user", p.account(),
                            "another account of the same user name at another host was converted already; SQL Server has no hosts",
                            "Merge the accounts' grants by hand.");
                    continue;
                }
                List<Grant> grants = new ArrayList<>();
                for (Grant g : p.grants()) {
                    grants.addAll(grants(p, g));
                }
                if (p.kind() == Principal.Kind.ROLE) {
                    out.add(new Principal(Principal.Kind.ROLE, p.name(), null, null, null, false, List.of(), grants, null));
                    continue;
                }
                if (!db) {
                    out.add(new Principal(Principal.Kind.LOGIN, p.name(), null, "SQL", null, p.locked(), List.of(), List.of(), null));
                }
                out.add(new Principal(Principal.Kind.DATABASE_USER, p.name(), null, db ? "DATABASE" : "INSTANCE",
                        db ? null : p.name(), p.locked(), p.roles(), grants, null));
                if (options.users().stream().anyMatch(p::matches)) {
                    finding("CONVERT-ACCOUNT", Severity.WARNING, "user", p.account(), "gets a new random password: MySQL's "
                            + "password hash cannot be used by SQL Server", (db ? "ALTER USER" : "ALTER LOGIN") + " ["
                                    + p.name().replace("]", "]]") + "] WITH PASSWORD = '…' after the migration.");
                }
            }
            return out;
        }

        private static final Map<String, List<String>> PRIVILEGES = Map.ofEntries(Map.entry("SELECT", List.of("SELECT")),
                Map.entry("INSERT", List.of("INSERT")), Map.entry("UPDATE", List.of("UPDATE")),
                Map.entry("DELETE", List.of("DELETE")), Map.entry("EXECUTE", List.of("EXECUTE")),
                Map.entry("REFERENCES", List.of("REFERENCES")), Map.entry("ALTER", List.of("ALTER")),
                Map.entry("INDEX", List.of("ALTER")), Map.entry("DROP", List.of("ALTER")), Map.entry("TRIGGER", List.of("ALTER")),
                Map.entry("SHOW VIEW", List.of("VIEW DEFINITION")), Map.entry("CREATE", List.of("CREATE TABLE")),
                Map.entry("CREATE VIEW", List.of("CREATE VIEW")), Map.entry("CREATE ROUTINE", List.of("CREATE PROCEDURE",
                        "CREATE FUNCTION")), Map.entry("ALL", List.of("CONTROL")), Map.entry("ALL PRIVILEGES", List.of("CONTROL")));
        private static final Set<String> DATABASE_ONLY = Set.of("CREATE TABLE", "CREATE VIEW", "CREATE PROCEDURE", "CREATE FUNCTION");

        List<Grant> grants(Principal p, Grant g) {
            List<Grant> out = new ArrayList<>();
            String level = g.level().replace("`", "");
            String securable;
            if (level.equals("*.*")) {
                securable = "DATABASE";
            } else if (level.endsWith(".*")) {
                securable = "SCHEMA::" + SqlServerQuoting.INSTANCE.quote(level.substring(0, level.length() - 2));
            } else {
                int dot = level.indexOf('.');
                securable = dot < 0 ? "DATABASE" : "OBJECT::" + SqlServerQuoting.INSTANCE.quote(level.substring(0, dot)) + "."
                        + SqlServerQuoting.INSTANCE.quote(level.substring(dot + 1));
            }
            List<String> onSecurable = new ArrayList<>();
            List<String> onDatabase = new ArrayList<>();
            List<String> dropped = new ArrayList<>();
            for (String privilege : g.privileges()) {
                String bare = Grant.bare(privilege);
                List<String> mapped = PRIVILEGES.get(bare);
                if (bare.equals("USAGE")) {
                    continue;
                }
                if (mapped == null) {
                    dropped.add(bare);
                    continue;
                }
                for (String m : mapped) {
                    (DATABASE_ONLY.contains(m) ? onDatabase : onSecurable).add(m);
                }
            }
            if (!dropped.isEmpty()) {
                finding("CONVERT-PRIVILEGE", Severity.WARNING, "user", p.account(), "privilege(s) " + String.join(", ", dropped)
                        + " ON " + g.level() + " have no SQL Server permission to map to and are left out",
                        "Grant the permissions the account needs by hand.");
            }
            if (!onSecurable.isEmpty()) {
                out.add(new Grant("GRANT", onSecurable.stream().distinct().toList(), securable, g.withGrantOption()));
            }
            if (!onDatabase.isEmpty()) {
                out.add(new Grant("GRANT", onDatabase.stream().distinct().toList(), "DATABASE", g.withGrantOption()));
            }
            return out;
        }
    }
}
