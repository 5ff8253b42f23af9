package dbshift.core.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import dbshift.core.engine.Dialect;
import dbshift.core.engine.Quoting;
import dbshift.core.model.Catalog;
import dbshift.core.model.Column;
import dbshift.core.model.DataType;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.Schema;
import dbshift.core.model.Table;

/**
 * A reviewer's choices applied to a converted catalog: objects left out disappear (with the triggers on and the
 * foreign keys into a table left out), and overridden columns get the chosen type. Use it as
 * {@code migration.adjust(ReviewedCatalog.of(project, targetDialect))} so that the script, the plan against the
 * target and the data copy all see the same catalog.
 */
public final class ReviewedCatalog {
    private ReviewedCatalog() {
    }

    public static UnaryOperator<Catalog> of(MigrationProject project, Dialect target) {
        return catalog -> apply(catalog, project, target);
    }

    public static Catalog apply(Catalog catalog, MigrationProject project, Dialect target) {
        Quoting q = target.quoting();
        Set<String> out = Set.copyOf(project.excluded());
        List<QualifiedName> excludedTables = new ArrayList<>();
        List<Schema> schemas = new ArrayList<>();
        for (Schema s : catalog.schemas()) {
            if (out.contains(ObjectKeys.schema(q, s.name()))) {
                s.tables().forEach(t -> excludedTables.add(t.name()));
                continue;
            }
            List<Table> tables = new ArrayList<>();
            for (Table t : s.tables()) {
                if (out.contains(ObjectKeys.of("table", q, t.name()))) {
                    excludedTables.add(t.name());
                } else {
                    tables.add(overrideTypes(t, project, target));
                }
            }
            schemas.add(s.withTables(tables)
                    .withViews(s.views().stream().filter(v -> !out.contains(ObjectKeys.of("view", q, v.name()))).toList())
                    .withRoutines(s.routines().stream()
                            .filter(r -> !out.contains(ObjectKeys.of(ObjectKeys.routineType(r), q, r.name()))).toList())
                    .withTriggers(s.triggers().stream().filter(t -> !out.contains(ObjectKeys.of("trigger", q, t.name()))).toList())
                    .withEvents(s.events().stream().filter(e -> !out.contains(ObjectKeys.of("event", q, e.name()))).toList())
                    .withSequences(s.sequences().stream().filter(x -> !out.contains(ObjectKeys.of("sequence", q, x.name()))).toList()));
        }
        if (!excludedTables.isEmpty()) {
            // a trigger on a table left out, or a foreign key into one, could not be created
            List<Schema> cleaned = new ArrayList<>();
            for (Schema s : schemas) {
                cleaned.add(s.withTriggers(s.triggers().stream().filter(t -> !excludedTables.contains(t.table())).toList())
                        .withTables(s.tables().stream().map(t -> t.withForeignKeys(t.foreignKeys().stream()
                                .filter(f -> !excludedTables.contains(f.referencedTable())).toList())).toList()));
            }
            schemas = cleaned;
        }
        return catalog.withSchemas(schemas);
    }

    private static Table overrideTypes(Table t, MigrationProject project, Dialect target) {
        if (project.typeOverrides().isEmpty()) {
            return t;
        }
        List<Column> columns = new ArrayList<>();
        boolean changed = false;
        for (Column c : t.columns()) {
            var override = project.typeOverride(t.name().schema(), t.name().name(), c.name());
            if (override.isPresent()) {
                DataType type = target.parseType(override.get().type()).orElseThrow(() -> new IllegalArgumentException(
                        "column " + t.name() + ".\"" + c.name() + "\": '" + override.get().type() + "' is not a "
                                + target.displayName() + " type"));
                Column.Builder b = c.toBuilder().type(type);
                if (!type.name().equals(c.type().name())) {
                    // a column-level charset belongs to the old type; the new one takes the table's
                    b.charset(null).collation(null);
                }
                columns.add(b.build());
                changed = true;
            } else {
                columns.add(c);
            }
        }
        return changed ? t.withColumns(columns) : t;
    }
}
