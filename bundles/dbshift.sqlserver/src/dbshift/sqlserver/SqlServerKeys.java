package dbshift.sqlserver;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import dbshift.core.data.KeyRange;
import dbshift.core.model.Column;
import dbshift.core.model.Table;

/**
 * The WHERE clause of a key slice for SQL Server. Unlike the generic one it casts every bound to the key column's
 * own type: a string parameter arrives as nvarchar, and comparing a varchar column with nvarchar would compare in
 * the Unicode sort order while ORDER BY sorts in the column's, so slices could overlap or leave gaps.
 */
final class SqlServerKeys {
    private final String sql;
    private final List<Object> values;

    private SqlServerKeys(String sql, List<Object> values) {
        this.sql = sql;
        this.values = values;
    }

    static SqlServerKeys of(Table table, List<String> keys, KeyRange range) {
        if (range.isAll() || keys.isEmpty()) {
            return new SqlServerKeys("", List.of());
        }
        List<String> types = new ArrayList<>();
        List<Boolean> binary = new ArrayList<>();
        for (String k : keys) {
            Column c = table.column(k).orElseThrow(() -> new IllegalArgumentException("no key column " + k + " in " + table.name()));
            types.add(SqlServerTypes.render(SqlServerTypes.storedType(table, c)));
            binary.add(SqlServerTypes.isBinary(SqlServerTypes.storedType(table, c)));
        }
        List<String> parts = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (range.lower() != null) {
            parts.add(compare(keys, types, binary, range.lower(), ">", values));
        }
        if (range.upper() != null) {
            parts.add(compare(keys, types, binary, range.upper(), "<=", values));
        }
        return new SqlServerKeys(" WHERE " + String.join(" AND ", parts), values);
    }

    /** Rows whose key is one of {@code keys}: {@code (k1 = ? AND k2 = ?) OR …}, each bound cast to its column's type. */
    static SqlServerKeys anyOf(Table table, List<String> keyColumns, List<List<String>> keys) {
        if (keys.isEmpty() || keyColumns.isEmpty()) {
            return new SqlServerKeys(" WHERE 1 = 0", List.of());
        }
        List<String> alternatives = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (List<String> key : keys) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < keyColumns.size(); i++) {
                Column c = table.column(keyColumns.get(i)).orElseThrow();
                parts.add(SqlServerQuoting.INSTANCE.quote(keyColumns.get(i)) + " = CAST(? AS "
                        + SqlServerTypes.render(SqlServerTypes.storedType(table, c)) + ")");
                values.add(value(SqlServerTypes.isBinary(SqlServerTypes.storedType(table, c)), key.get(i)));
            }
            alternatives.add("(" + String.join(" AND ", parts) + ")");
        }
        return new SqlServerKeys(" WHERE " + String.join(" OR ", alternatives), values);
    }

    private static String compare(List<String> keys, List<String> types, List<Boolean> binary, List<String> bound, String op,
            List<Object> values) {
        if (bound.size() != keys.size()) {
            throw new IllegalArgumentException("key bound " + bound + " does not match key columns " + keys);
        }
        String strict = op.equals(">") ? ">" : "<";
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            StringBuilder b = new StringBuilder("(");
            for (int j = 0; j < i; j++) {
                b.append(SqlServerQuoting.INSTANCE.quote(keys.get(j))).append(" = CAST(? AS ").append(types.get(j)).append(") AND ");
                values.add(value(binary.get(j), bound.get(j)));
            }
            boolean last = i == keys.size() - 1;
            b.append(SqlServerQuoting.INSTANCE.quote(keys.get(i))).append(' ').append(last ? op : strict).append(" CAST(? AS ")
                    .append(types.get(i)).append("))");
            values.add(value(binary.get(i), bound.get(i)));
            alternatives.add(b.toString());
        }
        return alternatives.size() == 1 ? alternatives.get(0) : "(" + String.join(" OR ", alternatives) + ")";
    }

    private static Object value(boolean binary, String text) {
        return binary ? HexFormat.of().parseHex(text) : text;
    }

    String sql() {
        return sql;
    }

    int bind(PreparedStatement ps, int first) throws SQLException {
        int i = first;
        for (Object v : values) {
            if (v instanceof byte[] bytes) {
                ps.setBytes(i++, bytes);
            } else {
                ps.setString(i++, (String) v);
            }
        }
        return i;
    }
}
