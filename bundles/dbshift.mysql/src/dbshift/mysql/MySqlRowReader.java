package dbshift.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dbshift.core.data.IntegerSlices;
import dbshift.core.data.JdbcRowStream;
import dbshift.core.data.KeyPredicate;
import dbshift.core.data.KeyRange;
import dbshift.core.data.RowReader;
import dbshift.core.data.RowStream;
import dbshift.core.data.TransferColumn;
import dbshift.core.data.ValueKind;
import dbshift.core.engine.Jdbc;
import dbshift.core.model.Column;
import dbshift.core.model.DataType;
import dbshift.core.model.Table;

/** Reads MySQL/MariaDB table data over the text protocol, streamed, in primary-key slices. */
public final class MySqlRowReader implements RowReader {
    private static final MySqlQuoting Q = MySqlQuoting.INSTANCE;

    @Override
    public void prepareSession(Connection c) throws SQLException {
        // TIMESTAMP values are converted to the session time zone; UTC on both ends moves them unchanged
        Jdbc.execute(c, "SET time_zone = '+00:00'");
        Jdbc.execute(c, "SET NAMES utf8mb4");
    }

    @Override
    public List<TransferColumn> transferColumns(Table table) {
        List<TransferColumn> columns = new ArrayList<>();
        for (Column c : table.columns()) {
            if (!c.isGenerated()) {
                columns.add(transferColumn(c));
            }
        }
        return columns;
    }

    static TransferColumn transferColumn(Column c) {
        String q = Q.quote(c.name());
        DataType t = c.type();
        ValueKind kind = kindOf(t);
        // FLOAT prints with 6 significant digits: read it as the double it exactly is. Fractional seconds are
        // printed by the server: MariaDB Connector/J 3.5's getString drops the leading zeros of the fraction
        // (10:00:00.012 comes out as 10:00:00.12000), which would copy and verify a wrong value as equal
        String n = t.name().toLowerCase(Locale.ROOT);
        String expression = kind == ValueKind.FLOAT ? "CAST(" + q + " AS DOUBLE)"
                : (n.equals("datetime") || n.equals("timestamp") || n.equals("time")) ? "CAST(" + q + " AS CHAR)" : q;
        return new TransferColumn(c.name(), expression, kind);
    }

    static ValueKind kindOf(DataType t) {
        String n = t.name().toLowerCase(Locale.ROOT);
        if (n.equals("float")) {
            return ValueKind.FLOAT;
        }
        if (n.equals("double") || n.equals("real") || n.equals("double precision")) {
            return ValueKind.DOUBLE;
        }
        if (n.equals("bit")) {
            return ValueKind.BIT;
        }
        if (MySqlTypes.isBinary(t)) {
            return ValueKind.BINARY;
        }
        if (MySqlTypes.isSpatial(t)) {
            return ValueKind.SPATIAL;
        }
        if (n.equals("json")) {
            return ValueKind.JSON;
        }
        if (n.equals("date") || n.equals("datetime") || n.equals("timestamp")) {
            return ValueKind.TEMPORAL;
        }
        if (MySqlTypes.INTEGER_TYPES.contains(n) || n.equals("decimal") || n.equals("numeric") || n.equals("year")) {
            return ValueKind.NUMBER;
        }
        return ValueKind.TEXT;
    }

    /** The primary key, else the first unique key of whole NOT NULL columns: either identifies every row. */
    @Override
    public List<String> keyColumns(Table table) {
        if (table.hasPrimaryKey()) {
            return table.primaryKey().columnNames();
        }
        for (dbshift.core.model.Index index : table.indexes()) {
            boolean usable = index.unique() && index.kind() == dbshift.core.model.Index.Kind.BTREE && !index.columns().isEmpty()
                    && index.columns().stream().allMatch(ic -> ic.column() != null && ic.prefixLength() == null
                            && table.column(ic.column()).map(c -> !c.nullable() && !c.isGenerated()).orElse(false));
            if (usable) {
                return index.columnNames();
            }
        }
        return List.of();
    }

    private static List<ValueKind> keyKinds(Table table, List<String> keys) {
        return keys.stream().map(k -> kindOf(table.column(k).orElseThrow().type())).toList();
    }

    @Override
    public List<List<String>> sliceBounds(Connection c, Table table, long rowsPerSlice) throws SQLException {
        List<String> keys = keyColumns(table);
        if (keys.isEmpty() || rowsPerSlice <= 0) {
            return List.of();
        }
        List<ValueKind> kinds = keyKinds(table, keys);
        List<List<String>> bounds = new ArrayList<>();
        if (keys.size() == 1 && isInteger(table, keys.get(0))) {
            List<List<String>> arithmetic = integerBounds(c, table, keys.get(0), rowsPerSlice);
            if (arithmetic != null) {
                return arithmetic;
            }
        }
        String keyList = String.join(", ", keys.stream().map(Q::quote).toList());
        List<String> lower = null;
        while (true) {
            KeyPredicate where = KeyPredicate.of(Q, keys, kinds, new KeyRange(lower, null));
            String sql = "SELECT " + keyList + " FROM " + Q.quote(table.name()) + where.sql() + " ORDER BY " + keyList
                    + " LIMIT 1 OFFSET " + (rowsPerSlice - 1);
            List<String> bound;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                where.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    bound = rs.next() ? KeyPredicate.keyOf(rs, kinds) : null;
                }
            }
            if (bound == null) {
                return bounds;
            }
            bounds.add(bound);
            lower = bound;
        }
    }

    private static boolean isInteger(Table table, String column) {
        return MySqlTypes.INTEGER_TYPES.contains(table.column(column).orElseThrow().type().name());
    }

    /** Dense integer keys split by arithmetic, without scanning the table; null when the keys are sparse. */
    private static List<List<String>> integerBounds(Connection c, Table table, String key, long rowsPerSlice)
            throws SQLException {
        String k = Q.quote(key);
        return IntegerSlices.bounds(c, "SELECT MIN(" + k + "), MAX(" + k + "), COUNT(*) FROM " + Q.quote(table.name()),
                rowsPerSlice);
    }

    @Override
    public RowStream open(Connection c, Table table, List<TransferColumn> columns, KeyRange range, boolean ordered)
            throws SQLException {
        List<String> keys = keyColumns(table);
        KeyPredicate where = KeyPredicate.of(Q, keys, keyKinds(table, keys), range);
        StringBuilder sql = new StringBuilder("SELECT ");
        sql.append(String.join(", ", columns.stream().map(TransferColumn::selectExpression).toList()));
        sql.append(" FROM ").append(Q.quote(table.name())).append(where.sql());
        if (ordered && !keys.isEmpty()) {
            sql.append(" ORDER BY ").append(String.join(", ", keys.stream().map(Q::quote).toList()));
        }
        PreparedStatement ps = c.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        try {
            boolean connectorJ = isConnectorJ(c);
            // Connector/J streams only with this marker fetch size; MariaDB's driver streams with any positive one
            ps.setFetchSize(connectorJ ? Integer.MIN_VALUE : 4096);
            where.bind(ps, 1);
            return new JdbcRowStream(ps, ps.executeQuery(), columns, connectorJ);
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    @Override
    public RowStream openKeys(Connection c, Table table, List<TransferColumn> columns, List<List<String>> keys)
            throws SQLException {
        List<String> keyColumns = keyColumns(table);
        KeyPredicate where = KeyPredicate.anyOf(Q, keyColumns, keyKinds(table, keyColumns), keys);
        // LOCK IN SHARE MODE waits for a writer that is still committing and reads what it committed
        PreparedStatement ps = c.prepareStatement("SELECT " + String.join(", ", columns.stream().map(TransferColumn::selectExpression)
                .toList()) + " FROM " + Q.quote(table.name()) + where.sql() + " LOCK IN SHARE MODE");
        try {
            where.bind(ps, 1);
            return new JdbcRowStream(ps, ps.executeQuery(), columns, isConnectorJ(c));
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    static boolean isConnectorJ(Connection c) throws SQLException {
        return c.getMetaData().getDriverName().startsWith("MySQL");
    }

    @Override
    public long count(Connection c, Table table, KeyRange range) throws SQLException {
        List<String> keys = keyColumns(table);
        KeyPredicate where = KeyPredicate.of(Q, keys, keyKinds(table, keys), range);
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + Q.quote(table.name()) + where.sql())) {
            where.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
