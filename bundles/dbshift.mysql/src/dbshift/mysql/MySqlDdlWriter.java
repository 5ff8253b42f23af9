package dbshift.mysql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dbshift.core.engine.DdlWriter;
import dbshift.core.model.CheckConstraint;
import dbshift.core.model.Column;
import dbshift.core.model.DataType;
import dbshift.core.model.DefaultValue;
import dbshift.core.model.Event;
import dbshift.core.model.ForeignKey;
import dbshift.core.model.Grant;
import dbshift.core.model.Index;
import dbshift.core.model.IndexColumn;
import dbshift.core.model.Principal;
import dbshift.core.model.Routine;
import dbshift.core.model.Schema;
import dbshift.core.model.Sequence;
import dbshift.core.model.Table;
import dbshift.core.model.TableOptions;
import dbshift.core.model.Trigger;
import dbshift.core.model.View;

/** Prints the model as MySQL 8 (or MariaDB) DDL. Every identifier goes through {@link MySqlQuoting}. */
public class MySqlDdlWriter implements DdlWriter {
    private static final Set<String> NO_LITERAL_DEFAULT = Set.of("tinytext", "text", "mediumtext", "longtext", "tinyblob",
            "blob", "mediumblob", "longblob", "json", "geometry", "point", "linestring", "polygon", "multipoint",
            "multilinestring", "multipolygon", "geometrycollection", "geomcollection");
    private static final Pattern ROUTINE_HEAD = Pattern.compile("^CREATE\\s+(PROCEDURE|FUNCTION|EVENT)\\s+`(?:[^`]|``)*`",
            Pattern.CASE_INSENSITIVE);

    private final MySqlQuoting q = MySqlQuoting.INSTANCE;
    private final boolean mariaDb;

    public MySqlDdlWriter(boolean mariaDb) {
        this.mariaDb = mariaDb;
    }

    @Override
    public List<String> createSchema(Schema schema) {
        StringBuilder b = new StringBuilder("CREATE DATABASE IF NOT EXISTS ").append(q.quote(schema.name()));
        if (schema.charset() != null) {
            b.append(" CHARACTER SET ").append(schema.charset());
        }
        if (schema.collation() != null) {
            b.append(" COLLATE ").append(schema.collation());
        }
        return List.of(b.toString());
    }

    @Override
    public List<String> createTable(Table table, boolean withIndexes, boolean withForeignKeys) {
        List<String> parts = new ArrayList<>();
        for (Column c : table.columns()) {
            parts.add(column(c));
        }
        if (table.hasPrimaryKey()) {
            parts.add("PRIMARY KEY " + keyParts(table.primaryKey().columns()));
        }
        if (withIndexes) {
            for (Index index : table.indexes()) {
                parts.add(indexDefinition(index));
            }
        }
        if (withForeignKeys) {
            for (ForeignKey fk : table.foreignKeys()) {
                parts.add(foreignKey(fk));
            }
        }
        for (CheckConstraint check : table.checks()) {
            parts.add(check(check));
        }
        StringBuilder b = new StringBuilder("CREATE TABLE ").append(q.quote(table.name())).append(" (\n  ");
        b.append(String.join(",\n  ", parts)).append("\n)");
        b.append(tableOptions(table.options()));
        return List.of(b.toString());
    }

    String column(Column c) {
        StringBuilder b = new StringBuilder(q.quote(c.name())).append(' ').append(MySqlTypes.render(c.type()));
        if (c.charset() != null && !c.type().name().equals("json")) {
            b.append(" CHARACTER SET ").append(c.charset());
        }
        if (c.collation() != null && !c.type().name().equals("json")) {
            b.append(" COLLATE ").append(c.collation());
        }
        if (c.type().srid() != null && !mariaDb) {
            b.append(" SRID ").append(c.type().srid());
        }
        if (c.isGenerated()) {
            b.append(" GENERATED ALWAYS AS (").append(c.generated()).append(')').append(c.stored() ? " STORED" : " VIRTUAL");
        }
        b.append(c.nullable() ? " NULL" : " NOT NULL");
        if (!c.isGenerated() && c.defaultValue() != null) {
            String d = defaultClause(c.defaultValue(), c.type());
            if (d != null) {
                b.append(" DEFAULT ").append(d);
            }
        }
        if (c.onUpdate() != null) {
            b.append(" ON UPDATE ").append(c.onUpdate());
        }
        if (c.autoIncrement()) {
            b.append(" AUTO_INCREMENT");
        }
        if (c.invisible()) {
            b.append(" INVISIBLE");
        }
        if (c.comment() != null) {
            b.append(" COMMENT ").append(q.literal(c.comment()));
        }
        return b.toString();
    }

    private String defaultClause(DefaultValue d, DataType type) {
        return switch (d.kind()) {
            case NULL -> "NULL";
            case LITERAL -> NO_LITERAL_DEFAULT.contains(type.name()) ? "(" + q.literal(d.text()) + ")" : q.literal(d.text());
            case EXPRESSION -> {
                String e = d.text().trim();
                if (e.matches("(?i)current_timestamp(\\(\\d*\\))?|b'[01]*'|0x[0-9a-f]*|-?[0-9.]+") || e.startsWith("(")) {
                    yield e;
                }
                yield "(" + e + ")";
            }
        };
    }

    private String keyParts(List<IndexColumn> columns) {
        List<String> parts = new ArrayList<>();
        for (IndexColumn ic : columns) {
            String p = ic.isExpression() ? "(" + ic.expression() + ")" : q.quote(ic.column());
            if (ic.prefixLength() != null) {
                p += "(" + ic.prefixLength() + ")";
            }
            if (ic.descending()) {
                p += " DESC";
            }
            parts.add(p);
        }
        return "(" + String.join(", ", parts) + ")";
    }

    String indexDefinition(Index index) {
        String kind = switch (index.kind()) {
            case FULLTEXT -> "FULLTEXT KEY ";
            case SPATIAL -> "SPATIAL KEY ";
            default -> index.unique() ? "UNIQUE KEY " : "KEY ";
        };
        StringBuilder b = new StringBuilder(kind).append(q.quote(index.name())).append(' ').append(keyParts(index.columns()));
        if (index.kind() == Index.Kind.HASH) {
            b.append(" USING HASH");
        }
        if (index.parser() != null) {
            b.append(" WITH PARSER ").append(index.parser());
        }
        if (index.comment() != null) {
            b.append(" COMMENT ").append(q.literal(index.comment()));
        }
        if (index.invisible()) {
            b.append(mariaDb ? " IGNORED" : " INVISIBLE");
        }
        return b.toString();
    }

    private String foreignKey(ForeignKey fk) {
        StringBuilder b = new StringBuilder();
        if (fk.name() != null) {
            b.append("CONSTRAINT ").append(q.quote(fk.name())).append(' ');
        }
        b.append("FOREIGN KEY (").append(quoteAll(fk.columns())).append(") REFERENCES ")
                .append(q.quote(fk.referencedTable())).append(" (").append(quoteAll(fk.referencedColumns())).append(')');
        if (fk.onDelete() != null) {
            b.append(" ON DELETE ").append(fk.onDelete());
        }
        if (fk.onUpdate() != null) {
            b.append(" ON UPDATE ").append(fk.onUpdate());
        }
        return b.toString();
    }

    private String check(CheckConstraint check) {
        StringBuilder b = new StringBuilder();
        if (check.name() != null) {
            b.append("CONSTRAINT ").append(q.quote(check.name())).append(' ');
        }
        String expression = check.expression().trim();
        b.append("CHECK (").append(expression).append(')');
        if (!check.enforced() && !mariaDb) {
            b.append(" NOT ENFORCED");
        }
        return b.toString();
    }

    private String tableOptions(TableOptions o) {
        StringBuilder b = new StringBuilder();
        if (o.engine() != null) {
            b.append(" ENGINE=").append(o.engine());
        }
        if (o.charset() != null) {
            b.append(" DEFAULT CHARSET=").append(o.charset());
        }
        if (o.collation() != null) {
            b.append(" COLLATE=").append(o.collation());
        }
        if (o.rowFormat() != null) {
            b.append(" ROW_FORMAT=").append(o.rowFormat());
        }
        if (o.comment() != null) {
            b.append(" COMMENT=").append(q.literal(o.comment()));
        }
        if (o.partitioning() != null) {
            b.append('\n').append(o.partitioning());
        }
        return b.toString();
    }

    private String quoteAll(List<String> names) {
        return String.join(", ", names.stream().map(q::quote).toList());
    }

    @Override
    public List<String> addIndexes(Table table, List<Index> indexes) {
        List<String> statements = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (Index index : indexes) {
            if (index.kind() == Index.Kind.FULLTEXT) {
                // InnoDB builds one FULLTEXT index per ALTER TABLE
                statements.add("ALTER TABLE " + q.quote(table.name()) + " ADD " + indexDefinition(index));
            } else {
                plain.add("ADD " + indexDefinition(index));
            }
        }
        if (!plain.isEmpty()) {
            statements.add(0, "ALTER TABLE " + q.quote(table.name()) + "\n  " + String.join(",\n  ", plain));
        }
        return statements;
    }

    @Override
    public List<String> addForeignKeys(Table table, List<ForeignKey> foreignKeys) {
        if (foreignKeys.isEmpty()) {
            return List.of();
        }
        List<String> adds = foreignKeys.stream().map(fk -> "ADD " + foreignKey(fk)).toList();
        return List.of("ALTER TABLE " + q.quote(table.name()) + "\n  " + String.join(",\n  ", adds));
    }

    /** {@code DEFINER=`user`@`host`} for a definer written {@code user@host}, or empty. */
    String definerClause(String definer) {
        if (definer == null || definer.isBlank()) {
            return "";
        }
        int at = definer.lastIndexOf('@');
        String user = at < 0 ? definer : definer.substring(0, at);
        String host = at < 0 ? "%" : definer.substring(at + 1);
        return "DEFINER=" + q.account(unquoteAccountPart(user), unquoteAccountPart(host)) + " ";
    }

    private static String unquoteAccountPart(String part) {
        String p = part.trim();
        if (p.length() >= 2 && (p.startsWith("`") && p.endsWith("`") || p.startsWith("'") && p.endsWith("'"))) {
            return p.substring(1, p.length() - 1);
        }
        return p;
    }

    private List<String> withSqlMode(String sqlMode, String create) {
        List<String> statements = new ArrayList<>();
        if (sqlMode != null) {
            statements.add("SET SESSION sql_mode = " + q.literal(sqlMode));
        }
        statements.add(create);
        return statements;
    }

    @Override
    public List<String> createView(View view) {
        StringBuilder b = new StringBuilder("CREATE ");
        if (view.algorithm() != null) {
            b.append("ALGORITHM=").append(view.algorithm()).append(' ');
        }
        b.append(definerClause(view.definer()));
        if (view.securityType() != null) {
            b.append("SQL SECURITY ").append(view.securityType()).append(' ');
        }
        b.append("VIEW ").append(q.quote(view.name())).append(" AS ").append(view.query());
        if (view.checkOption() != null && !view.checkOption().equalsIgnoreCase("NONE")) {
            b.append(" WITH ").append(view.checkOption().toUpperCase(Locale.ROOT)).append(" CHECK OPTION");
        }
        return List.of(b.toString());
    }

    @Override
    public List<String> createRoutine(Routine routine) {
        return withSqlMode(routine.sqlMode(), qualifiedCreate(routine.definition(), routine.definer(), routine.name().schema()));
    }

    /** Puts the DEFINER back after CREATE and qualifies the object's name with its database. */
    private String qualifiedCreate(String definition, String definer, String schema) {
        Matcher m = ROUTINE_HEAD.matcher(definition);
        if (!m.find()) {
            throw new IllegalArgumentException("not a CREATE PROCEDURE/FUNCTION/EVENT statement: "
                    + definition.substring(0, Math.min(80, definition.length())));
        }
        String head = m.group();
        String name = head.substring(head.indexOf('`'));
        return "CREATE " + definerClause(definer) + m.group(1).toUpperCase(Locale.ROOT) + " " + q.quote(schema) + "." + name
                + definition.substring(m.end());
    }

    @Override
    public List<String> createTrigger(Trigger trigger) {
        String create = "CREATE " + definerClause(trigger.definer()) + "TRIGGER " + q.quote(trigger.name()) + " "
                + trigger.timing() + " " + trigger.events() + " ON " + q.quote(trigger.table()) + " FOR EACH ROW "
                + trigger.body();
        return withSqlMode(trigger.sqlMode(), create);
    }

    @Override
    public List<String> createEvent(Event event) {
        StringBuilder b = new StringBuilder("CREATE ").append(definerClause(event.definer())).append("EVENT ")
                .append(q.quote(event.name())).append(" ON SCHEDULE ").append(event.schedule())
                .append(event.preserve() ? " ON COMPLETION PRESERVE " : " ON COMPLETION NOT PRESERVE ")
                .append(switch (event.status() == null ? "ENABLED" : event.status().toUpperCase(Locale.ROOT)) {
                    case "DISABLED" -> "DISABLE";
                    case "SLAVESIDE_DISABLED", "REPLICA_SIDE_DISABLED" -> "DISABLE ON SLAVE";
                    default -> "ENABLE";
                });
        if (event.comment() != null) {
            b.append(" COMMENT ").append(q.literal(event.comment()));
        }
        b.append(" DO ").append(event.body());
        return withSqlMode(event.sqlMode(), b.toString());
    }

    @Override
    public List<String> createSequence(Sequence s) {
        if (!mariaDb) {
            throw new UnsupportedOperationException("MySQL has no sequences");
        }
        StringBuilder b = new StringBuilder("CREATE SEQUENCE ").append(q.quote(s.name())).append(" START WITH ")
                .append(s.currentValue() != null ? s.currentValue() : s.start()).append(" INCREMENT BY ").append(s.increment());
        if (s.minValue() != null) {
            b.append(" MINVALUE ").append(s.minValue());
        }
        if (s.maxValue() != null) {
            b.append(" MAXVALUE ").append(s.maxValue());
        }
        if (s.cache() != null) {
            b.append(s.cache() == 0 ? " NOCACHE" : " CACHE " + s.cache());
        }
        b.append(s.cycle() ? " CYCLE" : " NOCYCLE");
        return List.of(b.toString());
    }

    @Override
    public List<String> createPrincipal(Principal p) {
        List<String> statements = new ArrayList<>();
        if (p.kind() == Principal.Kind.ROLE) {
            statements.add("CREATE ROLE IF NOT EXISTS " + (p.host() == null || mariaDb ? q.quote(p.name()) : q.account(p.name(), p.host())));
        } else {
            StringBuilder b = new StringBuilder("CREATE USER IF NOT EXISTS ").append(q.account(p.name(), p.host()));
            if (p.authPlugin() != null && !p.authPlugin().isEmpty()) {
                b.append(" IDENTIFIED WITH ").append(p.authPlugin());
                if (p.authString() != null && !p.authString().isEmpty()) {
                    b.append(" AS ").append(q.literal(p.authString()));
                }
            }
            if (p.locked()) {
                b.append(" ACCOUNT LOCK");
            }
            statements.add(b.toString());
        }
        String grantee = p.kind() == Principal.Kind.ROLE && (p.host() == null || mariaDb) ? q.quote(p.name())
                : q.account(p.name(), p.host());
        for (Grant g : p.grants()) {
            List<String> privileges = g.privileges().stream().filter(x -> !x.equalsIgnoreCase("USAGE")).toList();
            if (!privileges.isEmpty()) {
                statements.add("GRANT " + String.join(", ", privileges) + " ON " + g.level() + " TO " + grantee
                        + (g.withGrantOption() ? " WITH GRANT OPTION" : ""));
            }
        }
        for (String role : p.roles()) {
            statements.add("GRANT " + role + " TO " + grantee);
        }
        return statements;
    }

    @Override
    public List<String> deploySessionSetup() {
        // non-strict for DDL: zero-date defaults copied from the source must be creatable
        return List.of("SET NAMES utf8mb4", "SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION'",
                "SET SESSION foreign_key_checks = 0");
    }

    @Override
    public List<String> resetAutoIncrement(Table table, long nextValue) {
        return List.of("ALTER TABLE " + q.quote(table.name()) + " AUTO_INCREMENT = " + nextValue);
    }
}
