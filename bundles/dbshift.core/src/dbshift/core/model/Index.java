package dbshift.core.model;

import java.util.List;

/**
 * A secondary index or unique constraint. {@code kind} carries engine access methods (BTREE, HASH, FULLTEXT,
 * SPATIAL, CLUSTERED, NONCLUSTERED, COLUMNSTORE); {@code filter} and {@code included} are SQL Server's.
 * {@code constraint} marks a unique constraint (as opposed to a unique index) where the engine distinguishes them.
 */
public record Index(String name, boolean unique, Kind kind, List<IndexColumn> columns, List<String> included,
        String filter, boolean invisible, String comment, String parser, boolean constraint) {

    public enum Kind {
        BTREE, HASH, FULLTEXT, SPATIAL, CLUSTERED, NONCLUSTERED, CLUSTERED_COLUMNSTORE, NONCLUSTERED_COLUMNSTORE
    }

    public Index {
        columns = List.copyOf(columns);
        included = included == null ? List.of() : List.copyOf(included);
    }

    public static Index of(String name, boolean unique, List<IndexColumn> columns) {
        return new Index(name, unique, Kind.BTREE, columns, List.of(), null, false, null, null, false);
    }

    public List<String> columnNames() {
        return columns.stream().map(c -> c.isExpression() ? c.expression() : c.column()).toList();
    }
}
