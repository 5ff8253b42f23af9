package dbshift.core.model;

import java.util.List;

/** The primary key: its columns in key order; {@code clustered} matters to SQL Server only. */
public record PrimaryKey(String name, List<IndexColumn> columns, boolean clustered) {
    public PrimaryKey {
        columns = List.copyOf(columns);
    }

    public List<String> columnNames() {
        return columns.stream().map(IndexColumn::column).toList();
    }
}
