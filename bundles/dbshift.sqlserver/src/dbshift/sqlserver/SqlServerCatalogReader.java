package dbshift.sqlserver;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
import dbshift.core.model.Synonym;
import dbshift.core.model.Table;
import dbshift.core.model.TableStats;
import dbshift.core.model.Trigger;
import dbshift.core.model.UserDefinedType;
import dbshift.core.model.View;

/**
 * Reads a SQL Server 2012+ or Azure SQL catalog from the sys.* catalog views of the connected database (queries
 * in {@code sql/}, one per file). Server-level facts the assessment needs (linked servers, Agent jobs, server
 * triggers, trace flags, xp_cmdshell, SSISDB) go into the catalog's settings; a query the server or the login's
 * permissions refuse is a {@link ReadProblem}, never a silent gap.
 *
 * <p>
 * Not verified against a live server (none can run where DBShift is built); the queries follow the documented
 * columns of each catalog view, see README.
 */
public final class SqlServerCatalogReader implements CatalogReader {

    /** Setting: "false" where the server has no clustered indexes (Babelfish). */
    public static final String CLUSTERED_INDEXES = "clustered_indexes";
    /** Setting: the Babelfish version where the server is Babelfish for PostgreSQL. */
    public static final String BABELFISH = "babelfish";

    private static String sql(String name) {
        return SqlResources.load(SqlServerCatalogReader.class, name);
    }

    @Override
    public List<String> schemas(Connection c) throws SQLException {
        return Jdbc.query(c, sql("schemas"), rs -> rs.getString(1));
    }

    private static final class Read {
        final Connection c;
        final Set<String> wanted;
        final Map<String, String> settings = new TreeMap<>();
        final Map<String, Set<String>> features = new TreeMap<>();
        final List<ReadProblem> problems = new ArrayList<>();
        final Map<String, TableBuilder> tables = new LinkedHashMap<>();
        final Set<String> ambiguousIdentity = new LinkedHashSet<>();

        Read(Connection c, Set<String> wanted) {
            this.c = c;
            this.wanted = wanted;
        }

        boolean inScope(String schema) {
            return schema != null && wanted.contains(schema);
        }

        void feature(String key, String value) {
            features.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(value);
        }

        /** Runs an optional query: a refusal (permissions, Azure) is recorded as a problem of that area. */
        void optional(String area, String query, Jdbc.RowMapper<Void> row) {
            try {
                // plain statements: DBCC and some server views do not go through sp_prepare
                Jdbc.queryPlain(c, sql(query), row);
            } catch (SQLException e) {
                problems.add(ReadProblem.catalogGap("server", area, "not read (" + e.getMessage()
                        + "); the assessment cannot check it - check it on the source by hand"));
            }
        }
    }

    @FunctionalInterface
    private interface Area {
        void read() throws SQLException;
    }

    /**
     * Reads one area of the catalog on its own: a catalog view the server lacks or the login may not see becomes a
     * read problem naming the view and what was not read, and the rest of the catalog is still read.
     */
    private static boolean area(Read r, String what, String views, Area body) {
        return area(r, what, views, false, body);
    }

    /** As above; {@code gap}: nothing of the migration depends on it (sizes, server facts, a view with a fallback). */
    private static boolean area(Read r, String what, String views, boolean gap, Area body) {
        try {
            body.read();
            return true;
        } catch (SQLException e) {
            String message = "not read (" + e.getMessage() + "): " + what;
            r.problems.add(gap ? ReadProblem.catalogGap("catalog", views, message) : new ReadProblem("catalog", views, message));
            return false;
        }
    }

    @Override
    public Catalog read(Connection c, List<String> schemas, boolean principals) throws SQLException {
        Set<String> wanted = new LinkedHashSet<>(schemas == null ? schemas(c) : schemas);
        Read r = new Read(c, wanted);
        String[] version = new String[1];
        area(r, "server version, edition and database settings; the assessment assumes defaults",
                "SERVERPROPERTY, sys.databases", true, () -> version[0] = settings(r));
        babelfish(r);
        features(r);
        Map<String, Schema> out = new LinkedHashMap<>();
        for (String s : wanted) {
            out.put(s, Schema.empty(s, null, null));
        }
        if (!wanted.isEmpty()) {
            // without the table list nothing else can be read: the simpler query is the fallback, its failure is the read's
            if (!area(r, "filegroups and FileTables of the tables; tables read by name only", "sys.tables, sys.indexes, sys.data_spaces",
                    true, () -> tables(r))) {
                tablesByName(r);
            }
            sizes(r);
            area(r, "columns (no table can be created or copied without them)", "sys.columns, sys.types, sys.identity_columns, "
                    + "sys.computed_columns, sys.default_constraints, sys.xml_schema_collections", () -> columns(r));
            area(r, "primary keys, unique constraints and indexes", "sys.indexes, sys.index_columns, sys.key_constraints",
                    () -> indexes(r));
            area(r, "foreign keys", "sys.foreign_keys, sys.foreign_key_columns", () -> foreignKeys(r));
            area(r, "check constraints", "sys.check_constraints", () -> checks(r));
            Map<String, List<Table>> bySchema = new LinkedHashMap<>();
            r.tables.values().forEach(t -> bySchema.computeIfAbsent(t.name.schema(), k -> new ArrayList<>()).add(t.build()));
            Map<String, List<View>> views = new HashMap<>();
            area(r, "views", "sys.views, sys.sql_modules", () -> views.putAll(views(r)));
            Map<String, List<Routine>> routines = new HashMap<>();
            area(r, "procedures and functions", "sys.objects, sys.sql_modules", () -> routines.putAll(routines(r)));
            Map<String, List<Trigger>> triggers = new HashMap<>();
            area(r, "triggers", "sys.triggers, sys.sql_modules", () -> triggers.putAll(triggers(r)));
            Map<String, List<Sequence>> sequences = sequences(r);
            Map<String, List<Synonym>> synonyms = new HashMap<>();
            area(r, "synonyms", "sys.synonyms", () -> synonyms.putAll(synonyms(r)));
            Map<String, List<UserDefinedType>> types = new HashMap<>();
            area(r, "alias types", "sys.types", () -> types.putAll(types(r)));
            for (String s : wanted) {
                out.put(s, new Schema(s, null, null, bySchema.getOrDefault(s, List.of()), views.getOrDefault(s, List.of()),
                        routines.getOrDefault(s, List.of()), triggers.getOrDefault(s, List.of()), List.of(),
                        sequences.getOrDefault(s, List.of()), synonyms.getOrDefault(s, List.of()), types.getOrDefault(s, List.of())));
            }
        }
        List<Principal> people = new ArrayList<>();
        if (principals) {
            area(r, "database users, roles, memberships and permissions", "sys.database_principals, "
                    + "sys.database_role_members, sys.database_permissions", () -> people.addAll(principals(r)));
        }
        r.features.forEach((k, v) -> r.settings.put(k, String.join(",", v)));
        r.settings.put(Catalog.SCOPE_SETTING, "database " + (r.settings.get("database") == null ? "(unknown)"
                : r.settings.get("database")) + ", schemas " + (wanted.isEmpty() ? "(none)" : String.join(", ", wanted))
                + " (sys.schemas, sys.tables)");
        return new Catalog(SqlServerDialect.ID, version[0], r.settings, new ArrayList<>(out.values()), people, r.problems);
    }

    private static String settings(Read r) throws SQLException {
        String[] version = new String[1];
        Jdbc.query(r.c, sql("settings"), rs -> {
            version[0] = rs.getString("product_version");
            r.settings.put("edition", rs.getString("edition"));
            r.settings.put("engine_edition", rs.getString("engine_edition"));
            r.settings.put("database", rs.getString("database_name"));
            r.settings.put("compatibility_level", rs.getString("compatibility_level"));
            r.settings.put("collation", rs.getString("collation_name"));
            r.settings.put("read_committed_snapshot", rs.getString("is_read_committed_snapshot_on"));
            r.settings.put("snapshot_isolation", rs.getString("snapshot_isolation_state_desc"));
            r.settings.put("containment", rs.getString("containment_desc"));
            r.settings.put("broker_enabled", rs.getString("is_broker_enabled"));
            return null;
        });
        return version[0];
    }

    /**
     * Babelfish for PostgreSQL answers as SQL Server 12.0 and says what it is in @@VERSION; its catalog differs in
     * ways the reader and the comparison must know (no clustered indexes, index names with a suffix of its own).
     */
    private static void babelfish(Read r) {
        area(r, "the server's identity (@@VERSION)", "@@VERSION", true, () -> {
            String v = Jdbc.scalar(r.c, "SELECT @@VERSION");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Babelfish (\\d+(?:\\.\\d+)*)").matcher(v == null ? "" : v);
            if (m.find()) {
                r.settings.put(BABELFISH, m.group(1));
                r.settings.put(CLUSTERED_INDEXES, "false");
            }
        });
    }

    /** Server-level features; on Azure SQL Database the server-level ones do not exist and are skipped. */
    private static void features(Read r) {
        boolean azureDb = "5".equals(r.settings.get("engine_edition"));
        r.optional("assemblies", "assemblies", rs -> {
            r.feature("clr_assemblies", rs.getString(1));
            return null;
        });
        r.optional("temporal tables", "temporal-tables", rs -> {
            r.feature(rs.getInt(2) == 2 ? "temporal_tables" : "temporal_history_tables", rs.getString(1));
            return null;
        });
        r.optional("memory-optimized tables", "memory-optimized-tables", rs -> {
            r.feature("memory_optimized_tables", rs.getString(1));
            return null;
        });
        r.optional("service broker", "service-broker", rs -> {
            r.feature("service_broker", rs.getString(1));
            return null;
        });
        if (azureDb) {
            return;
        }
        r.optional("linked servers", "linked-servers", rs -> {
            r.feature("linked_servers", rs.getString(1));
            return null;
        });
        r.optional("SQL Server Agent jobs", "agent-jobs", rs -> {
            r.feature("agent_jobs", rs.getString(1));
            return null;
        });
        r.optional("server triggers", "server-triggers", rs -> {
            r.feature("server_triggers", rs.getString(1));
            return null;
        });
        r.optional("trace flags", "trace-flags", rs -> {
            if (rs.getInt(3) == 1 && rs.getInt(2) == 1) {
                r.feature("trace_flags", rs.getString(1));
            }
            return null;
        });
        r.optional("xp_cmdshell", "xp-cmdshell", rs -> {
            if (rs.getInt(1) == 1) {
                r.feature("xp_cmdshell", "enabled");
            }
            return null;
        });
        r.optional("SSIS catalog", "ssisdb", rs -> {
            if (rs.getInt(1) == 1) {
                r.feature("ssisdb", "SSISDB");
            }
            return null;
        });
    }

    private static String key(String schema, String table) {
        return schema + "\0" + table;
    }

    private static void tables(Read r) throws SQLException {
        Map<String, TableBuilder> read = new LinkedHashMap<>();
        Jdbc.query(r.c, sql("tables"), rs -> {
            String schema = rs.getString("schema_name");
            if (!r.inScope(schema)) {
                return null;
            }
            TableBuilder t = new TableBuilder();
            t.name = new QualifiedName(schema, rs.getString("table_name"));
            String space = rs.getString("data_space");
            String spaceType = rs.getString("data_space_type");
            if ("PS".equals(spaceType)) {
                r.feature("partition_schemes", space);
            } else if (space != null && !space.equalsIgnoreCase("PRIMARY")) {
                t.extra.put(SqlServerDdlWriter.FILEGROUP, space);
            }
            if (rs.getBoolean("is_filetable")) {
                r.feature("filetables", t.name.toString());
                r.problems.add(new ReadProblem("table", t.name.toString(), "is a FileTable, which DBShift does not migrate"));
                return null;
            }
            read.put(key(schema, t.name.name()), t);
            return null;
        });
        r.tables.putAll(read);
    }

    /** The fallback table list: names only (no filegroups, no FileTable check). */
    private static void tablesByName(Read r) throws SQLException {
        Jdbc.query(r.c, sql("tables-basic"), rs -> {
            String schema = rs.getString("schema_name");
            if (r.inScope(schema)) {
                TableBuilder t = new TableBuilder();
                t.name = new QualifiedName(schema, rs.getString("table_name"));
                r.tables.put(key(schema, t.name.name()), t);
            }
            return null;
        });
    }

    /** Row counts and sizes are optional (they size the copy's slices): sizes, else row estimates, else unknown. */
    private static void sizes(Read r) {
        Jdbc.RowMapper<Void> row = rs -> {
            TableBuilder t = r.tables.get(key(rs.getString("schema_name"), rs.getString("table_name")));
            if (t != null) {
                Long rows = Jdbc.longOrNull(rs, "row_count");
                Long bytes = rs.getMetaData().getColumnCount() > 3 ? Jdbc.longOrNull(rs, "data_bytes") : null;
                t.stats = new TableStats(rows == null || rows < 0 ? null : rows, bytes, t.stats.nextAutoIncrement());
            }
            return null;
        };
        if (area(r, "table sizes; row estimates are read from sys.partitions instead", "sys.allocation_units", true,
                () -> Jdbc.query(r.c, sql("table-sizes"), row))) {
            return;
        }
        area(r, "row count estimates; slices are sized without them", "sys.partitions", true,
                () -> Jdbc.query(r.c, sql("table-rows"), row));
    }

    private static void columns(Read r) throws SQLException {
        Jdbc.query(r.c, sql("columns"), rs -> {
            TableBuilder t = r.tables.get(key(rs.getString("schema_name"), rs.getString("table_name")));
            if (t == null) {
                return null;
            }
            String name = rs.getString("column_name");
            if (t.columns.stream().anyMatch(c -> c.name().equals(name))) {
                // a catalog that joins one column to several identity rows: its last value is not known
                if (t.stats.nextAutoIncrement() != null && r.ambiguousIdentity.add(t.name + "." + name)) {
                    r.problems.add(ReadProblem.catalogGap("column", t.name + ".\"" + name + "\"", "sys.identity_columns returned "
                            + "more than one row for this identity column; its last value is not known, the target's "
                            + "identity is reseeded from the copied rows"));
                    t.stats = new TableStats(t.stats.estimatedRows(), t.stats.dataBytes(), null);
                }
                return null;
            }
            try {
                t.columns.add(column(r, t, rs, name));
            } catch (IllegalArgumentException | ArithmeticException e) {
                r.problems.add(new ReadProblem("column", t.name + ".\"" + name + "\"", e.getMessage()));
            }
            return null;
        });
    }

    private static Column column(Read r, TableBuilder t, ResultSet rs, String name) throws SQLException {
        DataType type;
        String typeName = rs.getString("type_name");
        if (rs.getBoolean("is_user_defined")) {
            if (rs.getBoolean("is_assembly_type")) {
                r.feature("clr_types", rs.getString("type_schema") + "." + typeName);
            }
            type = SqlServerTypes.userType(rs.getString("type_schema"), typeName);
            if (rs.getString("base_type_name") != null && !rs.getBoolean("is_assembly_type")) {
                t.extra.put(SqlServerTypes.BASE_TYPE + name, SqlServerTypes.render(SqlServerTypes.fromCatalog(
                        rs.getString("base_type_name"), rs.getInt("max_length"), rs.getInt("precision"), rs.getInt("scale"))));
            }
        } else {
            type = SqlServerTypes.fromCatalog(typeName, rs.getInt("max_length"), rs.getInt("precision"), rs.getInt("scale"));
            if (r.settings.containsKey(BABELFISH) && rs.getBoolean("is_computed") && rs.getInt("precision") == 38
                    && rs.getInt("scale") == 38 && (typeName.equals("numeric") || typeName.equals("decimal"))) {
                // Babelfish shows the unconstrained PostgreSQL numeric of an expression as numeric(38,38), which holds no
                // integer digit; SQL Server would derive the type from the operands
                type = DataType.decimal(typeName, 38, 10);
                r.problems.add(ReadProblem.catalogGap("column", t.name + ".\"" + name + "\"", "Babelfish reports this computed "
                        + "column as numeric(38,38) (an unconstrained numeric); it is read as decimal(38,10) - check the "
                        + "scale its values need"));
            }
            if (typeName.equalsIgnoreCase("xml") && rs.getString("xml_collection_name") != null) {
                type = DataType.of("xml").withValues(List.of(rs.getBoolean("is_xml_document") ? "DOCUMENT" : "CONTENT",
                        rs.getString("xml_collection_schema"), rs.getString("xml_collection_name")));
            }
        }
        Column.Builder b = Column.builder(name, type).nullable(rs.getBoolean("is_nullable"));
        String collation = rs.getString("collation_name");
        String databaseCollation = r.settings.get("collation");
        if (collation != null && !collation.equals(databaseCollation)) {
            b.collation(collation);
        }
        if (rs.getBoolean("is_identity")) {
            BigDecimal seedValue = rs.getBigDecimal("seed_value");
            BigDecimal incrementValue = rs.getBigDecimal("increment_value");
            if (seedValue == null || incrementValue == null) {
                // seen on Babelfish 4.2 after DBCC CHECKIDENT: the column is IDENTITY, the view has lost its numbers
                r.problems.add(ReadProblem.catalogGap("column", t.name + ".\"" + name + "\"", "sys.identity_columns has no seed or "
                        + "increment for this identity column; IDENTITY(1,1) is assumed"));
            }
            long seed = seedValue == null ? 1 : exact(seedValue, "identity seed");
            long increment = incrementValue == null ? 1 : exact(incrementValue, "identity increment");
            b.identity(new Column.Identity(seed, increment));
            BigDecimal last = rs.getBigDecimal("last_value");
            // the value the next row gets: the seed when no row was ever inserted
            long next = last == null ? seed : exact(last, "identity last value") + increment;
            t.stats = new TableStats(t.stats.estimatedRows(), t.stats.dataBytes(), next);
        }
        if (rs.getBoolean("is_computed")) {
            b.generated(rs.getString("computed_definition"), rs.getBoolean("is_persisted"));
        }
        String defaultDefinition = rs.getString("default_definition");
        if (defaultDefinition != null) {
            b.defaultValue(DefaultValue.expression(defaultDefinition));
            if (!rs.getBoolean("default_system_named")) {
                t.extra.put(SqlServerDdlWriter.DEFAULT_NAME + name, rs.getString("default_name"));
            }
        }
        List<String> attributes = new ArrayList<>();
        if (rs.getBoolean("is_sparse")) {
            attributes.add("SPARSE");
        }
        if (rs.getBoolean("is_rowguidcol")) {
            attributes.add("ROWGUIDCOL");
        }
        if (rs.getBoolean("is_filestream")) {
            attributes.add("FILESTREAM");
        }
        if (rs.getBoolean("is_column_set")) {
            attributes.add("COLUMN_SET FOR ALL_SPARSE_COLUMNS");
        }
        if (!attributes.isEmpty()) {
            t.extra.put(SqlServerDdlWriter.COLUMN_ATTRIBUTES + name, String.join(" ", attributes));
        }
        return b.build();
    }

    private static long exact(BigDecimal v, String what) {
        try {
            return v.longValueExact();
        } catch (ArithmeticException e) {
            throw new ArithmeticException(what + " " + v + " does not fit a 64-bit integer");
        }
    }

    private record IndexInfo(String name, int type, boolean unique, boolean primaryKey, boolean constraint, String filter,
            boolean disabled, boolean systemNamed) {
    }

    /**
     * Babelfish stores an index under its name, the table's name and an MD5 suffix (PostgreSQL's index names are
     * unique per schema) and shows that in sys.indexes; the name the user gave is what CREATE INDEX and DROP INDEX take.
     */
    static String indexName(Read r, String table, String name) {
        if (r.settings.containsKey(BABELFISH) && name != null && name.length() > table.length() + 32
                && name.substring(name.length() - 32).matches("[0-9a-f]{32}")
                && name.regionMatches(true, name.length() - 32 - table.length(), table, 0, table.length())) {
            return name.substring(0, name.length() - 32 - table.length());
        }
        return name;
    }

    private static void indexes(Read r) throws SQLException {
        Map<String, IndexInfo> infos = new LinkedHashMap<>();
        Jdbc.query(r.c, sql("indexes"), rs -> {
            String k = key(rs.getString("schema_name"), rs.getString("table_name"));
            if (!r.tables.containsKey(k)) {
                return null;
            }
            infos.put(k + "\0" + rs.getString("index_name"), new IndexInfo(indexName(r, rs.getString("table_name"),
                    rs.getString("index_name")), rs.getInt("type"),
                    rs.getBoolean("is_unique"), rs.getBoolean("is_primary_key"), rs.getBoolean("is_unique_constraint"),
                    rs.getBoolean("has_filter") ? SqlServerDdlWriter.unwrap(rs.getString("filter_definition")) : null, rs.getBoolean("is_disabled"),
                    rs.getBoolean("is_system_named")));
            String space = rs.getString("data_space");
            if ("PS".equals(rs.getString("data_space_type"))) {
                r.feature("partition_schemes", space);
            }
            return null;
        });
        Map<String, List<IndexColumn>> keys = new HashMap<>();
        Map<String, List<String>> included = new HashMap<>();
        Jdbc.query(r.c, sql("index-columns"), rs -> {
            String k = key(rs.getString("schema_name"), rs.getString("table_name")) + "\0" + rs.getString("index_name");
            IndexInfo info = infos.get(k);
            if (info == null) {
                return null;
            }
            String column = rs.getString("column_name");
            boolean columnstore = info.type == 5 || info.type == 6;
            if (rs.getBoolean("is_included_column") && !columnstore) {
                included.computeIfAbsent(k, x -> new ArrayList<>()).add(column);
            } else if (rs.getInt("key_ordinal") > 0 || columnstore) {
                keys.computeIfAbsent(k, x -> new ArrayList<>()).add(new IndexColumn(column, null, null,
                        rs.getBoolean("is_descending_key")));
            }
            return null;
        });
        for (Map.Entry<String, IndexInfo> e : infos.entrySet()) {
            IndexInfo i = e.getValue();
            String tableKey = e.getKey().substring(0, e.getKey().lastIndexOf('\0'));
            TableBuilder t = r.tables.get(tableKey);
            List<IndexColumn> cols = keys.getOrDefault(e.getKey(), List.of());
            if (i.primaryKey) {
                t.primaryKey = new PrimaryKey(i.systemNamed ? null : i.name, cols, i.type == 1);
                continue;
            }
            Index.Kind kind = switch (i.type) {
                case 1 -> Index.Kind.CLUSTERED;
                case 2 -> Index.Kind.NONCLUSTERED;
                case 4 -> Index.Kind.SPATIAL;
                case 5 -> Index.Kind.CLUSTERED_COLUMNSTORE;
                case 6 -> Index.Kind.NONCLUSTERED_COLUMNSTORE;
                default -> null;
            };
            if (kind == null) {
                r.problems.add(new ReadProblem("index", t.name + " " + i.name, (i.type == 3 ? "XML" : i.type == 7 ? "hash"
                        : "type " + i.type) + " indexes are not migrated by DBShift yet"));
                continue;
            }
            if (kind == Index.Kind.SPATIAL) {
                r.problems.add(new ReadProblem("index", t.name + " " + i.name,
                        "spatial index: its tessellation settings are not read, so it is not migrated; recreate it after the migration"));
                continue;
            }
            t.indexes.add(new Index(i.name, i.unique, kind, cols, included.getOrDefault(e.getKey(), List.of()), i.filter,
                    i.disabled, null, null, i.constraint));
        }
    }

    private static void foreignKeys(Read r) throws SQLException {
        Map<String, Object[]> fks = new LinkedHashMap<>();
        Jdbc.query(r.c, sql("foreign-keys"), rs -> {
            String k = key(rs.getString("schema_name"), rs.getString("table_name"));
            if (!r.tables.containsKey(k)) {
                return null;
            }
            Object[] fk = fks.computeIfAbsent(k + "\0" + rs.getString("fk_name"), x -> {
                try {
                    return new Object[] { k, rs.getString("fk_name"), new QualifiedName(rs.getString("ref_schema"),
                            rs.getString("ref_table")), new ArrayList<String>(), new ArrayList<String>(),
                            rs.getString("delete_referential_action_desc").replace('_', ' '),
                            rs.getString("update_referential_action_desc").replace('_', ' ') };
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            @SuppressWarnings("unchecked")
            List<String> cols = (List<String>) fk[3];
            @SuppressWarnings("unchecked")
            List<String> refCols = (List<String>) fk[4];
            cols.add(rs.getString("column_name"));
            refCols.add(rs.getString("ref_column"));
            if (rs.getBoolean("is_disabled")) {
                r.problems.add(new ReadProblem("foreign key", rs.getString("fk_name"),
                        "is disabled (NOCHECK) on the source; it is created enabled and checked on the target"));
            }
            return null;
        });
        for (Object[] fk : fks.values()) {
            @SuppressWarnings("unchecked")
            List<String> cols = (List<String>) fk[3];
            @SuppressWarnings("unchecked")
            List<String> refCols = (List<String>) fk[4];
            r.tables.get((String) fk[0]).foreignKeys.add(new ForeignKey((String) fk[1], cols, (QualifiedName) fk[2], refCols,
                    (String) fk[5], (String) fk[6]));
        }
    }

    private static void checks(Read r) throws SQLException {
        Jdbc.query(r.c, sql("checks"), rs -> {
            TableBuilder t = r.tables.get(key(rs.getString("schema_name"), rs.getString("table_name")));
            if (t != null) {
                t.checks.add(new CheckConstraint(rs.getBoolean("is_system_named") ? null : rs.getString("check_name"),
                        rs.getString("definition"), !rs.getBoolean("is_disabled")));
            }
            return null;
        });
    }

    /** The settings a module was created under that differ from the deploy session's (both ON). */
    private static String moduleSettings(ResultSet rs) throws SQLException {
        List<String> off = new ArrayList<>();
        if (!rs.getBoolean("uses_ansi_nulls") && !rs.wasNull()) {
            off.add("ANSI_NULLS OFF");
        }
        if (!rs.getBoolean("uses_quoted_identifier") && !rs.wasNull()) {
            off.add("QUOTED_IDENTIFIER OFF");
        }
        return off.isEmpty() ? null : String.join(",", off);
    }

    private static Map<String, List<View>> views(Read r) throws SQLException {
        Map<String, List<View>> out = new HashMap<>();
        Map<QualifiedName, List<String>> unresolved = unresolvedViewReferences(r);
        Jdbc.query(r.c, sql("views"), rs -> {
            String schema = rs.getString("schema_name");
            if (!r.inScope(schema)) {
                return null;
            }
            QualifiedName name = new QualifiedName(schema, rs.getString("view_name"));
            if (unresolved.containsKey(name)) {
                r.problems.add(ReadProblem.invalidOnSource("view", name.toString(), "it references "
                        + String.join(", ", unresolved.get(name)) + ", which no longer exist" + (unresolved.get(name).size() == 1 ? "s" : "")));
                return null;
            }
            String definition = rs.getString("definition");
            if (definition == null) {
                r.problems.add(new ReadProblem("view", name.toString(), "its definition is encrypted (WITH ENCRYPTION)"));
                return null;
            }
            if (moduleSettings(rs) != null) {
                r.problems.add(new ReadProblem("view", name.toString(), "was created with " + moduleSettings(rs)
                        + "; it is recreated with both ON - check string and NULL comparisons in it"));
            }
            out.computeIfAbsent(schema, k -> new ArrayList<>()).add(new View(name, SqlServerModules.viewQuery(definition),
                    definition, null, null, null, null));
            return null;
        });
        return out;
    }

    /** Views whose references no longer resolve; empty (and a read problem) where the dependency view is refused. */
    private static Map<QualifiedName, List<String>> unresolvedViewReferences(Read r) {
        Map<QualifiedName, List<String>> out = new HashMap<>();
        try {
            Jdbc.query(r.c, sql("invalid-views"), rs -> {
                String missing = rs.getString("referenced_schema_name") == null ? rs.getString("referenced_entity_name")
                        : rs.getString("referenced_schema_name") + "." + rs.getString("referenced_entity_name");
                out.computeIfAbsent(new QualifiedName(rs.getString("schema_name"), rs.getString("view_name")), k -> new ArrayList<>())
                        .add(missing);
                return null;
            });
        } catch (SQLException e) {
            r.problems.add(ReadProblem.catalogGap("server", "sys.sql_expression_dependencies", "not read (" + e.getMessage()
                    + "); views over dropped tables cannot be told apart and fail at deploy instead"));
        }
        return out;
    }

    private static Map<String, List<Routine>> routines(Read r) throws SQLException {
        Map<String, List<Routine>> out = new HashMap<>();
        Jdbc.query(r.c, sql("routines"), rs -> {
            String schema = rs.getString("schema_name");
            QualifiedName name = new QualifiedName(schema, rs.getString("routine_name"));
            String type = rs.getString("type").trim();
            String definition = rs.getString("definition");
            if (definition == null) {
                boolean clr = type.equals("PC") || type.equals("FS") || type.equals("FT");
                if (clr) {
                    r.feature("clr_modules", name.toString());
                }
                if (r.inScope(schema)) {
                    r.problems.add(new ReadProblem(type.startsWith("P") ? "procedure" : "function", name.toString(),
                            clr ? "is a CLR module: no T-SQL text to migrate" : "its definition is encrypted (WITH ENCRYPTION)"));
                }
                return null;
            }
            if (!r.inScope(schema)) {
                return null;
            }
            Routine.Kind kind = type.equals("P") ? Routine.Kind.PROCEDURE : Routine.Kind.FUNCTION;
            out.computeIfAbsent(schema, k -> new ArrayList<>()).add(new Routine(name, kind, null, null, null, definition, null,
                    null, false, null, null, moduleSettings(rs)));
            return null;
        });
        return out;
    }

    private static Map<String, List<Trigger>> triggers(Read r) throws SQLException {
        Map<String, List<Trigger>> out = new HashMap<>();
        String first = r.wanted.iterator().next();
        Jdbc.query(r.c, sql("triggers"), rs -> {
            boolean database = rs.getInt("parent_class") == 0;
            String schema = database ? first : rs.getString("schema_name");
            if (!r.inScope(schema)) {
                return null;
            }
            String triggerName = rs.getString("trigger_name");
            String definition = rs.getString("definition");
            QualifiedName name = new QualifiedName(database ? null : schema, triggerName);
            if (definition == null) {
                r.problems.add(new ReadProblem("trigger", name.toString(), "TA".equals(rs.getString("type").trim())
                        ? "is a CLR trigger: no T-SQL text to migrate" : "its definition is encrypted (WITH ENCRYPTION)"));
                return null;
            }
            SqlServerModules.Header h = SqlServerModules.header(definition);
            QualifiedName table = database ? null : new QualifiedName(schema, rs.getString("table_name"));
            String settings = moduleSettings(rs);
            if (rs.getBoolean("is_disabled")) {
                r.problems.add(new ReadProblem("trigger", name.toString(), "is disabled on the source; it is created enabled"));
            }
            out.computeIfAbsent(schema, k -> new ArrayList<>()).add(new Trigger(name, table,
                    rs.getBoolean("is_instead_of_trigger") ? "INSTEAD OF" : "AFTER", h == null ? null : h.events(), null,
                    definition, null, settings, 0));
            return null;
        });
        return out;
    }

    /**
     * Sequences from sys.sequences; where that view is missing or refused, from INFORMATION_SCHEMA.SEQUENCES
     * (no current value, no cache setting: both reported).
     */
    private static Map<String, List<Sequence>> sequences(Read r) {
        Map<String, List<Sequence>> out = new HashMap<>();
        if (area(r, "sequences; read from INFORMATION_SCHEMA.SEQUENCES instead", "sys.sequences", true,
                () -> out.putAll(sysSequences(r)))) {
            return out;
        }
        Set<String> identityBacking = new HashSet<>();
        // a server that implements IDENTITY with sequences lists them there as <table>_<column>_seq; they are not the user's
        r.tables.values().forEach(t -> t.columns.stream().filter(c -> c.identity() != null)
                .forEach(c -> identityBacking.add(key(t.name.schema(), t.name.name() + "_" + c.name() + "_seq"))));
        boolean[] any = { false };
        area(r, "sequences", "INFORMATION_SCHEMA.SEQUENCES", () -> Jdbc.query(r.c, sql("sequences-information-schema"), rs -> {
            String schema = rs.getString("schema_name");
            String name = rs.getString("sequence_name");
            if (!r.inScope(schema) || identityBacking.contains(key(schema, name))) {
                return null;
            }
            any[0] = true;
            sequence(r, out, rs, schema, name, rs.getInt("cycle_option") == 1, null, null);
            return null;
        }));
        if (any[0]) {
            r.problems.add(ReadProblem.catalogGap("catalog", "sys.sequences", "sequences were read from INFORMATION_SCHEMA.SEQUENCES, "
                    + "which has no current value and no cache setting: they start at their START value on the target; "
                    + "restart them at the source's current value by hand"));
        }
        return out;
    }

    private static Map<String, List<Sequence>> sysSequences(Read r) throws SQLException {
        Map<String, Long> lastUsed = new HashMap<>();
        boolean[] known = { true };
        try {
            Jdbc.query(r.c, sql("sequences-last-used"), rs -> {
                BigDecimal v = rs.getBigDecimal("last_used_value");
                if (v != null) {
                    lastUsed.put(key(rs.getString("schema_name"), rs.getString("sequence_name")), exact(v, "sequence value"));
                }
                return null;
            });
        } catch (SQLException e) {
            known[0] = false; // before SQL Server 2017
        }
        Map<String, List<Sequence>> out = new HashMap<>();
        Jdbc.query(r.c, sql("sequences"), rs -> {
            String schema = rs.getString("schema_name");
            if (!r.inScope(schema)) {
                return null;
            }
            String name = rs.getString("sequence_name");
            Long current;
            try {
                current = known[0] ? lastUsed.get(key(schema, name)) : exact(rs.getBigDecimal("current_value"), "current value");
            } catch (ArithmeticException e) {
                r.problems.add(new ReadProblem("sequence", new QualifiedName(schema, name).toString(), e.getMessage()));
                return null;
            }
            sequence(r, out, rs, schema, name, rs.getBoolean("is_cycling"),
                    rs.getBoolean("is_cached") ? (Long) Jdbc.longOrNull(rs, "cache_size") : Long.valueOf(0), current);
            return null;
        });
        return out;
    }

    private static void sequence(Read r, Map<String, List<Sequence>> out, ResultSet rs, String schema, String name,
            boolean cycling, Long cache, Long current) throws SQLException {
        try {
            String typeName = rs.getString("type_name");
            DataType type = typeName.equals("decimal") || typeName.equals("numeric")
                    ? DataType.decimal(typeName, rs.getInt("precision"), 0) : DataType.of(typeName);
            out.computeIfAbsent(schema, k -> new ArrayList<>()).add(new Sequence(new QualifiedName(schema, name), type,
                    exact(rs.getBigDecimal("start_value"), "start"), exact(rs.getBigDecimal("increment"), "increment"),
                    exact(rs.getBigDecimal("minimum_value"), "minimum"), exact(rs.getBigDecimal("maximum_value"), "maximum"),
                    cycling, cache, current));
        } catch (ArithmeticException e) {
            r.problems.add(new ReadProblem("sequence", new QualifiedName(schema, name).toString(), e.getMessage()));
        }
    }

    private static Map<String, List<Synonym>> synonyms(Read r) throws SQLException {
        Map<String, List<Synonym>> out = new HashMap<>();
        Jdbc.query(r.c, sql("synonyms"), rs -> {
            String schema = rs.getString("schema_name");
            if (r.inScope(schema)) {
                out.computeIfAbsent(schema, k -> new ArrayList<>()).add(new Synonym(new QualifiedName(schema,
                        rs.getString("synonym_name")), rs.getString("base_object_name")));
            }
            return null;
        });
        return out;
    }

    private static Map<String, List<UserDefinedType>> types(Read r) throws SQLException {
        Map<String, List<UserDefinedType>> out = new HashMap<>();
        Jdbc.query(r.c, sql("types"), rs -> {
            String schema = rs.getString("schema_name");
            QualifiedName name = new QualifiedName(schema, rs.getString("type_name"));
            if (rs.getBoolean("is_assembly_type")) {
                r.feature("clr_types", name.toString());
                return null;
            }
            if (!r.inScope(schema)) {
                return null;
            }
            if (rs.getBoolean("is_table_type")) {
                r.problems.add(new ReadProblem("type", name.toString(), "table types are not migrated by DBShift yet"));
                return null;
            }
            DataType base = SqlServerTypes.fromCatalog(rs.getString("base_type_name"), rs.getInt("max_length"),
                    rs.getInt("precision"), rs.getInt("scale"));
            out.computeIfAbsent(schema, k -> new ArrayList<>()).add(new UserDefinedType(name, base, rs.getBoolean("is_nullable")));
            return null;
        });
        return out;
    }

    /**
     * Logins (with their password hash when the reading login may see it), server roles and server permissions,
     * then database users and roles with memberships and permissions. Server-level views are not readable from an
     * Azure SQL Database user database: there only the database principals are read.
     */
    private static List<Principal> principals(Read r) throws SQLException {
        Map<String, Principal> logins = new LinkedHashMap<>();
        Map<String, List<String>> serverRoles = new HashMap<>();
        Map<String, List<Grant>> serverGrants = new HashMap<>();
        if (!"5".equals(r.settings.get("engine_edition"))) {
            r.optional("logins", "logins", rs -> {
                String name = rs.getString("name");
                String type = rs.getString("type").trim();
                boolean windows = type.equals("U") || type.equals("G");
                boolean external = type.equals("E") || type.equals("X");
                logins.put(name, new Principal(windows ? Principal.Kind.WINDOWS_LOGIN : Principal.Kind.LOGIN, name, null,
                        windows ? "WINDOWS" : external ? "EXTERNAL" : "SQL", rs.getString("password_hash"),
                        rs.getBoolean("is_disabled"), List.of(), List.of(), rs.getString("default_database_name")));
                return null;
            });
            r.optional("server role members", "server-role-members", rs -> {
                serverRoles.computeIfAbsent(rs.getString("member_name"), k -> new ArrayList<>()).add(rs.getString("role_name"));
                return null;
            });
            r.optional("server permissions", "server-permissions", rs -> {
                String state = rs.getString("state").trim();
                String permission = rs.getString("permission_name");
                serverGrants.computeIfAbsent(rs.getString("grantee"), k -> new ArrayList<>()).add(new Grant(
                        (state.equals("D") ? "DENY " : "GRANT ") + permission, List.of(permission), "SERVER", state.equals("W")));
                return null;
            });
        }
        Map<String, String[]> users = new LinkedHashMap<>();
        Jdbc.query(r.c, sql("users"), rs -> {
            users.put(rs.getString("name"), new String[] { rs.getString("type").trim(), rs.getString("default_schema_name"),
                    rs.getString("authentication_type_desc"), rs.getString("login_name") });
            return null;
        });
        Map<String, List<String>> roles = new HashMap<>();
        Jdbc.query(r.c, sql("role-members"), rs -> {
            roles.computeIfAbsent(rs.getString("member_name"), k -> new ArrayList<>()).add(rs.getString("role_name"));
            return null;
        });
        Map<String, Map<String, Grant>> grants = new HashMap<>();
        Jdbc.query(r.c, sql("permissions"), rs -> {
            String grantee = rs.getString("grantee");
            String securable = rs.getString("securable");
            String state = rs.getString("state").trim();
            if (securable == null || state.equals("R")) {
                return null;
            }
            // one Grant per securable and state, listing its permissions
            String k = securable + "\0" + state;
            Map<String, Grant> byKey = grants.computeIfAbsent(grantee, x -> new LinkedHashMap<>());
            Grant g = byKey.get(k);
            List<String> privileges = new ArrayList<>(g == null ? List.of() : g.privileges());
            privileges.add(rs.getString("permission_name"));
            byKey.put(k, new Grant((state.equals("D") ? "DENY " : "GRANT ") + String.join(", ", privileges) + " ON " + securable,
                    privileges, securable, state.equals("W")));
            return null;
        });
        List<Principal> out = new ArrayList<>();
        for (Principal login : logins.values()) {
            List<Grant> g = serverGrants.getOrDefault(login.name(), List.of());
            out.add(new Principal(login.kind(), login.name(), null, login.authPlugin(), login.authString(), login.locked(),
                    serverRoles.getOrDefault(login.name(), List.of()), g, login.defaultSchema()));
        }
        for (Map.Entry<String, String[]> e : users.entrySet()) {
            String[] u = e.getValue();
            List<Grant> g = new ArrayList<>(grants.getOrDefault(e.getKey(), Map.of()).values());
            List<String> memberOf = roles.getOrDefault(e.getKey(), List.of());
            if (u[0].equals("R")) {
                out.add(new Principal(Principal.Kind.ROLE, e.getKey(), null, null, null, false, memberOf, g, null));
            } else {
                String auth = u[2] == null ? "INSTANCE" : u[2].toUpperCase(Locale.ROOT);
                out.add(new Principal(Principal.Kind.DATABASE_USER, e.getKey(), null, auth, auth.equals("INSTANCE") ? u[3] : null,
                        false, memberOf, g, u[1]));
            }
        }
        return out;
    }
}
