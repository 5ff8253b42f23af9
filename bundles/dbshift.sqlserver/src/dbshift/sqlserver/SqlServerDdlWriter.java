package dbshift.sqlserver;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dbshift.core.engine.DdlWriter;
import dbshift.core.model.CheckConstraint;
import dbshift.core.model.Column;
import dbshift.core.model.DefaultValue;
import dbshift.core.model.ForeignKey;
import dbshift.core.model.Grant;
import dbshift.core.model.Index;
import dbshift.core.model.IndexColumn;
import dbshift.core.model.Principal;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.Routine;
import dbshift.core.model.Schema;
import dbshift.core.model.Sequence;
import dbshift.core.model.Synonym;
import dbshift.core.model.Table;
import dbshift.core.model.Trigger;
import dbshift.core.model.UserDefinedType;
import dbshift.core.model.View;

/**
 * Prints the model as T-SQL for SQL Server 2016–2022, Azure SQL Database and Azure SQL Managed Instance (what a
 * target cannot take, the converter has already removed or reported). Statements carry no {@code GO}: the script
 * syntax adds the batch separators. Named default constraints are added with {@code ALTER TABLE … ADD CONSTRAINT …
 * FOR}, as SQL Server's own scripting does, so that their names survive.
 */
public final class SqlServerDdlWriter implements DdlWriter {
    /** Schemas every database has; they are never created. */
    static final Set<String> BUILT_IN_SCHEMAS = Set.of("dbo", "guest", "sys", "INFORMATION_SCHEMA");

    /**
     * Engine-specific column attributes live in the table's {@code extra} options under {@code column:<name>}
     * (e.g. {@code SPARSE}, {@code ROWGUIDCOL}, {@code FILESTREAM}) and default constraint names under
     * {@code default:<name>}: the model's Column has no SQL Server words of its own.
     */
    public static final String COLUMN_ATTRIBUTES = "column:";
    public static final String DEFAULT_NAME = "default:";
    /** Table options kept under these keys: {@code filegroup}, {@code textimage}, {@code compression}. */
    public static final String FILEGROUP = "filegroup";

    private static final SqlServerQuoting Q = SqlServerQuoting.INSTANCE;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public List<String> createSchema(Schema schema) {
        if (BUILT_IN_SCHEMAS.contains(schema.name())) {
            return List.of();
        }
        return List.of("CREATE SCHEMA " + Q.quote(schema.name()));
    }

    @Override
    public List<String> createTable(Table table, boolean withIndexes, boolean withForeignKeys) {
        List<String> parts = new ArrayList<>();
        for (Column c : table.columns()) {
            parts.add(column(table, c));
        }
        if (table.hasPrimaryKey()) {
            StringBuilder pk = new StringBuilder();
            if (table.primaryKey().name() != null) {
                pk.append("CONSTRAINT ").append(Q.quote(table.primaryKey().name())).append(' ');
            }
            pk.append("PRIMARY KEY ").append(table.primaryKey().clustered() ? "CLUSTERED " : "NONCLUSTERED ")
                    .append(keyParts(table.primaryKey().columns()));
            parts.add(pk.toString());
        }
        for (CheckConstraint check : table.checks()) {
            parts.add((check.name() == null ? "" : "CONSTRAINT " + Q.quote(check.name()) + " ") + "CHECK ("
                    + check.expression().strip() + ")");
        }
        if (withForeignKeys) {
            for (ForeignKey fk : table.foreignKeys()) {
                parts.add(foreignKey(fk));
            }
        }
        StringBuilder b = new StringBuilder("CREATE TABLE ").append(Q.quote(table.name())).append(" (\n  ")
                .append(String.join(",\n  ", parts)).append("\n)");
        String filegroup = table.options().extra().get(FILEGROUP);
        if (filegroup != null) {
            b.append(" ON ").append(Q.quote(filegroup));
        }
        List<String> statements = new ArrayList<>();
        statements.add(b.toString());
        for (Column c : table.columns()) {
            String dfName = table.options().extra().get(DEFAULT_NAME + c.name());
            if (dfName != null && c.defaultValue() != null && !c.isGenerated()) {
                statements.add("ALTER TABLE " + Q.quote(table.name()) + " ADD CONSTRAINT " + Q.quote(dfName) + " DEFAULT "
                        + defaultExpression(c.defaultValue()) + " FOR " + Q.quote(c.name()));
            }
        }
        for (CheckConstraint check : table.checks()) {
            if (!check.enforced() && check.name() != null) {
                statements.add("ALTER TABLE " + Q.quote(table.name()) + " NOCHECK CONSTRAINT " + Q.quote(check.name()));
            }
        }
        if (withIndexes) {
            statements.addAll(addIndexes(table, table.indexes()));
        }
        return statements;
    }

    String column(Table table, Column c) {
        StringBuilder b = new StringBuilder(Q.quote(c.name())).append(' ');
        String attributes = table.options().extra().getOrDefault(COLUMN_ATTRIBUTES + c.name(), "");
        if (c.isGenerated()) {
            b.append("AS (").append(unwrap(c.generated())).append(')');
            if (c.stored()) {
                b.append(" PERSISTED");
                if (!c.nullable()) {
                    b.append(" NOT NULL");
                }
            }
            return b.toString();
        }
        b.append(SqlServerTypes.render(c.type()));
        if (attributes.contains("FILESTREAM")) {
            b.append(" FILESTREAM");
        }
        if (c.collation() != null) {
            b.append(" COLLATE ").append(c.collation());
        }
        if (attributes.contains("SPARSE")) {
            b.append(" SPARSE");
        }
        if (c.identity() != null) {
            b.append(" IDENTITY(").append(c.identity().seed()).append(", ").append(c.identity().increment()).append(')');
        }
        b.append(c.nullable() ? " NULL" : " NOT NULL");
        if (attributes.contains("ROWGUIDCOL")) {
            b.append(" ROWGUIDCOL");
        }
        if (c.defaultValue() != null && table.options().extra().get(DEFAULT_NAME + c.name()) == null) {
            b.append(" DEFAULT ").append(defaultExpression(c.defaultValue()));
        }
        return b.toString();
    }

    /** A default as T-SQL wants it: always in parentheses. Literals are quoted as strings unless numeric. */
    static String defaultExpression(DefaultValue d) {
        return switch (d.kind()) {
            case NULL -> "(NULL)";
            case LITERAL -> "(" + (d.text().matches("-?[0-9]+(\\.[0-9]+)?") ? d.text() : Q.literal(d.text())) + ")";
            case EXPRESSION -> {
                String e = d.text().trim();
                yield isWrapped(e) ? e : "(" + e + ")";
            }
        };
    }

    /** Strips one pair of outer parentheses when they enclose the whole text, as catalog definitions have them. */
    static String unwrap(String expression) {
        String e = expression.trim();
        return isWrapped(e) ? e.substring(1, e.length() - 1).trim() : e;
    }

    /** Whether the text is one parenthesised expression, {@code (a) + (b)} not being one. */
    static boolean isWrapped(String e) {
        if (!e.startsWith("(") || !e.endsWith(")")) {
            return false;
        }
        int depth = 0;
        List<TSqlLexer.Token> tokens = TSqlLexer.significant(e);
        for (int i = 0; i < tokens.size(); i++) {
            TSqlLexer.Token t = tokens.get(i);
            if (t.is("(")) {
                depth++;
            } else if (t.is(")")) {
                depth--;
                if (depth == 0 && i < tokens.size() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }

    private String keyParts(List<IndexColumn> columns) {
        List<String> parts = new ArrayList<>();
        for (IndexColumn ic : columns) {
            parts.add(Q.quote(ic.column()) + (ic.descending() ? " DESC" : ""));
        }
        return "(" + String.join(", ", parts) + ")";
    }

    private String foreignKey(ForeignKey fk) {
        StringBuilder b = new StringBuilder();
        if (fk.name() != null) {
            b.append("CONSTRAINT ").append(Q.quote(fk.name())).append(' ');
        }
        b.append("FOREIGN KEY (").append(quoteAll(fk.columns())).append(") REFERENCES ").append(Q.quote(fk.referencedTable()))
                .append(" (").append(quoteAll(fk.referencedColumns())).append(')');
        String onDelete = action(fk.onDelete());
        String onUpdate = action(fk.onUpdate());
        if (onDelete != null) {
            b.append(" ON DELETE ").append(onDelete);
        }
        if (onUpdate != null) {
            b.append(" ON UPDATE ").append(onUpdate);
        }
        return b.toString();
    }

    /** NO ACTION is the default and RESTRICT is its MySQL spelling: neither is written. */
    private static String action(String action) {
        if (action == null) {
            return null;
        }
        String a = action.trim().toUpperCase(Locale.ROOT).replace('_', ' ');
        return a.equals("NO ACTION") || a.equals("RESTRICT") ? null : a;
    }

    private static String quoteAll(List<String> names) {
        return String.join(", ", names.stream().map(Q::quote).toList());
    }

    @Override
    public List<String> addIndexes(Table table, List<Index> indexes) {
        List<String> out = new ArrayList<>();
        // a clustered index first: building it rebuilds every nonclustered one
        List<Index> ordered = new ArrayList<>(indexes);
        ordered.sort((a, b) -> Boolean.compare(!isClustered(a), !isClustered(b)));
        for (Index index : ordered) {
            out.add(index(table, index));
        }
        return out;
    }

    private static boolean isClustered(Index i) {
        return i.kind() == Index.Kind.CLUSTERED || i.kind() == Index.Kind.CLUSTERED_COLUMNSTORE;
    }

    String index(Table table, Index index) {
        String on = Q.quote(table.name());
        if (index.constraint() && index.unique()) {
            return "ALTER TABLE " + on + " ADD CONSTRAINT " + Q.quote(index.name()) + " UNIQUE "
                    + (index.kind() == Index.Kind.CLUSTERED ? "CLUSTERED " : "NONCLUSTERED ") + keyParts(index.columns());
        }
        StringBuilder b = new StringBuilder("CREATE ");
        switch (index.kind()) {
            case CLUSTERED_COLUMNSTORE -> {
                return "CREATE CLUSTERED COLUMNSTORE INDEX " + Q.quote(index.name()) + " ON " + on;
            }
            case NONCLUSTERED_COLUMNSTORE -> b.append("NONCLUSTERED COLUMNSTORE INDEX ");
            case CLUSTERED -> b.append(index.unique() ? "UNIQUE " : "").append("CLUSTERED INDEX ");
            case SPATIAL -> b.append("SPATIAL INDEX ");
            default -> b.append(index.unique() ? "UNIQUE " : "").append("NONCLUSTERED INDEX ");
        }
        b.append(Q.quote(index.name())).append(" ON ").append(on).append(' ');
        if (index.kind() == Index.Kind.NONCLUSTERED_COLUMNSTORE || index.kind() == Index.Kind.SPATIAL) {
            b.append('(').append(quoteAll(index.columnNames())).append(')');
        } else {
            b.append(keyParts(index.columns()));
        }
        if (!index.included().isEmpty()) {
            b.append(" INCLUDE (").append(quoteAll(index.included())).append(')');
        }
        if (index.filter() != null) {
            b.append(" WHERE ").append(unwrap(index.filter()));
        }
        return b.toString();
    }

    @Override
    public List<String> addForeignKeys(Table table, List<ForeignKey> foreignKeys) {
        List<String> out = new ArrayList<>();
        for (ForeignKey fk : foreignKeys) {
            out.add("ALTER TABLE " + Q.quote(table.name()) + " ADD " + foreignKey(fk));
        }
        return out;
    }

    @Override
    public List<String> createView(View view) {
        if (view.definition() != null) {
            return List.of(SqlServerModules.qualify(view.definition().strip(), view.name(), null));
        }
        return List.of("CREATE VIEW " + Q.quote(view.name()) + " AS\n" + view.query().strip());
    }

    @Override
    public List<String> createRoutine(Routine routine) {
        return withSettings(routine.sqlMode(), SqlServerModules.qualify(routine.definition().strip(), routine.name(), null));
    }

    @Override
    public List<String> createTrigger(Trigger trigger) {
        return withSettings(trigger.sqlMode(),
                SqlServerModules.qualify(trigger.definition().strip(), trigger.name(), trigger.table()));
    }

    /**
     * A module keeps the ANSI_NULLS and QUOTED_IDENTIFIER settings it was created under (the model's sqlMode holds
     * the ones that were OFF, e.g. {@code QUOTED_IDENTIFIER OFF}); they are set for its creation and restored after.
     */
    private static List<String> withSettings(String settings, String create) {
        if (settings == null || settings.isBlank()) {
            return List.of(create);
        }
        List<String> out = new ArrayList<>();
        List<String> restore = new ArrayList<>();
        for (String s : settings.split(",")) {
            String setting = s.trim().toUpperCase(Locale.ROOT);
            if (setting.matches("(ANSI_NULLS|QUOTED_IDENTIFIER) OFF")) {
                out.add("SET " + setting);
                restore.add("SET " + setting.replace(" OFF", " ON"));
            }
        }
        out.add(create);
        out.addAll(restore);
        return out;
    }

    @Override
    public List<String> createSequence(Sequence s) {
        StringBuilder b = new StringBuilder("CREATE SEQUENCE ").append(Q.quote(s.name())).append(" AS ")
                .append(SqlServerTypes.render(s.type()));
        long start = s.start();
        if (s.currentValue() != null) {
            // continue after the last value the source handed out
            long next = s.currentValue() + s.increment();
            boolean inRange = (s.maxValue() == null || next <= s.maxValue()) && (s.minValue() == null || next >= s.minValue());
            start = inRange ? next : s.currentValue();
        }
        b.append(" START WITH ").append(start).append(" INCREMENT BY ").append(s.increment());
        if (s.minValue() != null) {
            b.append(" MINVALUE ").append(s.minValue());
        }
        if (s.maxValue() != null) {
            b.append(" MAXVALUE ").append(s.maxValue());
        }
        b.append(s.cycle() ? " CYCLE" : " NO CYCLE");
        if (s.cache() != null) {
            b.append(s.cache() == 0 ? " NO CACHE" : " CACHE " + s.cache());
        }
        return List.of(b.toString());
    }

    @Override
    public List<String> createSynonym(Synonym synonym) {
        return List.of("CREATE SYNONYM " + Q.quote(synonym.name()) + " FOR " + synonym.baseObject());
    }

    @Override
    public List<String> createType(UserDefinedType type) {
        return List.of("CREATE TYPE " + Q.quote(type.name()) + " FROM " + SqlServerTypes.render(type.baseType())
                + (type.nullable() ? " NULL" : " NOT NULL"));
    }

    /**
     * Logins with their password hash ({@code authString}, hex) or, without one, a random password that an
     * administrator must reset; Windows logins FROM WINDOWS; Microsoft Entra ones FROM EXTERNAL PROVIDER. Database
     * users: {@code authPlugin} is SQL Server's authentication type (INSTANCE, DATABASE, WINDOWS, EXTERNAL, NONE)
     * and {@code authString} the login an INSTANCE user maps to. Then role memberships and GRANT/DENY.
     */
    @Override
    public List<String> createPrincipal(Principal p) {
        List<String> out = new ArrayList<>();
        String n = Q.quote(p.name());
        switch (p.kind()) {
            case LOGIN -> {
                if ("EXTERNAL".equals(p.authPlugin())) {
                    out.add("CREATE LOGIN " + n + " FROM EXTERNAL PROVIDER");
                } else {
                    StringBuilder b = new StringBuilder("CREATE LOGIN ").append(n).append(" WITH PASSWORD = ");
                    if (p.authString() != null && p.authString().matches("(?i)0x[0-9a-f]+")) {
                        b.append(p.authString()).append(" HASHED");
                    } else {
                        b.append(Q.literal(randomPassword())).append(", CHECK_POLICY = ON");
                    }
                    if (p.defaultSchema() != null) {
                        b.append(", DEFAULT_DATABASE = ").append(Q.quote(p.defaultSchema()));
                    }
                    out.add(b.toString());
                }
                if (p.locked()) {
                    out.add("ALTER LOGIN " + n + " DISABLE");
                }
                for (String role : p.roles()) {
                    out.add("ALTER SERVER ROLE " + Q.quote(role) + " ADD MEMBER " + n);
                }
            }
            case WINDOWS_LOGIN -> {
                out.add("CREATE LOGIN " + n + " FROM WINDOWS");
                if (p.locked()) {
                    out.add("ALTER LOGIN " + n + " DISABLE");
                }
                for (String role : p.roles()) {
                    out.add("ALTER SERVER ROLE " + Q.quote(role) + " ADD MEMBER " + n);
                }
            }
            case ROLE -> {
                out.add("CREATE ROLE " + n);
                for (String role : p.roles()) {
                    out.add("ALTER ROLE " + Q.quote(role) + " ADD MEMBER " + n);
                }
            }
            default -> {
                String type = p.authPlugin() == null ? "INSTANCE" : p.authPlugin().toUpperCase(Locale.ROOT);
                String schema = p.defaultSchema() == null ? "" : " WITH DEFAULT_SCHEMA = " + Q.quote(p.defaultSchema());
                out.add(switch (type) {
                    case "DATABASE" -> "CREATE USER " + n + " WITH PASSWORD = " + Q.literal(randomPassword())
                            + (p.defaultSchema() == null ? "" : ", DEFAULT_SCHEMA = " + Q.quote(p.defaultSchema()));
                    case "EXTERNAL" -> "CREATE USER " + n + " FROM EXTERNAL PROVIDER" + schema;
                    case "NONE" -> "CREATE USER " + n + " WITHOUT LOGIN" + schema;
                    default -> "CREATE USER " + n + " FOR LOGIN " + Q.quote(p.authString() == null ? p.name() : p.authString())
                            + schema;
                });
                for (String role : p.roles()) {
                    out.add("ALTER ROLE " + Q.quote(role) + " ADD MEMBER " + n);
                }
            }
        }
        for (Grant g : p.grants()) {
            out.add(grant(g, n));
        }
        return out;
    }

    /** {@code GRANT SELECT, INSERT ON SCHEMA::[s] TO [u]}; a grant whose statement starts with DENY is a DENY. */
    static String grant(Grant g, String grantee) {
        boolean deny = g.statement() != null && g.statement().trim().toUpperCase(Locale.ROOT).startsWith("DENY");
        String on = g.level() == null || g.level().equals("DATABASE") || g.level().equals("SERVER") ? "" : " ON " + g.level();
        return (deny ? "DENY " : "GRANT ") + String.join(", ", g.privileges()) + on + " TO " + grantee
                + (g.withGrantOption() && !deny ? " WITH GRANT OPTION" : "");
    }

    /** 24 characters from all four classes the password policy asks for. */
    static String randomPassword() {
        String[] classes = { "ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "!#%*+-=?_" };
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            String pool = classes[i % 4];
            b.append(pool.charAt(RANDOM.nextInt(pool.length())));
        }
        return b.toString();
    }

    @Override
    public List<String> deploySessionSetup() {
        // what SSMS and sqlcmd -I use; indexed views, filtered indexes and computed-column indexes need them
        return List.of("SET ANSI_NULLS ON", "SET QUOTED_IDENTIFIER ON", "SET ANSI_PADDING ON", "SET ANSI_WARNINGS ON",
                "SET CONCAT_NULL_YIELDS_NULL ON", "SET ARITHABORT ON", "SET NUMERIC_ROUNDABORT OFF");
    }

    /**
     * Reseeds the identity so that the next row gets {@code nextValue}. DBCC CHECKIDENT hands out the reseed value
     * itself to a table that never had a row, and the value plus the increment to one that had rows, so the batch
     * asks sys.identity_columns which case it is. The DBCC runs as dynamic SQL with the value as a literal: DBCC's
     * documented syntax takes a constant (Babelfish refuses a variable there).
     */
    @Override
    public List<String> resetAutoIncrement(Table table, long nextValue) {
        Column identity = table.columns().stream().filter(c -> c.identity() != null).findFirst().orElse(null);
        long increment = identity == null ? 1 : identity.identity().increment();
        String name = Q.literal(Q.quote(table.name()));
        return List.of("DECLARE @reseed bigint = " + nextValue + ";\n"
                + "IF EXISTS (SELECT 1 FROM [sys].[identity_columns] WHERE [object_id] = OBJECT_ID(" + name
                + ") AND [last_value] IS NOT NULL) SET @reseed = @reseed - (" + increment + ");\n"
                + "DECLARE @reseedSql nvarchar(max) = N'DBCC CHECKIDENT (' + "
                + Q.literal("'" + Q.quote(table.name()).replace("'", "''") + "'")
                + " + N', RESEED, ' + CAST(@reseed AS nvarchar(20)) + N') WITH NO_INFOMSGS';\n"
                + "EXEC (@reseedSql)");
    }

    /**
     * Names compare without case (the collations SQL Server databases use are case-insensitive); where the target's
     * reader found a server without clustered indexes (Babelfish: every index is a PostgreSQL B-tree, CLUSTERED is
     * accepted and read back as NONCLUSTERED), CLUSTERED and NONCLUSTERED are not a difference.
     */
    @Override
    public String comparable(String tableDefinition, dbshift.core.model.Catalog live) {
        String s = tableDefinition.toLowerCase(java.util.Locale.ROOT);
        if (live != null && "false".equals(live.setting(SqlServerCatalogReader.CLUSTERED_INDEXES))) {
            s = s.replace(" nonclustered", "").replace(" clustered", "");
        }
        return s;
    }

    /** {@code SET IDENTITY_INSERT [s].[t] ON|OFF}, for loads that insert explicit identity values row by row. */
    public String identityInsert(QualifiedName table, boolean on) {
        return "SET IDENTITY_INSERT " + Q.quote(table) + (on ? " ON" : " OFF");
    }

    static Map<String, String> extra(Table t) {
        return t.options().extra();
    }
}
