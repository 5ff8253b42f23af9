package dbshift.sybase;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import dbshift.core.data.KeyPredicate;
import dbshift.core.data.KeyRange;
import dbshift.core.data.RowReader;
import dbshift.core.data.RowStream;
import dbshift.core.data.TransferColumn;
import dbshift.core.data.ValueKind;
import dbshift.core.engine.Jdbc;
import dbshift.sqlserver.SqlServerQuoting;
import dbshift.core.model.Column;
import dbshift.core.model.Table;

/**
 * Reads ASE table data through jTDS as typed values printed exactly in Java (decimals without exponent, date-times
 * as {@code yyyy-MM-dd HH:mm:ss.fffffffff} trimmed, floating point as the binary value). ASE has no OFFSET, so only
 * dense integer keys are cut into slices; other tables are copied in one slice. Not verified against a live server.
 */
public final class SybaseRowReader implements RowReader {
    private static final SqlServerQuoting Q = SqlServerQuoting.INSTANCE;

    @Override
    public void prepareSession(Connection c) throws SQLException {
        Jdbc.execute(c, "set quoted_identifier on");
        Jdbc.execute(c, "set textsize 2147483647");
    }

    @Override
    public List<TransferColumn> transferColumns(Table table) {
        List<TransferColumn> out = new ArrayList<>();
        for (Column c : table.columns()) {
            String n = c.type().name();
            if (c.isGenerated() || n.equals("timestamp") || n.equals("rowversion")) {
                continue;
            }
            ValueKind kind = switch (n) {
                case "tinyint", "smallint", "int", "bigint", "unsigned_int", "unsigned_smallint", "unsigned_bigint", "decimal",
                        "numeric", "money", "smallmoney" -> ValueKind.NUMBER;
                case "bit" -> ValueKind.BIT;
                case "float" -> ValueKind.DOUBLE;
                case "real" -> ValueKind.FLOAT;
                case "date", "time", "datetime", "smalldatetime", "bigdatetime", "bigtime" -> ValueKind.TEMPORAL;
                case "binary", "varbinary", "image" -> ValueKind.BINARY;
                default -> ValueKind.TEXT;
            };
            out.add(new TransferColumn(c.name(), Q.quote(c.name()), kind));
        }
        return out;
    }

    @Override
    public List<String> keyColumns(Table table) {
        return table.hasPrimaryKey() ? table.primaryKey().columnNames() : List.of();
    }

    @Override
    public List<List<String>> sliceBounds(Connection c, Table table, long rowsPerSlice) throws SQLException {
        List<String> keys = keyColumns(table);
        if (keys.size() != 1 || rowsPerSlice <= 0 || !List.of("int", "bigint", "smallint", "tinyint", "numeric")
                .contains(table.column(keys.get(0)).orElseThrow().type().name())) {
            return List.of();
        }
        String k = Q.quote(keys.get(0));
        List<long[]> rows = Jdbc.queryPlain(c, "SELECT MIN(" + k + "), MAX(" + k + "), COUNT(*) FROM " + Q.quote(table.name()),
                rs -> {
                    rs.getLong(1);
                    return rs.wasNull() ? null : new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) };
                });
        long[] r = rows.get(0);
        if (r == null || (double) r[1] - r[0] + 1 > 2.0 * Math.max(1, r[2])) {
            return List.of();
        }
        long step = Math.max(1, (long) Math.ceil(((double) r[1] - r[0] + 1) * rowsPerSlice / Math.max(1, r[2])));
        List<List<String>> bounds = new ArrayList<>();
        for (long b = r[0] + step - 1; b < r[1]; b += step) {
            bounds.add(List.of(Long.toString(b)));
        }
        return bounds;
    }

    private List<ValueKind> keyKinds(Table table) {
        return keyColumns(table).stream().map(k -> ValueKind.NUMBER).toList();
    }

    @Override
    public RowStream open(Connection c, Table table, List<TransferColumn> columns, KeyRange range, boolean ordered)
            throws SQLException {
        List<String> keys = keyColumns(table);
        KeyPredicate where = KeyPredicate.of(Q, keys, keyKinds(table), range);
        String sql = "SELECT " + String.join(", ", columns.stream().map(TransferColumn::selectExpression).toList()) + " FROM "
                + Q.quote(table.name()) + where.sql() + (ordered && !keys.isEmpty() ? " ORDER BY "
                        + String.join(", ", keys.stream().map(Q::quote).toList()) : "");
        return stream(c, sql, where, columns, table);
    }

    @Override
    public RowStream openKeys(Connection c, Table table, List<TransferColumn> columns, List<List<String>> keys)
            throws SQLException {
        KeyPredicate where = KeyPredicate.anyOf(Q, keyColumns(table), keyKinds(table), keys);
        return stream(c, "SELECT " + String.join(", ", columns.stream().map(TransferColumn::selectExpression).toList()) + " FROM "
                + Q.quote(table.name()) + where.sql(), where, columns, table);
    }

    private static RowStream stream(Connection c, String sql, KeyPredicate where, List<TransferColumn> columns, Table table)
            throws SQLException {
        String[] types = columns.stream().map(tc -> table.column(tc.name()).map(x -> x.type().name()).orElse("")).toArray(String[]::new);
        PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        try {
            ps.setFetchSize(4096);
            where.bind(ps, 1);
            ResultSet rs = ps.executeQuery();
            ValueKind[] kinds = columns.stream().map(TransferColumn::kind).toArray(ValueKind[]::new);
            return new RowStream() {
                @Override
                public boolean next() throws SQLException {
                    return rs.next();
                }

                @Override
                public byte[] get(int i) throws SQLException {
                    String s;
                    switch (kinds[i]) {
                        case BINARY -> {
                            return rs.getBytes(i + 1);
                        }
                        case BIT -> {
                            boolean b = rs.getBoolean(i + 1);
                            return rs.wasNull() ? null : new byte[] { (byte) (b ? 1 : 0) };
                        }
                        case DOUBLE -> {
                            double d = rs.getDouble(i + 1);
                            s = rs.wasNull() ? null : Double.toString(d);
                        }
                        case FLOAT -> {
                            float f = rs.getFloat(i + 1);
                            s = rs.wasNull() ? null : Float.toString(f);
                        }
                        case NUMBER -> {
                            BigDecimal d = rs.getBigDecimal(i + 1);
                            s = d == null ? null : d.toPlainString();
                        }
                        case TEMPORAL -> {
                            Timestamp t = rs.getTimestamp(i + 1);
                            s = t == null ? null : temporal(types[i], t);
                        }
                        default -> s = rs.getString(i + 1);
                    }
                    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
                }

                @Override
                public void close() throws SQLException {
                    try {
                        rs.close();
                    } finally {
                        ps.close();
                    }
                }
            };
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    /** As SQL Server's CONVERT styles 23/121 print them: date only, time only, or both with the fraction. */
    static String temporal(String type, Timestamp t) {
        String full = t.toLocalDateTime().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS"));
        return switch (type) {
            case "date" -> full.substring(0, 10);
            case "time", "bigtime" -> full.substring(11);
            default -> full;
        };
    }

    @Override
    public long count(Connection c, Table table, KeyRange range) throws SQLException {
        KeyPredicate where = KeyPredicate.of(Q, keyColumns(table), keyKinds(table), range);
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + Q.quote(table.name()) + where.sql())) {
            where.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
