package dbshift.core.model;

import java.util.List;
import java.util.Optional;

/** A table's definition, plus (apart) what a live server said about its contents. */
public record Table(QualifiedName name, List<Column> columns, PrimaryKey primaryKey, List<Index> indexes,
        List<ForeignKey> foreignKeys, List<CheckConstraint> checks, TableOptions options, TableStats stats) {

    public Table {
        columns = List.copyOf(columns);
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
        foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
        checks = checks == null ? List.of() : List.copyOf(checks);
        options = options == null ? TableOptions.none() : options;
        stats = stats == null ? TableStats.UNKNOWN : stats;
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }

    public boolean hasPrimaryKey() {
        return primaryKey != null && !primaryKey.columns().isEmpty();
    }

    /** The same definition without server statistics: what round-trip comparisons compare. */
    public Table definition() {
        return new Table(name, columns, primaryKey, indexes, foreignKeys, checks, options, TableStats.UNKNOWN);
    }

    public Table withColumns(List<Column> v) {
        return new Table(name, v, primaryKey, indexes, foreignKeys, checks, options, stats);
    }

    public Table withIndexes(List<Index> v) {
        return new Table(name, columns, primaryKey, v, foreignKeys, checks, options, stats);
    }

    public Table withForeignKeys(List<ForeignKey> v) {
        return new Table(name, columns, primaryKey, indexes, v, checks, options, stats);
    }

    public Table withChecks(List<CheckConstraint> v) {
        return new Table(name, columns, primaryKey, indexes, foreignKeys, v, options, stats);
    }

    public Table withOptions(TableOptions v) {
        return new Table(name, columns, primaryKey, indexes, foreignKeys, checks, v, stats);
    }

    public Table withPrimaryKey(PrimaryKey v) {
        return new Table(name, columns, v, indexes, foreignKeys, checks, options, stats);
    }

    public Table withName(QualifiedName v) {
        return new Table(v, columns, primaryKey, indexes, foreignKeys, checks, options, stats);
    }

    public Table withStats(TableStats v) {
        return new Table(name, columns, primaryKey, indexes, foreignKeys, checks, options, v);
    }
}
