package dbshift.mysql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dbshift.core.engine.CatalogReader;
import dbshift.core.engine.Jdbc;
import dbshift.core.engine.SqlResources;
import dbshift.core.model.Catalog;
import dbshift.core.model.CheckConstraint;
import dbshift.core.model.Column;
import dbshift.core.model.DataType;
import dbshift.core.model.DefaultValue;
import dbshift.core.model.Event;
import dbshift.core.model.ForeignKey;
import dbshift.core.model.Grant;
import dbshift.core.model.Index;
import dbshift.core.model.IndexColumn;
import dbshift.core.model.PrimaryKey;
import dbshift.core.model.Principal;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.ReadProblem;
import dbshift.core.model.Routine;
import dbshift.core.model.Schema;
import dbshift.core.model.Sequence;
import dbshift.core.model.Table;
import dbshift.core.model.TableOptions;
import dbshift.core.model.TableStats;
import dbshift.core.model.Trigger;
import dbshift.core.model.View;

/**
 * Reads a MySQL 5.7/8.0 or MariaDB catalog from information_schema (queries in {@code sql/}), with SHOW CREATE
 * for what information_schema does not keep faithfully (routine and event headers, partitioning, view algorithm).
 */
public class MySqlCatalogReader implements CatalogReader {
    private static final Pattern DEFINER_CLAUSE = Pattern.compile(
            "^(CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:ALGORITHM\\s*=\\s*\\w+\\s+)?)DEFINER\\s*=\\s*(?:`(?:[^`]|``)*`|'(?:[^']|'')*'|[^@\\s]+)(?:@(?:`(?:[^`]|``)*`|'(?:[^']|'')*'|\\S+))?\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GRANT = Pattern.compile(
            "^GRANT\\s+(.+?)\\s+ON\\s+(?:(PROCEDURE|FUNCTION|TABLE)\\s+)?(\\S+)\\s+TO\\s+.*?(\\s+WITH\\s+GRANT\\s+OPTION)?$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ROLE_GRANT = Pattern.compile("^GRANT\\s+(.+?)\\s+TO\\s+.*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final java.util.Set<String> SYSTEM_ACCOUNTS = java.util.Set.of("mysql.sys", "mysql.session",
            "mysql.infoschema", "mariadb.sys", "PUBLIC");

    private final boolean mariaDb;

    public MySqlCatalogReader(boolean mariaDb) {
        this.mariaDb = mariaDb;
    }

    private String sql(String name) {
        return SqlResources.load(MySqlCatalogReader.class, name);
    }

    @Override
    public List<String> schemas(Connection c) throws SQLException {
        return Jdbc.query(c, sql("schemas"), rs -> rs.getString(1));
    }

    @Override
    public Catalog read(Connection c, List<String> wanted, boolean principals) throws SQLException {
        if (!mariaDb) {
            // information_schema caches AUTO_INCREMENT and row counts for a day on MySQL 8 unless told otherwise
            try {
                Jdbc.execute(c, "SET SESSION information_schema_stats_expiry = 0");
            } catch (SQLException e) {
                // MySQL 5.7 has no such variable and no such cache
            }
        }
        Map<String, String> settings = settings(c);
        List<ReadProblem> problems = new ArrayList<>();
        Map<String, String[]> available = new LinkedHashMap<>();
        Jdbc.query(c, sql("schemas"), rs -> available.put(rs.getString(1), new String[] { rs.getString(2), rs.getString(3) }));
        List<String> names = wanted == null ? new ArrayList<>(available.keySet()) : wanted;
        List<Schema> schemas = new ArrayList<>();
        for (String name : names) {
            String[] defaults = available.get(name);
            if (defaults == null) {
                throw new dbshift.core.engine.UnknownSchemaException("database `" + name.replace("`", "``")
                        + "` does not exist on the server (databases there: " + String.join(", ", available.keySet()) + ")");
            }
            schemas.add(readSchema(c, name, defaults[0], defaults[1], problems));
        }
        List<Principal> accounts = principals ? readPrincipals(c, problems) : List.of();
        return new Catalog(mariaDb ? "mariadb" : "mysql", settings.get("version"), settings, schemas, accounts, problems);
    }

    private Map<String, String> settings(Connection c) throws SQLException {
        Map<String, String> settings = new HashMap<>();
        Jdbc.query(c, sql("settings"), rs -> {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                String value = rs.getString(i);
                if (value != null) {
                    settings.put(rs.getMetaData().getColumnLabel(i), value);
                }
            }
            return null;
        });
        return settings;
    }

    private Schema readSchema(Connection c, String schema, String charset, String collation, List<ReadProblem> problems)
            throws SQLException {
        Map<String, TableBuilder> tables = new LinkedHashMap<>();
        List<String> sequenceNames = new ArrayList<>();
        Jdbc.query(c, sql("tables"), rs -> {
            String name = rs.getString("TABLE_NAME");
            if ("SEQUENCE".equals(rs.getString("TABLE_TYPE"))) {
                sequenceNames.add(name);
                return null;
            }
            TableBuilder t = new TableBuilder(new QualifiedName(schema, name));
            String tableCollation = rs.getString("TABLE_COLLATION");
            t.options = new TableOptions(rs.getString("ENGINE"), charsetOf(tableCollation), tableCollation,
                    rowFormat(rs.getString("CREATE_OPTIONS")), emptyToNull(rs.getString("TABLE_COMMENT")), null, Map.of());
            t.partitioned = rs.getString("CREATE_OPTIONS") != null
                    && rs.getString("CREATE_OPTIONS").toLowerCase(Locale.ROOT).contains("partitioned");
            t.stats = new TableStats(Jdbc.longOrNull(rs, "TABLE_ROWS"), Jdbc.longOrNull(rs, "DATA_LENGTH"),
                    Jdbc.longOrNull(rs, "AUTO_INCREMENT"));
            tables.put(name, t);
            return null;
        }, schema);

        Map<String, Integer> srids = new HashMap<>();
        if (!mariaDb) {
            Jdbc.query(c, sql("column-srids-mysql"), rs -> srids.put(rs.getString(1) + "\0" + rs.getString(2), rs.getInt(3)),
                    schema);
        }
        Jdbc.query(c, sql("columns"), rs -> {
            TableBuilder t = tables.get(rs.getString("TABLE_NAME"));
            if (t != null) {
                try {
                    t.columns.add(column(rs, t, srids.get(rs.getString("TABLE_NAME") + "\0" + rs.getString("COLUMN_NAME"))));
                } catch (IllegalArgumentException e) {
                    problems.add(new ReadProblem("column", t.name + ".\"" + rs.getString("COLUMN_NAME") + "\"", e.getMessage()));
                    t.broken = true;
                }
            }
            return null;
        }, schema);

        for (TableBuilder t : tables.values()) {
            recoverEnumValues(c, t, problems);
        }
        readIndexes(c, schema, tables);
        readForeignKeys(c, schema, tables);
        readChecks(c, schema, tables);
        for (TableBuilder t : tables.values()) {
            if (t.partitioned) {
                t.options = t.options.withPartitioning(partitioning(c, t.name));
            }
        }

        List<Table> builtTables = new ArrayList<>();
        for (TableBuilder t : tables.values()) {
            if (!t.broken) {
                builtTables.add(t.build(mariaDb));
            }
        }
        return new Schema(schema, charset, collation, builtTables, readViews(c, schema, problems),
                readRoutines(c, schema, problems), readTriggers(c, schema), readEvents(c, schema, problems),
                readSequences(c, schema, sequenceNames, problems), List.of(), List.of());
    }

    private Column column(ResultSet rs, TableBuilder table, Integer srid) throws SQLException {
        String name = rs.getString("COLUMN_NAME");
        DataType type = MySqlTypes.parse(rs.getString("COLUMN_TYPE"));
        if (srid != null) {
            type = type.withSrid(srid);
        }
        String extra = nullToEmpty(rs.getString("EXTRA"));
        String extraLower = extra.toLowerCase(Locale.ROOT);
        Column.Builder b = Column.builder(name, type).nullable("YES".equals(rs.getString("IS_NULLABLE")));
        String generation = emptyToNull(rs.getString("GENERATION_EXPRESSION"));
        if (generation != null && extraLower.contains("generated") && !extraLower.contains("default_generated")) {
            b.generated(generation, extraLower.contains("stored") || extraLower.contains("persistent"));
        } else {
            b.defaultValue(defaultValue(rs.getString("COLUMN_DEFAULT"), extraLower.contains("default_generated"), type));
        }
        b.autoIncrement(extraLower.contains("auto_increment"));
        Matcher onUpdate = Pattern.compile("on update (current_timestamp(?:\\(\\d*\\))?)", Pattern.CASE_INSENSITIVE)
                .matcher(extra);
        if (onUpdate.find()) {
            b.onUpdate(normalizeExpression(onUpdate.group(1)));
        }
        b.invisible(extraLower.contains("invisible"));
        String columnCharset = rs.getString("CHARACTER_SET_NAME");
        String columnCollation = rs.getString("COLLATION_NAME");
        if (columnCollation != null && !columnCollation.equals(table.options.collation())) {
            b.charset(columnCharset).collation(columnCollation);
        } else if (columnCharset != null && !columnCharset.equals(table.options.charset())) {
            b.charset(columnCharset);
        }
        b.comment(emptyToNull(rs.getString("COLUMN_COMMENT")));
        return b.build();
    }

    /** COLUMN_DEFAULT differs by server: MySQL shows literals bare, MariaDB quotes them and spells NULL out. */
    DefaultValue defaultValue(String raw, boolean expression, DataType type) {
        if (raw == null) {
            return null;
        }
        if (mariaDb) {
            if (raw.equals("NULL")) {
                return null; // DEFAULT NULL is what a nullable column has anyway; MySQL reports it as no default
            }
            if (raw.startsWith("'") && raw.endsWith("'") && raw.length() >= 2) {
                return DefaultValue.literal(unquoteMariaDb(raw.substring(1, raw.length() - 1)));
            }
            if (raw.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
                return DefaultValue.literal(raw);
            }
            if (raw.matches("(?i)b'[01]*'|0x[0-9a-f]*")) {
                return DefaultValue.expression(raw);
            }
            return DefaultValue.expression(normalizeExpression(raw));
        }
        if (expression) {
            return DefaultValue.expression(normalizeExpression(raw));
        }
        if (type.name().equals("bit") && raw.matches("(?i)b'[01]*'")) {
            return DefaultValue.expression(raw);
        }
        if (MySqlTypes.isBinary(type) && raw.matches("(?i)0x[0-9a-f]*")) {
            return DefaultValue.expression(raw);
        }
        return DefaultValue.literal(raw);
    }

    private static String unquoteMariaDb(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                b.append('\'');
                i++;
            } else if (c == '\\' && i + 1 < text.length()) {
                char n = text.charAt(++i);
                b.append(switch (n) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case '0' -> '\0';
                    case 'Z' -> '\u001a';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** {@code current_timestamp()} (MariaDB) and {@code CURRENT_TIMESTAMP} (MySQL) mean the same default. */
    static String normalizeExpression(String expression) {
        Matcher m = Pattern.compile("(?i)^current_timestamp(?:\\((\\d*)\\))?$").matcher(expression.trim());
        if (m.matches()) {
            String fsp = m.group(1);
            return fsp == null || fsp.isEmpty() ? "CURRENT_TIMESTAMP" : "CURRENT_TIMESTAMP(" + fsp + ")";
        }
        return expression.trim();
    }

    /**
     * MySQL and MariaDB keep column types in a 3-byte UTF-8 catalog, so an ENUM value with an emoji reads back as
     * '?'. The rows still hold the real value: take it from there by position; report what no row uses.
     */
    private void recoverEnumValues(Connection c, TableBuilder t, List<ReadProblem> problems) throws SQLException {
        for (int i = 0; i < t.columns.size(); i++) {
            Column col = t.columns.get(i);
            if (!col.type().name().equals("enum") || !col.type().values().contains("?")) {
                continue;
            }
            List<String> values = new ArrayList<>(col.type().values());
            String q = MySqlQuoting.INSTANCE.quote(col.name());
            Map<Integer, String> used = new HashMap<>();
            Jdbc.queryPlain(c, "SELECT DISTINCT " + q + " + 0, CAST(" + q + " AS CHAR CHARACTER SET utf8mb4) FROM "
                    + MySqlQuoting.INSTANCE.quote(t.name) + " WHERE " + q + " IS NOT NULL", rs -> used.put(rs.getInt(1), rs.getString(2)));
            List<Integer> unknown = new ArrayList<>();
            for (int v = 0; v < values.size(); v++) {
                if (values.get(v).equals("?")) {
                    String real = used.get(v + 1);
                    if (real != null) {
                        values.set(v, real);
                    } else {
                        unknown.add(v + 1);
                    }
                }
            }
            t.columns.set(i, col.toBuilder().type(col.type().withValues(values)).build());
            if (!unknown.isEmpty()) {
                problems.add(new ReadProblem("column", t.name + ".\"" + col.name() + "\"", "ENUM value(s) at position " + unknown
                        + " show as '?' in the server's catalog (4-byte characters such as emoji) and no row uses them; "
                        + "they are migrated as '?'"));
            }
        }
    }

    private void readIndexes(Connection c, String schema, Map<String, TableBuilder> tables) throws SQLException {
        Map<String, Map<String, IndexBuilder>> byTable = new LinkedHashMap<>();
        Jdbc.query(c, sql(mariaDb ? "indexes-mariadb" : "indexes-mysql"), rs -> {
            String tableName = rs.getString("TABLE_NAME");
            if (!tables.containsKey(tableName)) {
                return null;
            }
            String indexName = rs.getString("INDEX_NAME");
            IndexBuilder ib = byTable.computeIfAbsent(tableName, k -> new LinkedHashMap<>()).computeIfAbsent(indexName,
                    k -> new IndexBuilder(indexName));
            ib.unique = rs.getInt("NON_UNIQUE") == 0;
            ib.type = rs.getString("INDEX_TYPE");
            ib.comment = emptyToNull(rs.getString("INDEX_COMMENT"));
            ib.invisible = mariaDb ? "YES".equalsIgnoreCase(rs.getString("IGNORED"))
                    : "NO".equalsIgnoreCase(rs.getString("IS_VISIBLE"));
            String expression = mariaDb ? null : emptyToNull(rs.getString("EXPRESSION"));
            // MariaDB reports a 32-byte SUB_PART on spatial key parts, which no CREATE accepts
            Integer subPart = rs.getObject("SUB_PART") == null || "SPATIAL".equalsIgnoreCase(ib.type) ? null
                    : rs.getInt("SUB_PART");
            ib.columns.add(new IndexColumn(expression == null ? rs.getString("COLUMN_NAME") : null, expression, subPart,
                    "D".equals(rs.getString("COLLATION"))));
            return null;
        }, schema);
        for (Map.Entry<String, Map<String, IndexBuilder>> e : byTable.entrySet()) {
            TableBuilder t = tables.get(e.getKey());
            for (IndexBuilder ib : e.getValue().values()) {
                if (ib.name.equals("PRIMARY")) {
                    t.primaryKey = new PrimaryKey(null, ib.columns, true);
                } else {
                    Index.Kind kind = switch (nullToEmpty(ib.type).toUpperCase(Locale.ROOT)) {
                        case "FULLTEXT" -> Index.Kind.FULLTEXT;
                        case "SPATIAL" -> Index.Kind.SPATIAL;
                        case "HASH" -> Index.Kind.HASH;
                        default -> Index.Kind.BTREE;
                    };
                    t.indexes.add(new Index(ib.name, ib.unique, kind, ib.columns, List.of(), null, ib.invisible, ib.comment,
                            null, false));
                }
            }
        }
    }

    private void readForeignKeys(Connection c, String schema, Map<String, TableBuilder> tables) throws SQLException {
        Map<String, Map<String, String[]>> heads = new LinkedHashMap<>();
        Map<String, List<String>> columns = new HashMap<>();
        Map<String, List<String>> referenced = new HashMap<>();
        Jdbc.query(c, sql("foreign-keys"), rs -> {
            String table = rs.getString("TABLE_NAME");
            String name = rs.getString("CONSTRAINT_NAME");
            String key = table + "\0" + name;
            heads.computeIfAbsent(table, k -> new LinkedHashMap<>()).putIfAbsent(name, new String[] {
                    rs.getString("REFERENCED_TABLE_SCHEMA"), rs.getString("REFERENCED_TABLE_NAME"),
                    rs.getString("DELETE_RULE"), rs.getString("UPDATE_RULE") });
            columns.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getString("COLUMN_NAME"));
            referenced.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getString("REFERENCED_COLUMN_NAME"));
            return null;
        }, schema);
        heads.forEach((table, fks) -> {
            TableBuilder t = tables.get(table);
            if (t != null) {
                fks.forEach((name, h) -> t.foreignKeys.add(new ForeignKey(name, columns.get(table + "\0" + name),
                        new QualifiedName(h[0], h[1]), referenced.get(table + "\0" + name), h[2], h[3])));
            }
        });
    }

    private void readChecks(Connection c, String schema, Map<String, TableBuilder> tables) throws SQLException {
        try {
            Jdbc.query(c, sql(mariaDb ? "checks-mariadb" : "checks-mysql"), rs -> {
                TableBuilder t = tables.get(rs.getString("TABLE_NAME"));
                if (t != null) {
                    String name = rs.getString("CONSTRAINT_NAME");
                    String clause = rs.getString("CHECK_CLAUSE");
                    if (mariaDb && "Column".equalsIgnoreCase(rs.getString("LEVEL"))) {
                        t.columnChecks.put(name, clause);
                    } else {
                        boolean enforced = mariaDb || !"NO".equalsIgnoreCase(rs.getString("ENFORCED"));
                        t.checks.add(new CheckConstraint(name, clause, enforced));
                    }
                }
                return null;
            }, schema);
        } catch (SQLException e) {
            // MySQL before 8.0.16 has no CHECK_CONSTRAINTS table (and ignored CHECK clauses anyway)
            if (e.getErrorCode() != 1109) {
                throw e;
            }
        }
    }

    private String partitioning(Connection c, QualifiedName table) throws SQLException {
        String create = Jdbc.queryPlain(c, "SHOW CREATE TABLE " + MySqlQuoting.INSTANCE.quote(table), rs -> rs.getString(2))
                .get(0);
        int at = create.indexOf("PARTITION BY");
        if (at < 0) {
            return null;
        }
        String clause = create.substring(at).trim();
        if (clause.endsWith("*/")) {
            clause = clause.substring(0, clause.length() - 2).trim();
        }
        return clause;
    }

    private List<View> readViews(Connection c, String schema, List<ReadProblem> problems) throws SQLException {
        List<View> views = new ArrayList<>();
        for (String[] v : Jdbc.query(c, sql("views"), rs -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5) }, schema)) {
            QualifiedName name = new QualifiedName(schema, v[0]);
            String algorithm = "UNDEFINED";
            try {
                String create = Jdbc.queryPlain(c, "SHOW CREATE VIEW " + MySqlQuoting.INSTANCE.quote(name), rs -> rs.getString(2))
                        .get(0);
                Matcher m = Pattern.compile("ALGORITHM=(\\w+)", Pattern.CASE_INSENSITIVE).matcher(create);
                if (m.find()) {
                    algorithm = m.group(1).toUpperCase(Locale.ROOT);
                }
            } catch (SQLException e) {
                // an invalid view (its tables are gone) still has its definition; the assessment reports it
                problems.add(new ReadProblem("view", name.toString(), e.getMessage()));
                continue;
            }
            // SHOW CREATE VIEW answers for a view over a dropped table too: only using it tells whether it works
            try {
                Jdbc.queryPlain(c, "SELECT * FROM " + MySqlQuoting.INSTANCE.quote(name) + " LIMIT 0", rs -> null);
            } catch (SQLException e) {
                String broken = brokenBody(c, e, v[1]);
                if (broken != null) {
                    problems.add(ReadProblem.invalidOnSource("view", name.toString(), broken));
                    continue;
                }
            }
            views.add(new View(name, v[1], null, v[3], v[4], v[2], algorithm));
        }
        return views;
    }

    /**
     * Why a view that failed to be used is broken, or null when its body is fine. 1356 means either references that
     * are gone or a DEFINER without rights, so the body itself (as information_schema keeps it, fully qualified) is
     * run as the reading account: if that works, the trouble is the DEFINER, which the DEFINER rules handle.
     * 1146/1054/1305 are a table, column or function that is gone; other errors (no SELECT for the reading account)
     * say nothing about the view.
     */
    private static String brokenBody(Connection c, SQLException used, String definition) {
        if (used.getErrorCode() != 1356) {
            return java.util.Set.of(1146, 1054, 1305).contains(used.getErrorCode()) ? used.getMessage() : null;
        }
        if (definition == null || definition.isBlank()) {
            return used.getMessage();
        }
        try {
            Jdbc.queryPlain(c, "SELECT * FROM (" + definition + ") AS dbshift_view_body LIMIT 0", rs -> null);
            return null;
        } catch (SQLException body) {
            return java.util.Set.of(1146, 1054, 1305, 1356).contains(body.getErrorCode()) ? body.getMessage() : null;
        }
    }

    private List<Routine> readRoutines(Connection c, String schema, List<ReadProblem> problems) throws SQLException {
        List<Routine> routines = new ArrayList<>();
        List<String[]> rows = Jdbc.query(c, sql("routines"), rs -> new String[] { rs.getString("ROUTINE_NAME"),
                rs.getString("ROUTINE_TYPE"), rs.getString("DTD_IDENTIFIER"), rs.getString("IS_DETERMINISTIC"),
                rs.getString("SQL_DATA_ACCESS"), rs.getString("SECURITY_TYPE"), rs.getString("SQL_MODE"),
                rs.getString("ROUTINE_COMMENT"), rs.getString("DEFINER") }, schema);
        for (String[] r : rows) {
            QualifiedName name = new QualifiedName(schema, r[0]);
            Routine.Kind kind = Routine.Kind.valueOf(r[1]);
            String create;
            try {
                create = Jdbc.queryPlain(c, "SHOW CREATE " + kind + " " + MySqlQuoting.INSTANCE.quote(name),
                        rs -> rs.getString(3)).get(0);
            } catch (SQLException e) {
                problems.add(new ReadProblem(kind.name().toLowerCase(Locale.ROOT), name.toString(), e.getMessage()));
                continue;
            }
            if (create == null) {
                problems.add(new ReadProblem(kind.name().toLowerCase(Locale.ROOT), name.toString(),
                        "the server did not show its definition (the reading user lacks SHOW_ROUTINE or SELECT on mysql.proc)"));
                continue;
            }
            routines.add(new Routine(name, kind, null, r[2], null, stripDefiner(create), r[8], r[5], "YES".equals(r[3]), r[4],
                    emptyToNull(r[7]), r[6]));
        }
        return routines;
    }

    private List<Trigger> readTriggers(Connection c, String schema) throws SQLException {
        return Jdbc.query(c, sql("triggers"), rs -> new Trigger(new QualifiedName(schema, rs.getString("TRIGGER_NAME")),
                new QualifiedName(schema, rs.getString("EVENT_OBJECT_TABLE")), rs.getString("ACTION_TIMING"),
                rs.getString("EVENT_MANIPULATION"), rs.getString("ACTION_STATEMENT"), null, rs.getString("DEFINER"),
                rs.getString("SQL_MODE"), rs.getInt("ACTION_ORDER")), schema);
    }

    private List<Event> readEvents(Connection c, String schema, List<ReadProblem> problems) throws SQLException {
        List<Event> events = new ArrayList<>();
        List<String[]> rows;
        try {
            rows = Jdbc.query(c, sql("events"), rs -> new String[] { rs.getString("EVENT_NAME"),
                    rs.getString("DEFINER"), rs.getString("STATUS"), rs.getString("ON_COMPLETION"),
                    rs.getString("EVENT_COMMENT"), rs.getString("SQL_MODE"), rs.getString("EVENT_DEFINITION") }, schema);
        } catch (SQLException e) {
            // MariaDB refuses to list events while its scheduler is DISABLED (e.g. under skip-grant-tables)
            String count = null;
            try {
                count = Jdbc.scalar(c, "SELECT COUNT(*) FROM mysql.event WHERE db = ?", schema);
            } catch (SQLException ignored) {
                // no access to mysql.event either: report what the server said
            }
            if (!"0".equals(count)) {
                problems.add(new ReadProblem("events", "`" + schema + "`", "cannot list events: " + e.getMessage()));
            }
            return events;
        }
        for (String[] e : rows) {
            QualifiedName name = new QualifiedName(schema, e[0]);
            String create;
            try {
                create = stripDefiner(Jdbc.queryPlain(c, "SHOW CREATE EVENT " + MySqlQuoting.INSTANCE.quote(name),
                        rs -> rs.getString(4)).get(0));
            } catch (SQLException ex) {
                problems.add(new ReadProblem("event", name.toString(), ex.getMessage()));
                continue;
            }
            Matcher m = Pattern.compile("ON SCHEDULE (.*?) ON COMPLETION", Pattern.DOTALL).matcher(create);
            String schedule = m.find() ? m.group(1).trim() : null;
            if (schedule == null) {
                problems.add(new ReadProblem("event", name.toString(), "cannot find the schedule in: " + create));
                continue;
            }
            events.add(new Event(name, schedule, "PRESERVE".equalsIgnoreCase(e[3]), e[2], e[6], e[1], emptyToNull(e[4]),
                    e[5]));
        }
        return events;
    }

    private List<Sequence> readSequences(Connection c, String schema, List<String> names, List<ReadProblem> problems) {
        List<Sequence> sequences = new ArrayList<>();
        for (String n : names) {
            QualifiedName name = new QualifiedName(schema, n);
            try {
                sequences.addAll(Jdbc.queryPlain(c, "SELECT start_value, minimum_value, maximum_value, increment, "
                        + "cycle_option, cache_size, next_not_cached_value FROM " + MySqlQuoting.INSTANCE.quote(name),
                        rs -> new Sequence(name, DataType.of("bigint"), rs.getLong(1), rs.getLong(4), rs.getLong(2),
                                rs.getLong(3), rs.getInt(5) == 1, rs.getLong(6), rs.getLong(7))));
            } catch (SQLException e) {
                problems.add(new ReadProblem("sequence", name.toString(), e.getMessage()));
            }
        }
        return sequences;
    }

    private List<Principal> readPrincipals(Connection c, List<ReadProblem> problems) throws SQLException {
        List<Principal> principals = new ArrayList<>();
        List<String[]> accounts;
        try {
            accounts = Jdbc.query(c, sql(mariaDb ? "users-mariadb" : "users-mysql"), rs -> new String[] { rs.getString(1),
                    rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6) });
        } catch (SQLException e) {
            problems.add(new ReadProblem("users", "mysql.user",
                    "cannot read accounts (the reading user needs SELECT on mysql.user): " + e.getMessage()));
            return principals;
        }
        for (String[] a : accounts) {
            String user = a[0];
            String host = a[1];
            if (user.isEmpty() || SYSTEM_ACCOUNTS.contains(user) || (user.equals("root") && !"1".equals(a[5]))) {
                continue;
            }
            List<Grant> grants = new ArrayList<>();
            List<String> roles = new ArrayList<>();
            try {
                for (String g : Jdbc.queryPlain(c, "SHOW GRANTS FOR " + MySqlQuoting.INSTANCE.literal(user) + "@"
                        + MySqlQuoting.INSTANCE.literal(host), rs -> rs.getString(1))) {
                    Grant grant = parseGrant(g);
                    if (grant != null) {
                        grants.add(grant);
                    } else {
                        Matcher rm = ROLE_GRANT.matcher(g);
                        if (rm.matches() && !g.toUpperCase(Locale.ROOT).contains(" ON ")) {
                            for (String role : rm.group(1).split(",")) {
                                roles.add(role.trim());
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                problems.add(new ReadProblem("user", "'" + user + "'@'" + host + "'", "cannot read grants: " + e.getMessage()));
                continue;
            }
            boolean isRole = "1".equals(a[5]);
            principals.add(new Principal(isRole ? Principal.Kind.ROLE : Principal.Kind.USER, user, isRole && mariaDb ? null : host,
                    a[2], a[3], "Y".equalsIgnoreCase(a[4]), roles, grants, null));
        }
        return principals;
    }

    static Grant parseGrant(String statement) {
        Matcher m = GRANT.matcher(statement.trim());
        if (!m.matches() || !statement.toUpperCase(Locale.ROOT).contains(" ON ")) {
            return null;
        }
        List<String> privileges = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char ch : m.group(1).toCharArray()) {
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            }
            if (ch == ',' && depth == 0) {
                privileges.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        privileges.add(current.toString().trim());
        String level = (m.group(2) == null ? "" : m.group(2).toUpperCase(Locale.ROOT) + " ") + m.group(3);
        return new Grant(statement.trim(), privileges, level, m.group(4) != null);
    }

    /** Removes {@code DEFINER=user@host} from a CREATE statement; the model keeps the definer apart. */
    static String stripDefiner(String create) {
        Matcher m = DEFINER_CLAUSE.matcher(create);
        return m.find() ? m.group(1) + create.substring(m.end()) : create;
    }

    static String charsetOf(String collation) {
        if (collation == null) {
            return null;
        }
        int cut = collation.indexOf('_');
        return cut < 0 ? collation : collation.substring(0, cut);
    }

    private static String rowFormat(String createOptions) {
        if (createOptions == null) {
            return null;
        }
        Matcher m = Pattern.compile("row_format=(\\w+)", Pattern.CASE_INSENSITIVE).matcher(createOptions);
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : null;
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static final class IndexBuilder {
        final String name;
        boolean unique;
        String type;
        String comment;
        boolean invisible;
        final List<IndexColumn> columns = new ArrayList<>();

        IndexBuilder(String name) {
            this.name = name;
        }
    }

    private static final class TableBuilder {
        final QualifiedName name;
        TableOptions options = TableOptions.none();
        TableStats stats = TableStats.UNKNOWN;
        boolean partitioned;
        boolean broken;
        final List<Column> columns = new ArrayList<>();
        PrimaryKey primaryKey;
        final List<Index> indexes = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        final Map<String, String> columnChecks = new LinkedHashMap<>();

        TableBuilder(QualifiedName name) {
            this.name = name;
        }

        Table build(boolean mariaDb) {
            List<Column> cols = new ArrayList<>(columns);
            if (mariaDb) {
                // MariaDB's JSON is LONGTEXT with a json_valid() check of the same name as the column
                for (Map.Entry<String, String> check : columnChecks.entrySet()) {
                    String clause = check.getValue().replaceAll("\\s", "").toLowerCase(Locale.ROOT);
                    int i = indexOf(cols, check.getKey());
                    if (i >= 0 && clause.equals("json_valid(`" + check.getKey().toLowerCase(Locale.ROOT) + "`)")
                            && cols.get(i).type().name().equals("longtext")) {
                        Column col = cols.get(i);
                        cols.set(i, col.toBuilder().type(DataType.of("json")).charset(null).collation(null).build());
                    } else {
                        checks.add(new CheckConstraint(check.getKey(), check.getValue(), true));
                    }
                }
            }
            return new Table(name, cols, primaryKey, indexes, foreignKeys, checks, options, stats);
        }

        private static int indexOf(List<Column> cols, String name) {
            for (int i = 0; i < cols.size(); i++) {
                if (cols.get(i).name().equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
