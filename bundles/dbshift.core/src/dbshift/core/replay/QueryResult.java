package dbshift.core.replay;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import dbshift.core.data.RowHasher;
import dbshift.core.data.ValueKind;

/**
 * The rows of one statement on one side, read for comparison: every row goes into an order-independent
 * fingerprint and an ordered one; the first rows are also kept (canonical and printable) to show where the sides
 * differ. Values are canonical as verification makes them ({@link RowHasher#canonical}): JSON as documents,
 * floating point as numbers, fractional seconds and decimal scale without trailing zeros.
 */
final class QueryResult {
    final List<String> columns = new ArrayList<>();
    final List<ValueKind> kinds = new ArrayList<>();
    final List<byte[][]> kept = new ArrayList<>();
    long rows;
    long orderedHash = 0x84222325cbf29ce4L;
    RowHasher unordered;

    /** The column kinds as the driver reports them. */
    static List<ValueKind> kindsOf(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<ValueKind> kinds = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            kinds.add(kindOf(md.getColumnType(i), md.getColumnTypeName(i)));
        }
        return kinds;
    }

    static ValueKind kindOf(int type, String typeName) {
        String name = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
        if (name.contains("JSON")) {
            return ValueKind.JSON;
        }
        if (name.startsWith("GEOMETRY") || name.equals("POINT") || name.equals("POLYGON") || name.equals("LINESTRING")
                || name.startsWith("MULTI") || name.equals("GEOGRAPHY")) {
            return ValueKind.SPATIAL;
        }
        if (name.startsWith("BIT") && type == Types.BIT) {
            return ValueKind.BIT;
        }
        return switch (type) {
            case Types.REAL -> ValueKind.FLOAT;
            case Types.FLOAT, Types.DOUBLE -> ValueKind.DOUBLE;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC, Types.BIT,
                    Types.BOOLEAN -> ValueKind.NUMBER;
            case Types.DATE, Types.TIME, Types.TIMESTAMP, Types.TIME_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE -> ValueKind.TEMPORAL;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> ValueKind.BINARY;
            default -> ValueKind.TEXT;
        };
    }

    /** Reads every row; {@code readAs} is how this side's driver gives the values, {@code compareAs} both sides' common kind. */
    static QueryResult read(ResultSet rs, List<ValueKind> readAs, List<ValueKind> compareAs, int keep) throws SQLException {
        QueryResult r = new QueryResult();
        ResultSetMetaData md = rs.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            r.columns.add(md.getColumnLabel(i));
        }
        r.kinds.addAll(compareAs);
        r.unordered = new RowHasher(compareAs);
        int n = readAs.size();
        byte[][] raw = new byte[n][];
        byte[][] row = new byte[n][];
        // the hasher makes values canonical itself: it gets them raw, the kept rows and the ordered hash canonical
        r.unordered.addAll(new dbshift.core.data.RowStream() {
            @Override
            public boolean next() throws SQLException {
                if (!rs.next()) {
                    return false;
                }
                long h = 0xcbf29ce484222325L;
                for (int i = 0; i < n; i++) {
                    raw[i] = value(rs, i + 1, readAs.get(i));
                    row[i] = raw[i] == null ? null : RowHasher.canonical(compareAs.get(i), raw[i]);
                    h = (h ^ (row[i] == null ? 0x5bd1e995L : Arrays.hashCode(row[i]))) * 0x100000001b3L;
                }
                r.orderedHash = (r.orderedHash * 31 + h) * 0x9e3779b97f4a7c15L;
                if (r.kept.size() < keep) {
                    r.kept.add(row.clone());
                }
                r.rows++;
                return true;
            }

            @Override
            public byte[] get(int i) {
                return raw[i];
            }

            @Override
            public void close() {
                // the caller closes the result set
            }
        });
        return r;
    }

    private static byte[] value(ResultSet rs, int column, ValueKind kind) throws SQLException {
        if (kind.isBinary()) {
            return rs.getBytes(column);
        }
        String s = kind == ValueKind.TEMPORAL ? temporal(rs, column) : rs.getString(column);
        if (s == null) {
            return null;
        }
        if (kind == ValueKind.NUMBER && (s.equals("true") || s.equals("false"))) {
            s = s.equals("true") ? "1" : "0"; // a TINYINT(1) read as a boolean by one driver
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Date-times as the value they are: MariaDB Connector/J's getString prints a fraction with a leading zero wrongly
     * (10:00:00.012 as 10:00:00.12000). Zero dates and out-of-range values fall back to the driver's text.
     */
    private static String temporal(ResultSet rs, int column) throws SQLException {
        if (rs.getMetaData().getColumnType(column) == Types.TIMESTAMP) {
            try {
                java.time.LocalDateTime t = rs.getObject(column, java.time.LocalDateTime.class);
                return t == null ? null : t.toString().replace('T', ' ');
            } catch (SQLException | RuntimeException e) {
                // a zero date: the driver's text
            }
        }
        return rs.getString(column);
    }

    /** A row as the report shows it: text as text, binary values in hex, NULL as NULL. */
    String print(byte[][] row) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                b.append(", ");
            }
            byte[] v = row[i];
            if (v == null) {
                b.append("NULL");
            } else if (kinds.get(i).isBinary()) {
                String hex = HexFormat.of().formatHex(v, 0, Math.min(v.length, 32));
                b.append("0x").append(hex).append(v.length > 32 ? "…" : "");
            } else {
                String s = new String(v, StandardCharsets.UTF_8);
                boolean quote = kinds.get(i) == ValueKind.TEXT || kinds.get(i) == ValueKind.TEMPORAL;
                s = s.length() > 80 ? s.substring(0, 80) + "…" : s;
                b.append(quote ? "'" + s.replace("'", "''") + "'" : s);
            }
        }
        return b.append(")").toString();
    }

    static String key(byte[][] row) {
        StringBuilder b = new StringBuilder();
        for (byte[] v : row) {
            b.append(v == null ? "\u0001N" : "\u0002" + HexFormat.of().formatHex(v)).append('\u0000');
        }
        return b.toString();
    }

    static boolean hasNull(byte[][] row) {
        for (byte[] v : row) {
            if (v == null) {
                return true;
            }
        }
        return false;
    }
}
