package dbshift.core.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dbshift.core.engine.DdlWriter;
import dbshift.core.model.Catalog;
import dbshift.core.model.Column;
import dbshift.core.model.DataType;
import dbshift.core.model.ForeignKey;
import dbshift.core.model.Index;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.Schema;
import dbshift.core.model.Table;
import dbshift.core.run.ObjectResult;
import dbshift.core.run.Status;

/**
 * What of a planned catalog the live target still lacks. Objects already there and equal are skipped; tables
 * there get only their missing indexes and foreign keys; objects there but different are left alone and reported
 * as conflicts (DBShift never drops or replaces what it did not plan to).
 */
public final class SchemaDiff {

    /** The catalog to create, which tables and schemas exist already, and what was found on the target. */
    public record Result(Catalog toCreate, Set<QualifiedName> tablesPresent, Set<String> schemasPresent,
            List<ObjectResult> existing) {
    }

    private final DdlWriter writer;

    public SchemaDiff(DdlWriter writer) {
        this.writer = writer;
    }

    public Result diff(Catalog planned, Catalog live) {
        Set<QualifiedName> tablesPresent = new HashSet<>();
        Set<String> schemasPresent = new HashSet<>();
        List<ObjectResult> existing = new ArrayList<>();
        List<Schema> schemas = new ArrayList<>();
        for (Schema s : planned.schemas()) {
            Optional<Schema> there = live == null ? Optional.empty() : live.schema(s.name());
            if (there.isEmpty()) {
                schemas.add(s);
                continue;
            }
            Schema l = there.get();
            schemasPresent.add(s.name());
            List<Table> tables = new ArrayList<>();
            for (Table t : s.tables()) {
                Optional<Table> lt = l.table(t.name().name());
                if (lt.isEmpty()) {
                    tables.add(t);
                    continue;
                }
                tablesPresent.add(t.name());
                if (!sameColumns(t, lt.get(), live)) {
                    existing.add(result("table", t.name(), Status.CONFLICT,
                            "exists on the target with different columns; left as it is: " + columnDifference(t, lt.get())
                                    + where(render(t).get(0), render(lt.get()).get(0))));
                    continue;
                }
                Set<String> indexNames = lt.get().indexes().stream().map(Index::name).collect(Collectors.toSet());
                Set<String> fkNames = lt.get().foreignKeys().stream().map(ForeignKey::name).collect(Collectors.toSet());
                List<Index> missingIndexes = t.indexes().stream().filter(i -> !indexNames.contains(i.name())).toList();
                List<ForeignKey> missingFks = t.foreignKeys().stream().filter(f -> !fkNames.contains(f.name())).toList();
                existing.add(result("table", t.name(), Status.EXISTS, missingIndexes.isEmpty() && missingFks.isEmpty()
                        ? "already on the target" : "already on the target; adding " + missingIndexes.size() + " index(es) and "
                                + missingFks.size() + " foreign key(s) it lacks"));
                tables.add(t.withIndexes(missingIndexes).withForeignKeys(missingFks));
            }
            Schema out = s.withTables(tables)
                    .withViews(missing(s.views(), l.views(), v -> v.name(), "view", existing))
                    .withRoutines(missing(s.routines(), l.routines(), r -> r.name(), "routine", existing))
                    .withTriggers(missing(s.triggers(), l.triggers(), r -> r.name(), "trigger", existing))
                    .withEvents(missing(s.events(), l.events(), r -> r.name(), "event", existing))
                    .withSequences(missing(s.sequences(), l.sequences(), r -> r.name(), "sequence", existing))
                    .withSynonyms(missing(s.synonyms(), l.synonyms(), r -> r.name(), "synonym", existing))
                    .withTypes(missing(s.types(), l.types(), r -> r.name(), "type", existing));
            schemas.add(out);
        }
        return new Result(planned.withSchemas(schemas), tablesPresent, schemasPresent, existing);
    }

    /** Objects present on the target by name are not created again; they are reported as existing. */
    private static <T> List<T> missing(List<T> planned, List<T> live, Function<T, QualifiedName> name, String type,
            List<ObjectResult> existing) {
        Set<String> there = live.stream().map(x -> name.apply(x).name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toSet());
        List<T> out = new ArrayList<>();
        for (T x : planned) {
            if (there.contains(name.apply(x).name().toLowerCase(java.util.Locale.ROOT))) {
                existing.add(result(type, name.apply(x), Status.EXISTS, "already on the target; not replaced"));
            } else {
                out.add(x);
            }
        }
        return out;
    }

    private boolean sameColumns(Table planned, Table live, Catalog liveCatalog) {
        return writer.comparable(render(planned).get(0), liveCatalog).equals(writer.comparable(render(live).get(0), liveCatalog));
    }

    private List<String> render(Table t) {
        List<Column> columns = t.columns().stream().map(c -> c.isGenerated()
                ? c.toBuilder().generated(expression(c.generated()), c.stored()).build() : c)
                .map(c -> c.toBuilder().type(meant(c.type())).build()).toList();
        Table bare = new Table(t.name(), columns, t.primaryKey(), List.of(), List.of(), List.of(), null, null);
        return List.of(writer.createTable(bare, false, false).get(0).replaceAll("\\s+", " "));
    }

    /**
     * A generation expression as compared: servers print expressions with parentheses, quotes and spacing of their
     * own (MySQL 8 stores {@code a * b * c} as {@code ((`a` * `b`) * `c`)}), so those are left out. A change that only
     * moves parentheses goes unnoticed; the data's verification still compares every stored value.
     */
    static String expression(String e) {
        return e.replaceAll("[()`\\s]", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static final java.util.Set<String> INTEGERS = java.util.Set.of("tinyint", "smallint", "mediumint", "int", "integer",
            "bigint");

    /**
     * A type as the server means it: an integer's display width (MariaDB prints {@code int(11)}, MySQL 8 {@code int})
     * changes nothing stored unless ZEROFILL pads with it, so it is not a difference.
     */
    static DataType meant(DataType t) {
        return INTEGERS.contains(t.name()) && !t.zerofill() && t.length() != null ? t.withLength((Integer) null) : t;
    }

    /** Where the two definitions part, so that "defaults or keys differ" names what. */
    private static String where(String planned, String live) {
        int i = 0;
        while (i < planned.length() && i < live.length() && planned.charAt(i) == live.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 30);
        return " (planned …" + planned.substring(from, Math.min(planned.length(), i + 50)) + "…, on the target …"
                + live.substring(from, Math.min(live.length(), i + 50)) + "…)";
    }

    private static String columnDifference(Table planned, Table live) {
        Map<String, Column> l = live.columns().stream().collect(Collectors.toMap(Column::name, c -> c, (a, b) -> a));
        List<String> diffs = new ArrayList<>();
        for (Column c : planned.columns()) {
            Column o = l.get(c.name());
            if (o == null) {
                diffs.add("\"" + c.name() + "\" missing");
            } else if (!Objects.equals(meant(c.type()), meant(o.type())) || c.nullable() != o.nullable()) {
                diffs.add("\"" + c.name() + "\" is " + o.type() + (o.nullable() ? " NULL" : " NOT NULL") + ", planned " + c.type()
                        + (c.nullable() ? " NULL" : " NOT NULL"));
            }
        }
        for (Column o : live.columns()) {
            if (planned.column(o.name()).isEmpty()) {
                diffs.add("\"" + o.name() + "\" extra on the target");
            }
        }
        return diffs.isEmpty() ? "defaults, charsets or keys differ" : String.join(", ", diffs);
    }

    private static ObjectResult result(String type, QualifiedName name, Status status, String message) {
        return new ObjectResult(type, name.schema(), name.name(), status, message);
    }
}
