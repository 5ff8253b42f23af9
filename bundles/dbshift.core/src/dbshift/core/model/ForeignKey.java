package dbshift.core.model;

import java.util.List;

/** A foreign key; actions are SQL words (CASCADE, SET NULL, RESTRICT, NO ACTION, SET DEFAULT). */
public record ForeignKey(String name, List<String> columns, QualifiedName referencedTable, List<String> referencedColumns,
        String onDelete, String onUpdate) {
    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }
}
