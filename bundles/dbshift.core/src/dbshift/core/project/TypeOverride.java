package dbshift.core.project;

/** A reviewer's choice of target type for one column, e.g. {@code shop.orders.note} becomes {@code varchar(2000)}. */
public record TypeOverride(String schema, String table, String column, String type) {
    public TypeOverride {
        if (table == null || column == null || type == null || type.isBlank()) {
            throw new IllegalArgumentException("a type override needs a table, a column and a type");
        }
        type = type.trim();
    }

    public boolean matches(String schemaName, String tableName, String columnName) {
        return java.util.Objects.equals(schema, schemaName) && table.equals(tableName) && column.equalsIgnoreCase(columnName);
    }
}
