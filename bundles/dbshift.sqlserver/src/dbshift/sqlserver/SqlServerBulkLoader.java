package dbshift.sqlserver;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import com.microsoft.sqlserver.jdbc.ISQLServerBulkData;
import com.microsoft.sqlserver.jdbc.SQLServerBulkCopy;
import com.microsoft.sqlserver.jdbc.SQLServerBulkCopyOptions;

import dbshift.core.assess.Finding;
import dbshift.core.assess.Severity;
import dbshift.core.data.BulkLoader;
import dbshift.core.engine.Jdbc;
import dbshift.core.data.RowStream;
import dbshift.core.data.TransferColumn;
import dbshift.core.data.ValueKind;
import dbshift.core.model.Column;
import dbshift.core.model.DataType;
import dbshift.core.model.Table;
import dbshift.core.run.MigrationOptions;

/**
 * Loads rows with mssql-jdbc's bulk copy API (SQLServerBulkCopy, the TDS bulk load that bcp and SSIS use) inside
 * the caller's transaction. Values are parsed exactly into the Java types of the target columns; anything that
 * would change on the way (a decimal with more digits than the column keeps, a zero date, an out-of-range time)
 * fails the slice with the table and column named instead of being rounded or dropped.
 *
 * <p>
 * Options (MigrationOptions engine options): {@code sqlserver.bulk.batchSize} (rows per batch, 0 = the whole
 * slice, default), {@code sqlserver.bulk.tableLock} (default false: parallel slices of one table would wait for
 * each other), {@code sqlserver.bulk.keepIdentity} (default true: identity values as on the source, what
 * IDENTITY_INSERT does for row inserts), {@code sqlserver.bulk.keepNulls} (default true: a NULL stays NULL even
 * where the column has a default). Not verified against a live server; see README.
 */
public final class SqlServerBulkLoader implements dbshift.core.data.BulkLoader {
    public static final String BATCH_SIZE = "sqlserver.bulk.batchSize";
    public static final String TABLE_LOCK = "sqlserver.bulk.tableLock";
    public static final String KEEP_IDENTITY = "sqlserver.bulk.keepIdentity";
    public static final String KEEP_NULLS = "sqlserver.bulk.keepNulls";
    /** bulk (default), insert, or auto (bulk, and INSERTs for a table whose bulk load the server refuses). */
    public static final String LOAD_METHOD = "sqlserver.loadMethod";
    public static final String LOAD_METHOD_RULE = "SQLSERVER-LOAD-METHOD";
    static final String BULK = "bulk copy (SQLServerBulkCopy)";
    static final String INSERT = "INSERT batches";
    /**
     * Per run (the identity of its options object, which the copy's workers share): tables that load with INSERTs,
     * and why. A few entries per run; loaders are created per worker, so the decision cannot live in one of them.
     */
    private static final Map<MigrationOptions, Map<String, String>> FALLBACKS = new java.util.IdentityHashMap<>();
    private static final Map<MigrationOptions, Set<String>> REPORTED = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    /** microsoft.sql.Types.DATETIMEOFFSET */
    private static final int DATETIMEOFFSET = -155;
    private static final SqlServerQuoting Q = SqlServerQuoting.INSTANCE;
    /** yyyy-MM-dd[ HH:mm[:ss[.fffffffff]]] or with a T, as MySQL, SQL Server and ISO print date-times. */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd().optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendPattern("HH:mm").optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0).toFormatter();
    private static final DateTimeFormatter OFFSET_DATE_TIME = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().appendLiteral(' ')
            .appendOffset("+HH:MM", "+00:00").toFormatter();

    @Override
    public void prepareSession(Connection c, MigrationOptions options) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute("SET ANSI_NULLS ON");
            s.execute("SET XACT_ABORT ON");
        }
    }

    @Override
    public String method(Connection c) {
        return BULK;
    }

    @Override
    public String method(Connection c, Table table, MigrationOptions options) throws SQLException {
        return switch (choose(c, table, options)) {
            case "insert" -> {
                String why = fallbacks(options).get(table.name().toString());
                yield why == null ? INSERT : INSERT + " (" + why + ")";
            }
            default -> BULK;
        };
    }

    @Override
    public List<Finding> findings(MigrationOptions options) {
        List<Finding> out = new ArrayList<>();
        Map<String, String> reasons = fallbacks(options);
        Set<String> reported = REPORTED.computeIfAbsent(options, k -> ConcurrentHashMap.newKeySet());
        reasons.forEach((table, why) -> {
            if (reported.add(table)) {
                out.add(new Finding(LOAD_METHOD_RULE, Severity.WARNING, "table", table, "loaded with batched INSERTs instead of "
                        + "the bulk copy: " + why, "Nothing to do: the rows were verified the same way. To try the bulk copy "
                        + "again, run with --load-method bulk.", null));
            }
        });
        return out;
    }

    /** The method per table: the option's, or for auto the bulk copy until the server refuses it for that table. */
    private String choose(Connection c, Table table, MigrationOptions options) throws SQLException {
        // Babelfish stores some bulk-copied values wrongly (below): there the default is auto, elsewhere the bulk copy
        String method = options.engineOption(LOAD_METHOD, isBabelfish(c) ? "auto" : "bulk");
        if (!method.equals("auto")) {
            return method;
        }
        Map<String, String> fallbacks = fallbacks(options);
        String key = table.name().toString();
        if (fallbacks.containsKey(key)) {
            return "insert";
        }
        if (isBabelfish(c) && table.columns().stream().anyMatch(col -> col.type().name().equalsIgnoreCase("uniqueidentifier"))) {
            // Babelfish 4.2 accepts uniqueidentifier values in a bulk load and stores other bytes than were sent
            fallbacks.put(key, "Babelfish stores uniqueidentifier values sent by the bulk copy wrongly");
            return "insert";
        }
        return "bulk";
    }

    private static final Map<Connection, Boolean> BABELFISH = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private static boolean isBabelfish(Connection c) throws SQLException {
        Boolean known = BABELFISH.get(c);
        if (known == null) {
            String version = Jdbc.scalar(c, "SELECT @@VERSION");
            known = version != null && version.contains("Babelfish");
            BABELFISH.put(c, known);
        }
        return known;
    }

    private static Map<String, String> fallbacks(MigrationOptions options) {
        synchronized (FALLBACKS) {
            return FALLBACKS.computeIfAbsent(options, k -> new ConcurrentHashMap<>());
        }
    }

    @Override
    public long load(Connection c, Table table, List<TransferColumn> columns, RowStream rows, MigrationOptions options,
            BooleanSupplier cancelled) throws SQLException {
        if (choose(c, table, options).equals("insert")) {
            return SqlServerInsertLoader.load(c, table, columns, rows, options, cancelled);
        }
        try {
            return bulkLoad(c, table, columns, rows, options, cancelled);
        } catch (BulkRefused e) {
            if (!options.engineOption(LOAD_METHOD, isBabelfish(c) ? "auto" : "bulk").equals("auto")) {
                throw new SQLException(e.getMessage() + " (run with --load-method insert or auto to load it with INSERTs)",
                        e.getSQLState(), e.getErrorCode(), e);
            }
            // once per table: the slice is rolled back and run again (a transient failure to the copy engine)
            fallbacks(options).putIfAbsent(table.name().toString(), "the server refused the bulk copy (" + e.getCause().getMessage() + ")");
            throw e;
        }
    }

    /**
     * The server refused the bulk load protocol itself (not a value): with {@code auto} the copy engine rolls the slice
     * back and runs it again, which then loads with INSERTs.
     */
    static final class BulkRefused extends SQLException {
        private static final long serialVersionUID = 1L;

        BulkRefused(String message, SQLException cause) {
            super(message, cause.getSQLState(), cause.getErrorCode(), cause);
        }
    }

    static boolean isBulkRefusal(SQLException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return m.contains("bulk load") || m.contains("bulkloadbcp") || m.contains("column metadata")
                || m.contains("tabular data stream") || m.contains("insert bulk");
    }

    private long bulkLoad(Connection c, Table table, List<TransferColumn> columns, RowStream rows, MigrationOptions options,
            BooleanSupplier cancelled) throws SQLException {
        List<DataType> types = new ArrayList<>();
        for (TransferColumn tc : columns) {
            Column target = table.column(tc.name()).orElseThrow(() -> new SQLException("table " + table.name()
                    + " on the target has no column \"" + tc.name() + "\""));
            types.add(SqlServerTypes.storedType(table, target));
        }
        for (int i = 0; i < types.size(); i++) {
            if ((types.get(i).name().equals("geometry") || types.get(i).name().equals("geography"))
                    && columns.get(i).kind() == ValueKind.SPATIAL) {
                throw new SQLException("table " + table.name() + ": column \"" + columns.get(i).name()
                        + "\" holds MySQL geometry values, which the bulk load does not convert to SQL Server's geometry");
            }
        }
        Source source = new Source(table, columns, types, rows, options.zeroDates() == MigrationOptions.ZeroDates.NULL,
                cancelled);
        SQLServerBulkCopyOptions o = new SQLServerBulkCopyOptions();
        o.setBatchSize(Integer.parseInt(options.engineOption(BATCH_SIZE, "0")));
        o.setTableLock(Boolean.parseBoolean(options.engineOption(TABLE_LOCK, "false")));
        o.setKeepIdentity(Boolean.parseBoolean(options.engineOption(KEEP_IDENTITY, "true")));
        o.setKeepNulls(Boolean.parseBoolean(options.engineOption(KEEP_NULLS, "true")));
        o.setCheckConstraints(false);
        o.setFireTriggers(false);
        o.setUseInternalTransaction(false);
        o.setBulkCopyTimeout(0);
        try (SQLServerBulkCopy copy = new SQLServerBulkCopy(c)) {
            copy.setBulkCopyOptions(o);
            copy.setDestinationTableName(Q.quote(table.name()));
            for (int i = 0; i < columns.size(); i++) {
                copy.addColumnMapping(i + 1, columns.get(i).name());
            }
            copy.writeToServer(source);
        } catch (SQLException e) {
            if (source.failure != null) {
                throw source.failure;
            }
            if (isBulkRefusal(e)) {
                throw new BulkRefused("table " + table.name() + ": " + e.getMessage(), e);
            }
            throw new SQLException("table " + table.name() + ": " + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
        }
        if (source.failure != null) {
            throw source.failure;
        }
        return source.count;
    }

    /** The slice as the bulk copy API reads it: one row at a time from the stream, parsed to the target's types. */
    static final class Source implements ISQLServerBulkData {
        private static final long serialVersionUID = 1L;
        private final transient Table table;
        private final transient List<TransferColumn> columns;
        private final transient List<DataType> types;
        private final transient RowStream rows;
        private final boolean zeroDatesAsNull;
        private final transient BooleanSupplier cancelled;
        private final Object[] current;
        long count;
        transient SQLException failure;

        Source(Table table, List<TransferColumn> columns, List<DataType> types, RowStream rows, boolean zeroDatesAsNull,
                BooleanSupplier cancelled) {
            this.table = table;
            this.columns = columns;
            this.types = types;
            this.rows = rows;
            this.zeroDatesAsNull = zeroDatesAsNull;
            this.cancelled = cancelled;
            this.current = new Object[columns.size()];
        }

        @Override
        public Set<Integer> getColumnOrdinals() {
            Set<Integer> s = new LinkedHashSet<>();
            for (int i = 1; i <= columns.size(); i++) {
                s.add(i);
            }
            return s;
        }

        @Override
        public String getColumnName(int column) {
            return columns.get(column - 1).name();
        }

        @Override
        public int getColumnType(int column) {
            return jdbcType(types.get(column - 1));
        }

        @Override
        public int getPrecision(int column) {
            DataType t = types.get(column - 1);
            return switch (t.name()) {
                case "decimal", "numeric" -> t.precision() == null ? 18 : t.precision();
                case "money" -> 19;
                case "smallmoney" -> 10;
                // temporal types: the length of the value printed as text, which the driver puts in the column's
                // metadata (a precision of 7 for datetime2 made servers refuse the stream: "Data type 0xA7 has an
                // invalid data length or metadata length")
                case "datetime2" -> 19 + fraction(t);
                case "datetimeoffset" -> 26 + fraction(t);
                case "time" -> 8 + fraction(t);
                case "datetime" -> 23;
                case "smalldatetime" -> 19;
                case "date" -> 10;
                default -> t.length() == null || t.length() < 0 ? 0 : t.length();
            };
        }

        private static int fraction(DataType t) {
            int digits = t.length() == null || t.length() < 0 ? 7 : t.length();
            return digits == 0 ? 0 : digits + 1;
        }

        @Override
        public int getScale(int column) {
            DataType t = types.get(column - 1);
            return switch (t.name()) {
                case "decimal", "numeric" -> t.scale() == null ? 0 : t.scale();
                case "money", "smallmoney" -> 4;
                case "datetime2", "datetimeoffset", "time" -> t.length() == null ? 7 : t.length();
                case "datetime" -> 3;
                default -> 0;
            };
        }

        @Override
        public boolean next() throws SQLException {
            if (failure != null) {
                return false;
            }
            try {
                if (cancelled.getAsBoolean()) {
                    throw new SQLException("copy of " + table.name() + " cancelled", "70100");
                }
                if (!rows.next()) {
                    return false;
                }
                for (int i = 0; i < columns.size(); i++) {
                    current[i] = value(i, rows.get(i));
                }
                count++;
                return true;
            } catch (SQLException e) {
                failure = e.getMessage() != null && e.getMessage().startsWith("table ") ? e
                        : new SQLException("reading " + table.name() + " from the source failed: " + e.getMessage(), e.getSQLState(), e);
                throw failure;
            }
        }

        @Override
        public Object[] getRowData() {
            return current;
        }

        private Object value(int i, byte[] v) throws SQLException {
            if (v == null) {
                return null;
            }
            DataType t = types.get(i);
            ValueKind kind = columns.get(i).kind();
            try {
                return convert(t, kind, v);
            } catch (ZeroDate e) {
                if (zeroDatesAsNull) {
                    return null;
                }
                throw new SQLException("table " + table.name() + ", column \"" + columns.get(i).name() + "\": the zero date '"
                        + new String(v, StandardCharsets.UTF_8) + "' has no SQL Server value; run with --zero-dates null to load it as NULL");
            } catch (RuntimeException e) {
                String shown = kind.isBinary() ? v.length + " bytes" : "'" + abbreviate(new String(v, StandardCharsets.UTF_8)) + "'";
                throw new SQLException("table " + table.name() + ", column \"" + columns.get(i).name() + "\": value " + shown
                        + " does not fit " + SqlServerTypes.render(t) + " unchanged (" + e.getMessage() + ")", "22003");
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static final class ZeroDate extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ZeroDate() {
            super(null, null, false, false);
        }
    }

    static int jdbcType(DataType t) {
        return switch (t.name()) {
            case "bigint" -> Types.BIGINT;
            case "int" -> Types.INTEGER;
            case "smallint" -> Types.SMALLINT;
            case "tinyint" -> Types.TINYINT;
            case "bit" -> Types.BIT;
            case "decimal", "numeric", "money", "smallmoney" -> Types.DECIMAL;
            case "float" -> Types.DOUBLE;
            case "real" -> Types.REAL;
            case "date" -> Types.DATE;
            case "time" -> Types.TIME;
            case "datetime", "datetime2", "smalldatetime" -> Types.TIMESTAMP;
            case "datetimeoffset" -> DATETIMEOFFSET;
            case "binary" -> Types.BINARY;
            case "varbinary", "image", "hierarchyid", "geometry", "geography" -> Types.VARBINARY;
            case "char", "varchar", "text" -> Types.VARCHAR;
            case "uniqueidentifier" -> Types.CHAR;
            default -> Types.NVARCHAR;
        };
    }

    /** Parses one value's text (or bytes) exactly into what the bulk copy API sends for the target type. */
    public static Object convert(DataType t, ValueKind kind, byte[] v) {
        if (kind.isBinary() && !t.name().equals("bit") && !SqlServerTypes.isBinary(t) && !t.name().equals("hierarchyid")
                && !t.name().equals("geometry") && !t.name().equals("geography")) {
            throw new IllegalArgumentException("binary value for a non-binary column");
        }
        String s = kind.isBinary() ? null : new String(v, StandardCharsets.UTF_8);
        switch (t.name()) {
            case "bigint":
                return Long.parseLong(s);
            case "int":
                return Integer.parseInt(s);
            case "smallint":
                return Short.parseShort(s);
            case "tinyint": {
                short x = Short.parseShort(s);
                if (x < 0 || x > 255) {
                    throw new IllegalArgumentException("tinyint holds 0..255");
                }
                return x;
            }
            case "bit":
                if (kind.isBinary()) {
                    long bits = 0;
                    for (byte b : v) {
                        bits = bits << 8 | (b & 0xff);
                    }
                    if (bits > 1) {
                        throw new IllegalArgumentException("bit holds 0 or 1");
                    }
                    return bits == 1;
                }
                if (s.equals("1") || s.equalsIgnoreCase("true")) {
                    return Boolean.TRUE;
                }
                if (s.equals("0") || s.equalsIgnoreCase("false")) {
                    return Boolean.FALSE;
                }
                throw new IllegalArgumentException("bit holds 0 or 1");
            case "decimal", "numeric", "money", "smallmoney": {
                BigDecimal d = new BigDecimal(s);
                int scale = t.name().endsWith("money") ? 4 : t.scale() == null ? 0 : t.scale();
                int precision = t.name().equals("money") ? 19 : t.name().equals("smallmoney") ? 10
                        : t.precision() == null ? 18 : t.precision();
                BigDecimal scaled = d.setScale(scale, java.math.RoundingMode.UNNECESSARY);
                if (scaled.precision() - scaled.scale() > precision - scale) {
                    throw new IllegalArgumentException("more integer digits than the column keeps");
                }
                return scaled;
            }
            case "float": {
                double d = Double.parseDouble(s);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException("SQL Server float has no NaN or infinity");
                }
                return d;
            }
            case "real": {
                double d = Double.parseDouble(s);
                float f = (float) d;
                if (kind == ValueKind.DOUBLE && f != d) {
                    throw new IllegalArgumentException("a double that real cannot hold exactly");
                }
                return f;
            }
            case "date":
                return java.sql.Date.valueOf(LocalDate.parse(checkZero(s).substring(0, 10)));
            case "datetime", "datetime2", "smalldatetime": {
                LocalDateTime dt = LocalDateTime.parse(checkZero(s), DATE_TIME);
                int digits = t.name().equals("datetime2") ? (t.length() == null ? 7 : t.length()) : t.name().equals("datetime") ? 3 : 0;
                keepsFraction(dt.getNano(), digits);
                return Timestamp.valueOf(dt);
            }
            case "time": {
                LocalTime lt = LocalTime.parse(s.length() > 8 && s.charAt(8) != '.' ? s.substring(0, 8) : s);
                keepsFraction(lt.getNano(), t.length() == null ? 7 : t.length());
                return Timestamp.valueOf(LocalDateTime.of(LocalDate.of(1900, 1, 1), lt));
            }
            case "datetimeoffset": {
                OffsetDateTime odt = OffsetDateTime.parse(s, OFFSET_DATE_TIME);
                keepsFraction(odt.getNano(), t.length() == null ? 7 : t.length());
                return microsoft.sql.DateTimeOffset.valueOf(odt);
            }
            case "binary", "varbinary", "image", "hierarchyid", "geometry", "geography":
                return kind.isBinary() ? v : s.getBytes(StandardCharsets.UTF_8);
            case "uniqueidentifier":
                return java.util.UUID.fromString(s).toString().toUpperCase(java.util.Locale.ROOT);
            default:
                return s;
        }
    }

    private static String checkZero(String s) {
        if (s.startsWith("0000-00-00") || s.length() >= 10 && (s.startsWith("00", 5) || s.startsWith("00", 8))) {
            throw new ZeroDate();
        }
        return s;
    }

    /** A fraction finer than the column keeps would be rounded by the server: refuse it. */
    private static void keepsFraction(int nanos, int digits) {
        int unit = (int) Math.pow(10, 9 - Math.min(9, digits));
        if (digits < 9 && nanos % unit != 0) {
            throw new IllegalArgumentException("more fractional digits than " + digits);
        }
    }
}
