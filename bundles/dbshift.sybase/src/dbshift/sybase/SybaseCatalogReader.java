package dbshift.sybase;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dbshift.core.engine.CatalogReader;
import dbshift.core.engine.Jdbc;
import dbshift.core.engine.SqlResources;
import dbshift.core.engine.TableBuilder;
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
import dbshift.core.model.ReadProblem;
import dbshift.core.model.Routine;
import dbshift.core.model.Schema;
import dbshift.core.model.Table;
import dbshift.core.model.TableStats;
import dbshift.core.model.Trigger;
import dbshift.core.model.View;

/**
 * Reads an SAP ASE 15.7/16 database from its system tables (sysobjects, syscolumns, systypes, sysindexes,
 * sysreferences, sysconstraints, syscomments; queries in {@code sql/}). Object owners become schemas. Module and
 * constraint texts come from syscomments, joined from their 255-character pieces. Logins, users and permissions
 * are not read yet: that is reported.
 *
 * <p>
 * Not verified against a live server (none can run where DBShift is built); see README.
 */
public final class SybaseCatalogReader implements CatalogReader {

    private static String sql(String name) {
        return SqlResources.load(SybaseCatalogReader.class, name);
    }

    @Override
    public List<String> schemas(Connection c) throws SQLException {
        return Jdbc.queryPlain(c, sql("schemas"), rs -> rs.getString(1));
    }

    @Override
    public Catalog read(Connection c, List<String> schemas, boolean principals) throws SQLException {
        Set<String> wanted = new LinkedHashSet<>(schemas == null ? schemas(c) : schemas);
        Map<String, String> settings = new TreeMap<>();
        String[] version = new String[1];
        Jdbc.queryPlain(c, sql("settings"), rs -> {
            version[0] = rs.getString("version");
            settings.put("database", rs.getString("database_name"));
            settings.put("charset", rs.getString("charset"));
            settings.put("sortorder", rs.getString("sortorder"));
            return null;
        });
        List<ReadProblem> problems = new ArrayList<>();
        Map<Integer, String> texts = new HashMap<>();
        Jdbc.queryPlain(c, sql("object-text"), rs -> {
            texts.merge(rs.getInt("id"), rs.getString("text"), String::concat);
            return null;
        });
        Map<String, TableBuilder> tables = new LinkedHashMap<>();
        Jdbc.queryPlain(c, sql("tables"), rs -> {
            String owner = rs.getString("owner_name");
            if (!wanted.contains(owner)) {
                return null;
            }
            TableBuilder t = new TableBuilder();
            t.name = new QualifiedName(owner, rs.getString("table_name"));
            t.stats = new TableStats(Jdbc.longOrNull(rs, "row_count"), null, null);
            t.extra.put("lock", rs.getString("lock_scheme"));
            if (rs.getInt("is_proxy") == 1) {
                problems.add(new ReadProblem("table", t.name.toString(), "is a proxy table (Component Integration Services); "
                        + "its data lives on another server and it is not migrated"));
                return null;
            }
            tables.put(owner + "\0" + t.name.name(), t);
            return null;
        });
        Jdbc.queryPlain(c, sql("columns"), rs -> {
            TableBuilder t = tables.get(rs.getString("owner_name") + "\0" + rs.getString("table_name"));
            if (t == null) {
                return null;
            }
            String name = rs.getString("column_name");
            boolean userType = rs.getInt("usertype") >= 100;
            String typeName = userType && rs.getString("base_type_name") != null ? rs.getString("base_type_name")
                    : rs.getString("type_name");
            DataType type = SybaseTypes.fromCatalog(typeName, rs.getInt("length"), Jdbc.longOrNull(rs, "prec") == null ? null
                    : rs.getInt("prec"), Jdbc.longOrNull(rs, "scale") == null ? null : rs.getInt("scale"));
            Column.Builder b = Column.builder(name, type).nullable(rs.getInt("is_nullable") == 1);
            if (rs.getInt("is_identity") == 1) {
                b.identity(new Column.Identity(1, 1));
            }
            long computed = rs.getLong("computedcol");
            if (!rs.wasNull() && computed != 0 && texts.containsKey((int) computed)) {
                String text = texts.get((int) computed).trim();
                b.generated(text.replaceFirst("(?is)^AS\\s+", "").replaceFirst("(?is)\\s+MATERIALIZED\\s*$", ""),
                        text.toUpperCase(java.util.Locale.ROOT).endsWith("MATERIALIZED"));
            }
            long def = rs.getLong("cdefault");
            if (!rs.wasNull() && def != 0 && texts.containsKey((int) def)) {
                String text = texts.get((int) def).trim();
                // inline defaults are kept as "DEFAULT expr", bound ones as "create default name as expr"
                String expr = text.replaceFirst("(?is)^DEFAULT\\s+", "").replaceFirst("(?is)^create\\s+default\\s+\\S+\\s+as\\s+", "");
                b.defaultValue(DefaultValue.expression("(" + expr.trim() + ")"));
            }
            if (userType) {
                t.extra.put("usertype:" + name, rs.getString("type_name"));
            }
            t.columns.add(b.build());
            return null;
        });
        Jdbc.queryPlain(c, sql("indexes"), rs -> {
            TableBuilder t = tables.get(rs.getString("owner_name") + "\0" + rs.getString("table_name"));
            if (t == null) {
                return null;
            }
            List<IndexColumn> cols = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                String k = rs.getString("k" + i);
                if (k != null) {
                    cols.add(new IndexColumn(k, null, null, "DESC".equalsIgnoreCase(rs.getString("o" + i))));
                }
            }
            if (rs.getInt("keycnt") > 9) {
                problems.add(new ReadProblem("index", t.name + " " + rs.getString("index_name"), "has more than eight key columns; "
                        + "only the first eight are read"));
            }
            boolean clustered = rs.getInt("is_clustered") == 1;
            if (rs.getInt("is_primary_key") == 1) {
                t.primaryKey = new PrimaryKey(rs.getString("index_name"), cols, clustered);
            } else {
                t.indexes.add(new Index(rs.getString("index_name"), rs.getInt("is_unique") == 1, clustered ? Index.Kind.CLUSTERED
                        : Index.Kind.NONCLUSTERED, cols, List.of(), null, false, null, null, rs.getInt("is_constraint") == 1));
            }
            return null;
        });
        Jdbc.queryPlain(c, sql("foreign-keys"), rs -> {
            TableBuilder t = tables.get(rs.getString("owner_name") + "\0" + rs.getString("table_name"));
            if (t == null) {
                return null;
            }
            String fk = rs.getString("fk_name");
            if (rs.getString("pmrydbname") != null) {
                problems.add(new ReadProblem("foreign key", fk, "refers to a table in database " + rs.getString("pmrydbname")
                        + "; SQL Server foreign keys cannot cross databases"));
                return null;
            }
            List<String> cols = new ArrayList<>();
            List<String> refs = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                if (rs.getString("f" + i) != null) {
                    cols.add(rs.getString("f" + i));
                    refs.add(rs.getString("r" + i));
                }
            }
            t.foreignKeys.add(new ForeignKey(fk, cols, new QualifiedName(rs.getString("ref_owner"), rs.getString("ref_table")), refs,
                    "NO ACTION", "NO ACTION"));
            return null;
        });
        Jdbc.queryPlain(c, sql("checks"), rs -> {
            TableBuilder t = tables.get(rs.getString("owner_name") + "\0" + rs.getString("table_name"));
            String text = texts.get(rs.getInt("constrid"));
            if (t == null || text == null) {
                return null;
            }
            String expr = text.trim().replaceFirst("(?is)^CONSTRAINT\\s+\\S+\\s+", "").replaceFirst("(?is)^CHECK\\s*", "");
            t.checks.add(new CheckConstraint(rs.getString("check_name"), expr.trim(), true));
            return null;
        });
        Map<String, List<View>> views = new HashMap<>();
        Map<String, List<Routine>> routines = new HashMap<>();
        Map<String, List<Trigger>> triggers = new HashMap<>();
        Jdbc.queryPlain(c, sql("modules"), rs -> {
            String owner = rs.getString("owner_name");
            if (!wanted.contains(owner)) {
                return null;
            }
            QualifiedName name = new QualifiedName(owner, rs.getString("object_name"));
            String text = texts.get(rs.getInt("id"));
            String type = rs.getString("type").trim();
            if (text == null) {
                problems.add(new ReadProblem(type, name.toString(), "has no text in syscomments (hidden with sp_hidetext?)"));
                return null;
            }
            switch (type) {
                case "V" -> views.computeIfAbsent(owner, k -> new ArrayList<>()).add(new View(name, null, text.trim(), null, null,
                        null, null));
                case "P", "SF" -> routines.computeIfAbsent(owner, k -> new ArrayList<>()).add(new Routine(name,
                        type.equals("P") ? Routine.Kind.PROCEDURE : Routine.Kind.FUNCTION, null, null, null, text.trim(), null, null,
                        false, null, null, null));
                default -> triggers.computeIfAbsent(owner, k -> new ArrayList<>()).add(new Trigger(name,
                        new QualifiedName(owner, rs.getString("table_name")), "AFTER", null, null, text.trim(), null, null, 0));
            }
            return null;
        });
        if (principals) {
            problems.add(new ReadProblem("principals", "logins and users", "ASE logins, users and permissions are not read by "
                    + "DBShift yet; create them on the target by hand"));
        }
        List<Schema> out = new ArrayList<>();
        for (String s : wanted) {
            List<Table> ts = new ArrayList<>();
            for (TableBuilder t : tables.values()) {
                if (t.name.schema().equals(s)) {
                    ts.add(t.build());
                }
            }
            out.add(new Schema(s, null, null, ts, views.getOrDefault(s, List.of()), routines.getOrDefault(s, List.of()),
                    triggers.getOrDefault(s, List.of()), List.of(), List.of(), List.of(), List.of()));
        }
        return new Catalog(SybaseDialect.ID, version[0], settings, out, List.of(), problems);
    }
}
