package dbshift.core.script;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dbshift.core.engine.DdlWriter;
import dbshift.core.engine.Quoting;
import dbshift.core.model.Catalog;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.Routine;
import dbshift.core.model.Schema;
import dbshift.core.model.Table;
import dbshift.core.model.View;

/**
 * Turns a (converted) catalog into a script in dependency order: schemas, types and sequences, tables with their
 * primary keys, then, after the data, secondary indexes and foreign keys, views in dependency order, routines,
 * triggers and events. Tables listed as already present get only their missing indexes and foreign keys.
 */
public final class ScriptBuilder {
    private final DdlWriter writer;
    private final Quoting quoting;
    private final String dialect;

    public ScriptBuilder(DdlWriter writer, Quoting quoting, String dialect) {
        this.writer = writer;
        this.quoting = quoting;
        this.dialect = dialect;
    }

    public Script build(Catalog catalog, boolean indexesAfterData, Set<QualifiedName> tablesPresent,
            Set<String> schemasPresent) {
        List<ScriptStatement> out = new ArrayList<>();
        for (Schema s : catalog.schemas()) {
            if (!schemasPresent.contains(s.name())) {
                add(out, Phase.SCHEMAS, "database", quoting.quote(s.name()), writer.createSchema(s));
            }
        }
        // all types before all sequences: a sequence (or a table) of one schema may use a type of another
        for (Schema s : catalog.schemas()) {
            s.types().forEach(t -> add(out, Phase.TYPES, "type", name(t.name()), writer.createType(t)));
        }
        for (Schema s : catalog.schemas()) {
            s.sequences().forEach(q -> add(out, Phase.SEQUENCES, "sequence", name(q.name()), writer.createSequence(q)));
        }
        for (Schema s : catalog.schemas()) {
            for (Table t : s.tables()) {
                if (!tablesPresent.contains(t.name())) {
                    add(out, Phase.TABLES, "table", name(t.name()), writer.createTable(t, !indexesAfterData, false));
                }
            }
        }
        for (Schema s : catalog.schemas()) {
            for (Table t : s.tables()) {
                if ((indexesAfterData || tablesPresent.contains(t.name())) && !t.indexes().isEmpty()) {
                    add(out, Phase.INDEXES, "table", name(t.name()), writer.addIndexes(t, t.indexes()));
                }
            }
        }
        for (Schema s : catalog.schemas()) {
            for (Table t : s.tables()) {
                if (!t.foreignKeys().isEmpty()) {
                    add(out, Phase.FOREIGN_KEYS, "table", name(t.name()), writer.addForeignKeys(t, t.foreignKeys()));
                }
            }
        }
        for (Schema s : catalog.schemas()) {
            s.routines().stream().filter(r -> r.kind() == Routine.Kind.FUNCTION)
                    .forEach(r -> add(out, Phase.FUNCTIONS, "function", name(r.name()), writer.createRoutine(r)));
        }
        for (View v : viewsInDependencyOrder(catalog)) {
            add(out, Phase.VIEWS, "view", name(v.name()), writer.createView(v));
        }
        for (Schema s : catalog.schemas()) {
            s.routines().stream().filter(r -> r.kind() == Routine.Kind.PROCEDURE)
                    .forEach(r -> add(out, Phase.ROUTINES, "procedure", name(r.name()), writer.createRoutine(r)));
        }
        for (Schema s : catalog.schemas()) {
            s.triggers().forEach(t -> add(out, Phase.TRIGGERS, "trigger", name(t.name()), writer.createTrigger(t)));
        }
        for (Schema s : catalog.schemas()) {
            s.events().forEach(e -> add(out, Phase.EVENTS, "event", name(e.name()), writer.createEvent(e)));
            s.synonyms().forEach(y -> add(out, Phase.SYNONYMS, "synonym", name(y.name()), writer.createSynonym(y)));
        }
        return new Script(dialect, out);
    }

    private String name(QualifiedName n) {
        return quoting.quote(n);
    }

    private static void add(List<ScriptStatement> out, Phase phase, String type, String name, List<String> sql) {
        for (String statement : sql) {
            out.add(new ScriptStatement(phase, type, name, statement));
        }
    }

    /**
     * Views that select from other views come after them. Servers store view queries with qualified names, so a
     * view depends on another when the other's name appears in its query; cycles (impossible on a live server)
     * keep their original order.
     */
    List<View> viewsInDependencyOrder(Catalog catalog) {
        Map<QualifiedName, View> views = new LinkedHashMap<>();
        catalog.schemas().forEach(s -> s.views().forEach(v -> views.put(v.name(), v)));
        List<View> ordered = new ArrayList<>();
        Set<QualifiedName> placed = new HashSet<>();
        Set<QualifiedName> visiting = new HashSet<>();
        for (View v : views.values()) {
            visit(v, views, ordered, placed, visiting);
        }
        return ordered;
    }

    private void visit(View v, Map<QualifiedName, View> views, List<View> ordered, Set<QualifiedName> placed,
            Set<QualifiedName> visiting) {
        if (placed.contains(v.name()) || !visiting.add(v.name())) {
            return;
        }
        String text = v.query() != null ? v.query() : v.definition() == null ? "" : v.definition();
        String lower = text.toLowerCase(Locale.ROOT);
        for (View other : views.values()) {
            if (other != v && references(lower, other.name())) {
                visit(other, views, ordered, placed, visiting);
            }
        }
        visiting.remove(v.name());
        placed.add(v.name());
        ordered.add(v);
    }

    private boolean references(String lowerText, QualifiedName name) {
        String qualified = quoting.quote(name).toLowerCase(Locale.ROOT);
        String bare = quoting.quote(name.name()).toLowerCase(Locale.ROOT);
        return lowerText.contains(qualified) || lowerText.contains(bare)
                || java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(name.name().toLowerCase(Locale.ROOT)) + "\\b")
                        .matcher(lowerText).find();
    }
}
