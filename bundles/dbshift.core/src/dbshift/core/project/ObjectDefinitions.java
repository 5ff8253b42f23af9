package dbshift.core.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dbshift.core.convert.Converter.Conversion;
import dbshift.core.engine.DdlWriter;
import dbshift.core.engine.Dialect;
import dbshift.core.engine.Quoting;
import dbshift.core.model.Catalog;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.Schema;

/**
 * Each object's definition three ways, for a side-by-side review: as the source has it (written by the source
 * dialect), as DBShift will create it on the target (the converted model written by the target dialect), and as
 * the live target has it now, if it does. Keys are {@link ObjectKeys} in the target's spelling.
 */
public final class ObjectDefinitions {

    /**
     * A table column's type on the source and as generated for the target (engine-neutral spelling), and what the
     * lossy-value preview found for it ({@link dbshift.core.preview.ColumnPreview#summary()}; null when the target
     * type holds every source value, or nothing was probed).
     */
    public record ColumnType(String schema, String table, String column, String source, String target, String lossy) {
        public ColumnType(String schema, String table, String column, String source, String target) {
            this(schema, table, column, source, target, null);
        }

        public ColumnType withLossy(String v) {
            return new ColumnType(schema, table, column, source, target, v);
        }
    }

    /** The definitions with each probed column's lossy-value summary. */
    public static List<Definition> withLossyValues(List<Definition> definitions, List<dbshift.core.preview.ColumnPreview> previews) {
        List<Definition> out = new ArrayList<>();
        for (Definition d : definitions) {
            List<ColumnType> cols = new ArrayList<>();
            for (ColumnType c : d.columns()) {
                String summary = previews.stream().filter(p -> java.util.Objects.equals(p.targetTable().schema(), c.schema())
                        && p.targetTable().name().equals(c.table()) && p.column().equalsIgnoreCase(c.column())).findFirst()
                        .map(dbshift.core.preview.ColumnPreview::summary).orElse(null);
                cols.add(c.withLossy(summary));
            }
            out.add(new Definition(d.key(), d.source(), d.generated(), d.live(), cols));
        }
        return out;
    }

    /**
     * One object's three definitions; any of them may be null (not on the source, not generated, not on the
     * target). Tables also list their columns' types.
     */
    public record Definition(String key, String source, String generated, String live, List<ColumnType> columns) {
        public Definition {
            columns = columns == null ? List.of() : List.copyOf(columns);
        }

        public String type() {
            return ObjectKeys.type(key);
        }

        public String name() {
            return ObjectKeys.name(key);
        }

        /**
         * Whether the live target holds what is generated. Servers print a definition back with their own
         * parentheses, quoting, spacing and case (MySQL 8 stores {@code a * b * c} as {@code ((`a` * `b`) * `c`)}), so
         * those are left out of the comparison; a change that only moves parentheses is not seen here (the data's
         * verification still compares every value).
         */
        public boolean liveMatchesGenerated() {
            return generated != null && live != null && comparable(generated).equals(comparable(live));
        }

        private static String comparable(String definition) {
            return definition.replaceAll("[()`\\[\\]\"\\s]", "").toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ObjectDefinitions() {
    }

    /**
     * @param source the source catalog and its dialect
     * @param conversion the converted catalog (after the reviewer's adjustments) and where tables went
     * @param live the target as it is, or null
     */
    public static List<Definition> of(Catalog source, Dialect sourceDialect, Conversion conversion, Dialect targetDialect,
            Catalog live) {
        Map<String, String[]> byKey = new LinkedHashMap<>();
        Quoting tq = targetDialect.quoting();
        collect(source, sourceDialect.ddlWriter(), tq, conversion, byKey, 0);
        collect(conversion.catalog(), targetDialect.ddlWriter(), tq, null, byKey, 1);
        if (live != null) {
            collect(live, targetDialect.ddlWriter(), tq, null, byKey, 2);
        }
        Map<String, List<ColumnType>> columns = new LinkedHashMap<>();
        for (dbshift.core.model.Table t : conversion.catalog().tables()) {
            List<ColumnType> list = new ArrayList<>();
            for (dbshift.core.model.Column c : t.columns()) {
                list.add(new ColumnType(t.name().schema(), t.name().name(), c.name(), null, String.valueOf(c.type())));
            }
            columns.put(ObjectKeys.of("table", tq, t.name()), list);
        }
        for (dbshift.core.model.Table t : source.tables()) {
            List<ColumnType> list = columns.get(ObjectKeys.of("table", tq, conversion.targetName(t.name())));
            if (list != null) {
                for (int i = 0; i < list.size(); i++) {
                    ColumnType ct = list.get(i);
                    var sc = t.column(ct.column());
                    if (sc.isPresent()) {
                        list.set(i, new ColumnType(ct.schema(), ct.table(), ct.column(), String.valueOf(sc.get().type()), ct.target()));
                    }
                }
            }
        }
        List<Definition> out = new ArrayList<>();
        byKey.forEach((k, v) -> out.add(new Definition(k, v[0], v[1], v[2], columns.get(k))));
        return out;
    }

    private static void collect(Catalog catalog, DdlWriter w, Quoting tq, Conversion renames, Map<String, String[]> byKey,
            int side) {
        // the source's objects are listed under their target names (a database renamed by --map-database or by the
        // converter), so that each row compares an object with what it becomes
        Map<String, String> schemas = new java.util.HashMap<>();
        if (renames != null) {
            renames.tableNames().forEach((from, to) -> {
                if (from.schema() != null && to.schema() != null && !from.schema().equals(to.schema())) {
                    schemas.put(from.schema(), to.schema());
                }
            });
        }
        java.util.function.UnaryOperator<QualifiedName> target = n -> n.schema() == null || !schemas.containsKey(n.schema()) ? n
                : new QualifiedName(schemas.get(n.schema()), n.name());
        for (Schema s : catalog.schemas()) {
            put(byKey, ObjectKeys.schema(tq, schemas.getOrDefault(s.name(), s.name())), side, () -> w.createSchema(s));
            s.tables().forEach(t -> put(byKey, ObjectKeys.of("table", tq, renames == null ? t.name() : renames.targetName(t.name())),
                    side, () -> w.createTable(t, true, true)));
            s.views().forEach(v -> put(byKey, ObjectKeys.of("view", tq, target.apply(v.name())), side, () -> w.createView(v)));
            s.routines().forEach(r -> put(byKey, ObjectKeys.of(ObjectKeys.routineType(r), tq, target.apply(r.name())), side,
                    () -> w.createRoutine(r)));
            s.triggers().forEach(t -> put(byKey, ObjectKeys.of("trigger", tq, target.apply(t.name())), side, () -> w.createTrigger(t)));
            s.events().forEach(e -> put(byKey, ObjectKeys.of("event", tq, target.apply(e.name())), side, () -> w.createEvent(e)));
            s.sequences().forEach(q -> put(byKey, ObjectKeys.of("sequence", tq, target.apply(q.name())), side,
                    () -> w.createSequence(q)));
        }
    }

    private static void put(Map<String, String[]> byKey, String key, int side, Supplier<List<String>> ddl) {
        String text;
        try {
            text = String.join(";\n\n", ddl.get()) + ";";
        } catch (RuntimeException e) {
            // a source object the source's own writer cannot print (rare) is shown as the reason, not hidden
            text = "-- cannot be written as DDL here: " + e.getMessage();
        }
        byKey.computeIfAbsent(key, k -> new String[3])[side] = text;
    }

    /** A definition by key, or null. */
    public static Definition find(List<Definition> list, String key) {
        return list.stream().filter(d -> d.key().equals(key)).findFirst().orElse(null);
    }

    public static void write(List<Definition> definitions, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Definition d : definitions) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", d.key());
            m.put("source", d.source());
            m.put("generated", d.generated());
            m.put("live", d.live());
            List<Map<String, Object>> cols = new ArrayList<>();
            for (ColumnType c : d.columns()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("schema", c.schema());
                cm.put("table", c.table());
                cm.put("column", c.column());
                cm.put("source", c.source());
                cm.put("target", c.target());
                if (c.lossy() != null) {
                    cm.put("lossy", c.lossy());
                }
                cols.add(cm);
            }
            m.put("columns", cols);
            list.add(m);
        }
        JSON.writeValue(file.toFile(), list);
    }

    public static List<Definition> read(Path file) throws IOException {
        List<Definition> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(file.toFile())) {
            List<ColumnType> cols = new ArrayList<>();
            for (JsonNode c : n.path("columns")) {
                cols.add(new ColumnType(text(c, "schema"), text(c, "table"), text(c, "column"), text(c, "source"), text(c, "target"),
                        text(c, "lossy")));
            }
            out.add(new Definition(n.path("key").asText(), text(n, "source"), text(n, "generated"), text(n, "live"), cols));
        }
        return out;
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }
}
