package dbshift.sqlserver;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import dbshift.core.data.RowStream;
import dbshift.core.data.TransferColumn;
import dbshift.core.data.ValueKind;
import dbshift.core.model.Column;
import dbshift.core.model.DataType;
import dbshift.core.model.Table;
import dbshift.core.run.MigrationOptions;

/**
 * Loads a slice with parameterised multi-row INSERTs inside the caller's transaction, for servers or tables where
 * the bulk copy protocol is refused ({@code --load-method insert|auto}). Values are parsed exactly as for the bulk
 * copy ({@link SqlServerBulkLoader#convert}); identity values are kept with {@code SET IDENTITY_INSERT}. Triggers
 * fire for INSERTs (the bulk copy does not fire them), which is why the migration creates triggers after the data.
 */
final class SqlServerInsertLoader {
    /** SQL Server takes at most 2100 parameters per statement. */
    private static final int MAX_PARAMETERS = 2000;
    private static final int MAX_ROWS = 1000;
    private static final SqlServerQuoting Q = SqlServerQuoting.INSTANCE;

    private SqlServerInsertLoader() {
    }

    static long load(Connection c, Table table, List<TransferColumn> columns, RowStream rows, MigrationOptions options,
            BooleanSupplier cancelled) throws SQLException {
        List<DataType> types = new ArrayList<>();
        boolean identity = false;
        for (TransferColumn tc : columns) {
            Column target = table.column(tc.name()).orElseThrow(() -> new SQLException("table " + table.name()
                    + " on the target has no column \"" + tc.name() + "\""));
            types.add(SqlServerTypes.storedType(table, target));
            identity |= target.identity() != null;
        }
        boolean keepIdentity = identity && Boolean.parseBoolean(options.engineOption(SqlServerBulkLoader.KEEP_IDENTITY, "true"));
        boolean zeroDatesAsNull = options.zeroDates() == MigrationOptions.ZeroDates.NULL;
        int perStatement = Math.max(1, Math.min(MAX_ROWS, MAX_PARAMETERS / Math.max(1, columns.size())));
        String head = "INSERT INTO " + Q.quote(table.name()) + " (" + String.join(", ", columns.stream()
                .map(tc -> Q.quote(tc.name())).toList()) + ") VALUES ";
        String tuple = "(" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        long count = 0;
        if (keepIdentity) {
            try (Statement s = c.createStatement()) {
                s.execute("SET IDENTITY_INSERT " + Q.quote(table.name()) + " ON");
            }
        }
        try (PreparedStatement full = c.prepareStatement(head + String.join(", ", java.util.Collections.nCopies(perStatement, tuple)))) {
            List<Object[]> pending = new ArrayList<>(perStatement);
            while (rows.next()) {
                if (cancelled.getAsBoolean()) {
                    throw new SQLException("copy of " + table.name() + " cancelled", "70100");
                }
                Object[] row = new Object[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = value(table, columns.get(i), types.get(i), rows.get(i), zeroDatesAsNull);
                }
                pending.add(row);
                count++;
                if (pending.size() == perStatement) {
                    execute(full, pending, table);
                    pending.clear();
                }
            }
            if (!pending.isEmpty()) {
                try (PreparedStatement rest = c.prepareStatement(head + String.join(", ",
                        java.util.Collections.nCopies(pending.size(), tuple)))) {
                    execute(rest, pending, table);
                }
            }
        } finally {
            if (keepIdentity) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET IDENTITY_INSERT " + Q.quote(table.name()) + " OFF");
                } catch (SQLException e) {
                    // the transaction failed already; the rollback ends the session's setting with it
                }
            }
        }
        return count;
    }

    private static void execute(PreparedStatement ps, List<Object[]> pending, Table table) throws SQLException {
        int p = 1;
        for (Object[] row : pending) {
            for (Object v : row) {
                ps.setObject(p++, v);
            }
        }
        try {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new SQLException("table " + table.name() + ": " + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
        }
    }

    private static Object value(Table table, TransferColumn column, DataType type, byte[] v, boolean zeroDatesAsNull)
            throws SQLException {
        if (v == null) {
            return null;
        }
        try {
            Object o = SqlServerBulkLoader.convert(type, column.kind(), v);
            if (type.name().equals("time") && o instanceof java.sql.Timestamp ts) {
                return ts.toLocalDateTime().toLocalTime().toString(); // a time parameter would drop the fraction
            }
            return o;
        } catch (RuntimeException e) {
            if (e.getClass().getSimpleName().equals("ZeroDate")) {
                if (zeroDatesAsNull) {
                    return null;
                }
                throw new SQLException("table " + table.name() + ", column \"" + column.name() + "\": the zero date '"
                        + new String(v, StandardCharsets.UTF_8) + "' has no SQL Server value; run with --zero-dates null to load it as NULL");
            }
            String shown = column.kind().isBinary() ? v.length + " bytes"
                    : "'" + new String(v, StandardCharsets.UTF_8) + "'";
            throw new SQLException("table " + table.name() + ", column \"" + column.name() + "\": value " + shown
                    + " does not fit " + SqlServerTypes.render(type) + " unchanged (" + e.getMessage() + ")", "22003");
        }
    }
}
