package dbshift.sqlserver;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import dbshift.core.data.IntegerSlices;
import dbshift.core.data.KeyRange;
import dbshift.core.data.RowReader;
import dbshift.core.data.RowStream;
import dbshift.core.data.TransferColumn;
import dbshift.core.data.ValueKind;
import dbshift.core.engine.Jdbc;
import dbshift.core.model.Column;
import dbshift.core.model.DataType;
import dbshift.core.model.Table;

/**
 * Reads SQL Server table data in primary-key slices. Each type is read with a T-SQL expression whose text is
 * exact and documented (CONVERT styles 121/23/120 for dates, style 2 for money, plain CONVERT for decimals, which
 * never uses exponents); floating point is read as the binary value and printed by Java, which round-trips.
 * Computed and rowversion columns are not moved: the target computes them.
 */
public final class SqlServerRowReader implements RowReader {
    private static final SqlServerQuoting Q = SqlServerQuoting.INSTANCE;

    @Override
    public void prepareSession(Connection c) throws SQLException {
        // keys and values compared in the server's terms; nothing the session could change about the text we read
        Jdbc.execute(c, "SET ANSI_NULLS ON");
        Jdbc.execute(c, "SET CONCAT_NULL_YIELDS_NULL ON");
    }

    @Override
    public List<TransferColumn> transferColumns(Table table) {
        return transferColumns(table, null);
    }

    @Override
    public List<TransferColumn> transferColumns(Table table, Table target) {
        List<TransferColumn> out = new ArrayList<>();
        for (Column c : table.columns()) {
            DataType stored = SqlServerTypes.storedType(table, c);
            if (c.isGenerated() || stored.name().equals("rowversion")) {
                continue;
            }
            DataType targetType = target == null ? null : target.column(c.name()).map(Column::type).orElse(null);
            out.add(transferColumn(c.name(), stored, targetType));
        }
        return out;
    }

    public static TransferColumn transferColumn(String name, DataType type, DataType targetType) {
        String q = Q.quote(name);
        return switch (type.name()) {
            case "tinyint", "smallint", "int", "bigint" -> new TransferColumn(name, q, ValueKind.NUMBER);
            // bit as one byte, as MySQL's BIT travels; as the number 0/1 where the target stores a number
            case "bit" -> targetType != null && !targetType.name().equals("bit")
                    ? new TransferColumn(name, "CONVERT(tinyint, " + q + ")", ValueKind.NUMBER)
                    // through tinyint: the same byte on SQL Server, and Babelfish cannot cast bit to binary
                    : new TransferColumn(name, "CONVERT(binary(1), CONVERT(tinyint, " + q + "))", ValueKind.BIT);
            // char and nchar are padded with spaces to their length: the padding is not part of the value
            case "char", "nchar" -> new TransferColumn(name, "RTRIM(" + q + ")", ValueKind.TEXT);
            case "decimal", "numeric" -> new TransferColumn(name, "CONVERT(varchar(50), " + q + ")", ValueKind.NUMBER);
            // trimmed: Babelfish pads the text of a money value with spaces
            case "money", "smallmoney" -> new TransferColumn(name, "LTRIM(RTRIM(CONVERT(varchar(30), " + q + ", 2)))", ValueKind.NUMBER);
            case "float" -> new TransferColumn(name, q, ValueKind.DOUBLE);
            case "real" -> new TransferColumn(name, q, ValueKind.FLOAT);
            case "date" -> new TransferColumn(name, "CONVERT(char(10), " + q + ", 23)", ValueKind.TEMPORAL);
            case "datetime" -> new TransferColumn(name, "CONVERT(varchar(23), " + q + ", 121)", ValueKind.TEMPORAL);
            case "smalldatetime" -> new TransferColumn(name, "CONVERT(varchar(19), " + q + ", 120)", ValueKind.TEMPORAL);
            case "datetime2" -> new TransferColumn(name, "CONVERT(varchar(27), " + fewerDigits(q, "datetime2", type, targetType)
                    + ", 121)", ValueKind.TEMPORAL);
            case "time" -> new TransferColumn(name, "CONVERT(varchar(16), " + fewerDigits(q, "time", type, targetType) + ")",
                    ValueKind.TEMPORAL);
            case "datetimeoffset" -> targetType != null && !targetType.name().equals("datetimeoffset")
                    // an engine without offsets gets the instant in UTC
                    ? new TransferColumn(name, "CONVERT(varchar(27), CONVERT(datetime2(" + digits(targetType, 7)
                            + "), SWITCHOFFSET(" + q + ", '+00:00')), 121)", ValueKind.TEMPORAL)
                    : new TransferColumn(name, "CONVERT(varchar(34), " + q + ")", ValueKind.TEXT);
            case "uniqueidentifier" -> new TransferColumn(name, "CONVERT(char(36), " + q + ")", ValueKind.TEXT);
            case "binary", "varbinary", "image" -> new TransferColumn(name, q, ValueKind.BINARY);
            case "hierarchyid", "geometry", "geography" -> new TransferColumn(name, "CONVERT(varbinary(max), " + q + ")",
                    ValueKind.BINARY);
            case "xml" -> new TransferColumn(name, "CONVERT(nvarchar(max), " + q + ")", ValueKind.TEXT);
            case "sql_variant" -> new TransferColumn(name, "CONVERT(nvarchar(4000), " + q + ")", ValueKind.TEXT);
            default -> new TransferColumn(name, q, ValueKind.TEXT);
        };
    }

    /**
     * A target that keeps fewer fractional digits (MySQL's six) gets the value rounded as the target will round it,
     * so that verification compares what the conversion planned; the converter reports the lost digit.
     */
    private static String fewerDigits(String q, String type, DataType source, DataType target) {
        int from = digits(source, 7);
        int to = target == null || SqlServerTypes.SYSTEM_TYPES.contains(target.name()) && target.name().equals(source.name())
                ? from : digits(target, 0);
        return to < from ? "CONVERT(" + type + "(" + to + "), " + q + ")" : q;
    }

    private static int digits(DataType t, int fallback) {
        return t == null || t.length() == null ? fallback : Math.max(0, Math.min(7, t.length()));
    }

    @Override
    public List<String> keyColumns(Table table) {
        return table.hasPrimaryKey() ? table.primaryKey().columnNames() : List.of();
    }

    private static boolean isInteger(Table table, String column) {
        Column c = table.column(column).orElseThrow();
        return SqlServerTypes.INTEGER_TYPES.contains(SqlServerTypes.storedType(table, c).name());
    }

    @Override
    public List<List<String>> sliceBounds(Connection c, Table table, long rowsPerSlice) throws SQLException {
        List<String> keys = keyColumns(table);
        if (keys.isEmpty() || rowsPerSlice <= 0) {
            return List.of();
        }
        if (keys.size() == 1 && isInteger(table, keys.get(0))) {
            List<List<String>> arithmetic = integerBounds(c, table, keys.get(0), rowsPerSlice);
            if (arithmetic != null) {
                return arithmetic;
            }
        }
        List<Boolean> binary = keys.stream().map(k -> SqlServerTypes.isBinary(SqlServerTypes.storedType(table,
                table.column(k).orElseThrow()))).toList();
        String keyList = String.join(", ", keys.stream().map(Q::quote).toList());
        List<List<String>> bounds = new ArrayList<>();
        List<String> lower = null;
        while (true) {
            SqlServerKeys where = SqlServerKeys.of(table, keys, new KeyRange(lower, null));
            String sql = "SELECT " + keyList + " FROM " + Q.quote(table.name()) + where.sql() + " ORDER BY " + keyList
                    + " OFFSET " + (rowsPerSlice - 1) + " ROWS FETCH NEXT 1 ROWS ONLY";
            List<String> bound = null;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                where.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        bound = new ArrayList<>();
                        for (int i = 0; i < keys.size(); i++) {
                            bound.add(binary.get(i) ? HexFormat.of().formatHex(rs.getBytes(i + 1)) : rs.getString(i + 1));
                        }
                    }
                }
            }
            if (bound == null) {
                return bounds;
            }
            bounds.add(bound);
            lower = bound;
        }
    }

    /** Dense integer keys split by arithmetic, without scanning the table; null when the keys are sparse. */
    private static List<List<String>> integerBounds(Connection c, Table table, String key, long rowsPerSlice)
            throws SQLException {
        String k = Q.quote(key);
        return IntegerSlices.bounds(c, "SELECT MIN(" + k + "), MAX(" + k + "), COUNT_BIG(*) FROM " + Q.quote(table.name()),
                rowsPerSlice);
    }

    @Override
    public RowStream open(Connection c, Table table, List<TransferColumn> columns, KeyRange range, boolean ordered)
            throws SQLException {
        List<String> keys = keyColumns(table);
        SqlServerKeys where = SqlServerKeys.of(table, keys, range);
        StringBuilder sql = new StringBuilder("SELECT ");
        sql.append(String.join(", ", columns.stream().map(TransferColumn::selectExpression).toList()));
        sql.append(" FROM ").append(Q.quote(table.name())).append(where.sql());
        if (ordered && !keys.isEmpty()) {
            sql.append(" ORDER BY ").append(String.join(", ", keys.stream().map(Q::quote).toList()));
        }
        PreparedStatement ps = c.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        try {
            ps.setFetchSize(4096);
            where.bind(ps, 1);
            return new Stream(ps, ps.executeQuery(), columns);
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    @Override
    public RowStream openKeys(Connection c, Table table, List<TransferColumn> columns, List<List<String>> keys)
            throws SQLException {
        SqlServerKeys where = SqlServerKeys.anyOf(table, keyColumns(table), keys);
        PreparedStatement ps = c.prepareStatement("SELECT " + String.join(", ", columns.stream()
                .map(TransferColumn::selectExpression).toList()) + " FROM " + Q.quote(table.name()) + where.sql());
        try {
            where.bind(ps, 1);
            return new Stream(ps, ps.executeQuery(), columns);
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    @Override
    public long count(Connection c, Table table, KeyRange range) throws SQLException {
        SqlServerKeys where = SqlServerKeys.of(table, keyColumns(table), range);
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT_BIG(*) FROM " + Q.quote(table.name()) + where.sql())) {
            where.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Text as UTF-8 (the driver decodes every code page and UTF-16), binary as bytes, floating point via Java. */
    static final class Stream implements RowStream {
        private final PreparedStatement statement;
        private final ResultSet rs;
        private final ValueKind[] kinds;

        Stream(PreparedStatement statement, ResultSet rs, List<TransferColumn> columns) {
            this.statement = statement;
            this.rs = rs;
            this.kinds = columns.stream().map(TransferColumn::kind).toArray(ValueKind[]::new);
        }

        @Override
        public boolean next() throws SQLException {
            return rs.next();
        }

        @Override
        public byte[] get(int i) throws SQLException {
            switch (kinds[i]) {
                case BINARY, SPATIAL, BIT -> {
                    return rs.getBytes(i + 1);
                }
                case DOUBLE -> {
                    double d = rs.getDouble(i + 1);
                    return rs.wasNull() ? null : Double.toString(d).getBytes(StandardCharsets.US_ASCII);
                }
                case FLOAT -> {
                    float f = rs.getFloat(i + 1);
                    return rs.wasNull() ? null : Float.toString(f).getBytes(StandardCharsets.US_ASCII);
                }
                default -> {
                    String s = rs.getString(i + 1);
                    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
                }
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                rs.close();
            } finally {
                statement.close();
            }
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
