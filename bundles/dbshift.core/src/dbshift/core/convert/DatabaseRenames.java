package dbshift.core.convert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dbshift.core.assess.Finding;
import dbshift.core.assess.Severity;
import dbshift.core.convert.Converter.Conversion;
import dbshift.core.engine.Dialect;
import dbshift.core.model.Catalog;
import dbshift.core.model.Event;
import dbshift.core.model.ForeignKey;
import dbshift.core.model.Grant;
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
import dbshift.core.script.SqlToken;

/**
 * Gives converted schemas the target names a {@link DatabaseMap} chose, everywhere a name of theirs appears: the
 * objects' own names, foreign keys, trigger tables, the text of views, routines, triggers and events that qualify
 * names with the schema, and grant levels. The conversion's table map then leads every source table to its renamed
 * target, which is what copy, verify, sync, cutover, repair, fallback and replay follow. Text is read with the target
 * dialect's own tokenizer, so a schema name inside a string literal or a comment stays as it is.
 */
public final class DatabaseRenames {
    private final Map<String, String> renames;
    private final Dialect target;
    private final List<Finding> findings = new ArrayList<>();
    /** The database a source whose unit is the schema was read from (null otherwise): the first part of three-part names. */
    private final String sourceDatabase;

    private DatabaseRenames(Map<String, String> renames, Dialect target, String sourceDatabase) {
        this.renames = renames;
        this.target = target;
        this.sourceDatabase = sourceDatabase;
    }

    /**
     * Renames the converted schemas named as keys of {@code renames} (converted schema name → target name); the source
     * tables of {@code source} keep pointing at their renamed targets.
     */
    public static Conversion apply(Catalog source, Conversion conversion, Map<String, String> renames, Dialect target) {
        if (renames.isEmpty()) {
            return conversion;
        }
        // a database that is itself renamed is a schema (MySQL), never the container of three-part names
        String database = source.setting("database");
        DatabaseRenames r = new DatabaseRenames(renames, target, database == null || renames.containsKey(database) ? null : database);
        Catalog renamed = r.catalog(conversion.catalog());
        Map<QualifiedName, QualifiedName> tableNames = new LinkedHashMap<>();
        for (Table t : source.tables()) {
            tableNames.put(t.name(), r.name(conversion.targetName(t.name())));
        }
        List<Finding> findings = new ArrayList<>(conversion.findings());
        findings.addAll(r.findings);
        return new Conversion(renamed, findings, tableNames);
    }

    private String schema(String name) {
        if (name == null) {
            return null;
        }
        String exact = renames.get(name);
        if (exact != null) {
            return exact;
        }
        // servers that compare schema names without case let routine bodies spell them either way
        return renames.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst()
                .orElse(name);
    }

    private QualifiedName name(QualifiedName n) {
        return n == null ? null : new QualifiedName(schema(n.schema()), n.name());
    }

    private Catalog catalog(Catalog c) {
        List<Schema> schemas = new ArrayList<>();
        for (Schema s : c.schemas()) {
            schemas.add(schema(s));
        }
        List<Principal> principals = c.principals().stream().map(this::principal).toList();
        return c.withSchemas(schemas).withPrincipals(principals);
    }

    private Schema schema(Schema s) {
        return s.withName(schema(s.name()))
                .withTables(s.tables().stream().map(this::table).toList())
                .withViews(s.views().stream().map(v -> new View(name(v.name()), text(v.query(), "view", v.name()),
                        text(v.definition(), "view", v.name()), v.definer(), v.securityType(), v.checkOption(), v.algorithm()))
                        .toList())
                .withRoutines(s.routines().stream().map(r -> new Routine(name(r.name()), r.kind(), r.parameters(), r.returns(),
                        text(r.body(), "routine", r.name()), text(r.definition(), "routine", r.name()), r.definer(),
                        r.securityType(), r.deterministic(), r.dataAccess(), r.comment(), r.sqlMode())).toList())
                .withTriggers(s.triggers().stream().map(t -> new Trigger(name(t.name()), name(t.table()), t.timing(), t.events(),
                        text(t.body(), "trigger", t.name()), text(t.definition(), "trigger", t.name()), t.definer(), t.sqlMode(),
                        t.actionOrder())).toList())
                .withEvents(s.events().stream().map(e -> new Event(name(e.name()), e.schedule(), e.preserve(), e.status(),
                        text(e.body(), "event", e.name()), e.definer(), e.comment(), e.sqlMode())).toList())
                .withSequences(s.sequences().stream().map(q -> new Sequence(name(q.name()), q.type(), q.start(), q.increment(),
                        q.minValue(), q.maxValue(), q.cycle(), q.cache(), q.currentValue())).toList())
                .withSynonyms(s.synonyms().stream().map(y -> new Synonym(name(y.name()), text(y.baseObject(), "synonym", y.name())))
                        .toList())
                .withTypes(s.types().stream().map(t -> new UserDefinedType(name(t.name()), t.baseType(), t.nullable())).toList());
    }

    private Table table(Table t) {
        List<ForeignKey> fks = t.foreignKeys().stream().map(fk -> new ForeignKey(fk.name(), fk.columns(),
                name(fk.referencedTable()), fk.referencedColumns(), fk.onDelete(), fk.onUpdate())).toList();
        return t.withName(name(t.name())).withForeignKeys(fks);
    }

    private Principal principal(Principal p) {
        List<Grant> grants = p.grants().stream().map(g -> new Grant(g.statement(), g.privileges(),
                text(g.level(), "grant of", new QualifiedName(null, p.account())), g.withGrantOption())).toList();
        return new Principal(p.kind(), p.name(), p.host(), p.authPlugin(), p.authString(), p.locked(), p.roles(), grants,
                schema(p.defaultSchema()));
    }

    /**
     * The text with every name qualified by a renamed schema requalified: a name token that starts a dotted name
     * ({@code shop.orders}, {@code `shop`.`orders`.`id`}) and spells a renamed schema.
     */
    String text(String sql, String type, QualifiedName object) {
        if (sql == null || sql.isEmpty()) {
            return sql;
        }
        List<SqlToken> tokens;
        try {
            tokens = target.tokenize(sql);
        } catch (UnsupportedOperationException e) {
            if (renames.keySet().stream().anyMatch(k -> sql.toLowerCase(java.util.Locale.ROOT).contains(k.toLowerCase(java.util.Locale.ROOT)))) {
                findings.add(new Finding("CONVERT-RENAME-TEXT", Severity.WARNING, type, object.toString(), "its text may name a "
                        + "renamed database, and " + target.displayName() + " text cannot be read to rename it",
                        "Review the object in the script and qualify it with the target database.", null));
            }
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int at = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            if (!t.isName() || t.name() == null) {
                continue;
            }
            String renamed = schema(t.name());
            if (renamed.equals(t.name()) && !renames.containsKey(t.name())) {
                continue;
            }
            if (!next(tokens, i, 1).map(x -> x.is(".")).orElse(false)
                    || next(tokens, i, -1).map(x -> x.is(".")).orElse(false) && !afterSourceDatabase(tokens, i)) {
                continue;
            }
            out.append(sql, at, t.start()).append(target.quoting().quote(renamed));
            at = t.end();
        }
        return at == 0 ? sql : out.append(sql, at, sql.length()).toString();
    }

    /**
     * Whether token {@code i} is the schema of a three-part name that starts with the source's database
     * ({@code [shop].[sales].[Orders]} where the unit is the schema and {@code shop} the database read).
     */
    private boolean afterSourceDatabase(List<SqlToken> tokens, int i) {
        if (sourceDatabase == null) {
            return false;
        }
        int dot = previous(tokens, i);
        int db = dot < 0 ? -1 : previous(tokens, dot);
        return db >= 0 && tokens.get(db).isName() && sourceDatabase.equalsIgnoreCase(tokens.get(db).name())
                && (previous(tokens, db) < 0 || !tokens.get(previous(tokens, db)).is("."));
    }

    private static int previous(List<SqlToken> tokens, int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (tokens.get(j).significant()) {
                return j;
            }
        }
        return -1;
    }

    /** The nearest significant token after ({@code step} 1) or before (-1) token {@code i}. */
    private static java.util.Optional<SqlToken> next(List<SqlToken> tokens, int i, int step) {
        for (int j = i + step; j >= 0 && j < tokens.size(); j += step) {
            if (tokens.get(j).significant()) {
                return java.util.Optional.of(tokens.get(j));
            }
        }
        return java.util.Optional.empty();
    }
}
