package dbshift.core.model;

import java.util.List;
import java.util.Optional;

/** A database (MySQL) or schema (SQL Server) with everything in it. */
public record Schema(String name, String charset, String collation, List<Table> tables, List<View> views,
        List<Routine> routines, List<Trigger> triggers, List<Event> events, List<Sequence> sequences,
        List<Synonym> synonyms, List<UserDefinedType> types) {

    public Schema {
        tables = copy(tables);
        views = copy(views);
        routines = copy(routines);
        triggers = copy(triggers);
        events = copy(events);
        sequences = copy(sequences);
        synonyms = copy(synonyms);
        types = copy(types);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    public static Schema empty(String name, String charset, String collation) {
        return new Schema(name, charset, collation, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    public Optional<Table> table(String tableName) {
        return tables.stream().filter(t -> t.name().name().equals(tableName)).findFirst();
    }

    public Optional<View> view(String viewName) {
        return views.stream().filter(v -> v.name().name().equals(viewName)).findFirst();
    }

    public Schema withName(String v) {
        return new Schema(v, charset, collation, tables, views, routines, triggers, events, sequences, synonyms, types);
    }

    public Schema withCharset(String newCharset, String newCollation) {
        return new Schema(name, newCharset, newCollation, tables, views, routines, triggers, events, sequences, synonyms,
                types);
    }

    public Schema withTables(List<Table> v) {
        return new Schema(name, charset, collation, v, views, routines, triggers, events, sequences, synonyms, types);
    }

    public Schema withViews(List<View> v) {
        return new Schema(name, charset, collation, tables, v, routines, triggers, events, sequences, synonyms, types);
    }

    public Schema withRoutines(List<Routine> v) {
        return new Schema(name, charset, collation, tables, views, v, triggers, events, sequences, synonyms, types);
    }

    public Schema withTriggers(List<Trigger> v) {
        return new Schema(name, charset, collation, tables, views, routines, v, events, sequences, synonyms, types);
    }

    public Schema withEvents(List<Event> v) {
        return new Schema(name, charset, collation, tables, views, routines, triggers, v, sequences, synonyms, types);
    }

    public Schema withSequences(List<Sequence> v) {
        return new Schema(name, charset, collation, tables, views, routines, triggers, events, v, synonyms, types);
    }

    public Schema withSynonyms(List<Synonym> v) {
        return new Schema(name, charset, collation, tables, views, routines, triggers, events, sequences, v, types);
    }

    public Schema withTypes(List<UserDefinedType> v) {
        return new Schema(name, charset, collation, tables, views, routines, triggers, events, sequences, synonyms, v);
    }
}
