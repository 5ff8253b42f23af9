package dbshift.core.data;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import dbshift.core.engine.Quoting;

/**
 * The WHERE clause of a key slice, with its bind values. Composite keys expand to
 * {@code a > ? OR (a = ? AND b > ?)}, which every engine plans as a range on the key.
 */
public final class KeyPredicate {
    private final String sql;
    private final List<Object> values;

    private KeyPredicate(String sql, List<Object> values) {
        this.sql = sql;
        this.values = values;
    }

    public static KeyPredicate of(Quoting quoting, List<String> keyColumns, List<ValueKind> kinds, KeyRange range) {
        if (range.isAll() || keyColumns.isEmpty()) {
            return new KeyPredicate("", List.of());
        }
        List<String> parts = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (range.lower() != null) {
            parts.add(compare(quoting, keyColumns, kinds, range.lower(), ">", values));
        }
        if (range.upper() != null) {
            parts.add(compare(quoting, keyColumns, kinds, range.upper(), "<=", values));
        }
        return new KeyPredicate(" WHERE " + String.join(" AND ", parts), values);
    }

    /** {@code WHERE (k1 = ? AND k2 = ?) OR …}: exactly the rows with these keys. */
    public static KeyPredicate anyOf(Quoting quoting, List<String> keyColumns, List<ValueKind> kinds, List<List<String>> keys) {
        if (keys.isEmpty()) {
            return new KeyPredicate(" WHERE 1 = 0", List.of());
        }
        List<Object> values = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (List<String> key : keys) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < keyColumns.size(); i++) {
                parts.add(quoting.quote(keyColumns.get(i)) + " = ?");
                values.add(bind(kinds.get(i), key.get(i)));
            }
            rows.add(keyColumns.size() == 1 ? parts.get(0) : "(" + String.join(" AND ", parts) + ")");
        }
        return new KeyPredicate(" WHERE " + String.join(" OR ", rows), values);
    }

    /** {@code (k1 op v1) OR (k1 = v1 AND k2 op v2) …}, with the last comparison inclusive for {@code <=}. */
    private static String compare(Quoting q, List<String> keys, List<ValueKind> kinds, List<String> bound, String op,
            List<Object> values) {
        if (bound.size() != keys.size()) {
            throw new IllegalArgumentException("key bound " + bound + " does not match key columns " + keys);
        }
        String strict = op.equals(">") ? ">" : "<";
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            StringBuilder b = new StringBuilder("(");
            for (int j = 0; j < i; j++) {
                b.append(q.quote(keys.get(j))).append(" = ? AND ");
                values.add(bind(kinds.get(j), bound.get(j)));
            }
            boolean last = i == keys.size() - 1;
            b.append(q.quote(keys.get(i))).append(' ').append(last ? op : strict).append(" ?)");
            values.add(bind(kinds.get(i), bound.get(i)));
            alternatives.add(b.toString());
        }
        return alternatives.size() == 1 ? alternatives.get(0) : "(" + String.join(" OR ", alternatives) + ")";
    }

    private static Object bind(ValueKind kind, String text) {
        return kind.isBinary() ? HexFormat.of().parseHex(text) : text;
    }

    public String sql() {
        return sql;
    }

    /** Binds the values starting at parameter {@code first}; returns the next free parameter index. */
    public int bind(PreparedStatement ps, int first) throws SQLException {
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

    /** Key values of the current row as stored in a bound: text, binary parts as hex. */
    public static List<String> keyOf(java.sql.ResultSet rs, List<ValueKind> kinds) throws SQLException {
        List<String> key = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            key.add(kinds.get(i).isBinary() ? HexFormat.of().formatHex(rs.getBytes(i + 1)) : rs.getString(i + 1));
        }
        return key;
    }
}
