package dbshift.mysql;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import dbshift.core.data.BulkLoader;
import dbshift.core.data.KeyRange;
import dbshift.core.data.RowStream;
import dbshift.core.data.TransferColumn;
import dbshift.core.data.ValueKind;
import dbshift.core.engine.Jdbc;
import dbshift.core.model.Table;
import dbshift.core.run.MigrationOptions;

/**
 * Loads rows into MySQL/MariaDB with {@code LOAD DATA LOCAL INFILE} fed from a stream (the fastest path any
 * client has), or, where the server forbids local infile, with multi-row INSERTs. LOAD DATA LOCAL turns data
 * errors into warnings, so every load checks the warning count and the row count and fails on any difference.
 */
public final class MySqlBulkLoader implements BulkLoader {
    /** {@code auto}, {@code load-data} or {@code insert}; for benchmarks and for servers where one path misbehaves. */
    public static final String METHOD_PROPERTY = "dbshift.loadMethod";
    private static final int INSERT_STATEMENT_BYTES = 4 * 1024 * 1024;
    private static final MySqlQuoting Q = MySqlQuoting.INSTANCE;

    @Override
    public void prepareSession(Connection c, MigrationOptions options) throws SQLException {
        Jdbc.execute(c, "SET time_zone = '+00:00'");
        Jdbc.execute(c, "SET NAMES utf8mb4");
        // strict (reject bad values), keep explicit zeros in AUTO_INCREMENT columns, allow zero dates as copied
        Jdbc.execute(c, "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_AUTO_VALUE_ON_ZERO,NO_ENGINE_SUBSTITUTION'");
        // the source enforced its foreign keys; the slices arrive in any order
        Jdbc.execute(c, "SET SESSION foreign_key_checks = 0");
        // notes are not data changes (e.g. a generated DECIMAL column rounding what it computes); warnings are
        Jdbc.execute(c, "SET SESSION sql_notes = 0");
    }

    @Override
    public String method(Connection c) throws SQLException {
        String forced = System.getProperty(METHOD_PROPERTY, "auto");
        if (forced.equals("insert")) {
            return "INSERT";
        }
        if (forced.equals("load-data")) {
            return "LOAD DATA LOCAL";
        }
        return "1".equals(Jdbc.scalar(c, "SELECT @@GLOBAL.local_infile")) || "ON".equalsIgnoreCase(
                Jdbc.scalar(c, "SELECT @@GLOBAL.local_infile")) ? "LOAD DATA LOCAL" : "INSERT";
    }

    @Override
    public long load(Connection c, Table table, List<TransferColumn> columns, RowStream rows, MigrationOptions options,
            BooleanSupplier cancelled) throws SQLException {
        boolean zeroDatesAsNull = options.zeroDates() == MigrationOptions.ZeroDates.NULL;
        return method(c).equals("INSERT") ? insert(c, table, columns, rows, zeroDatesAsNull, cancelled)
                : loadData(c, table, columns, rows, zeroDatesAsNull, cancelled);
    }

    private long loadData(Connection c, Table table, List<TransferColumn> columns, RowStream rows, boolean zeroDatesAsNull,
            BooleanSupplier cancelled) throws SQLException {
        RowEncodingInputStream in = new RowEncodingInputStream(rows, columns, zeroDatesAsNull, cancelled);
        List<String> targets = new ArrayList<>();
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            TransferColumn col = columns.get(i);
            if (col.kind().isBinary()) {
                targets.add("@v" + i);
                sets.add(Q.quote(col.name()) + " = UNHEX(@v" + i + ")");
            } else {
                targets.add(Q.quote(col.name()));
            }
        }
        String sql = "LOAD DATA LOCAL INFILE 'dbshift.tsv' INTO TABLE " + Q.quote(table.name())
                + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
                + String.join(", ", targets) + ")" + (sets.isEmpty() ? "" : " SET " + String.join(", ", sets));
        long affected;
        try (Statement s = c.createStatement()) {
            setInfileStream(s, in);
            affected = s.executeLargeUpdate(sql);
            if (in.failure() != null) {
                throw readFailure(table, in.failure());
            }
            checkWarnings(s, table);
        } catch (SQLException e) {
            if (in.failure() != null) {
                throw readFailure(table, in.failure());
            }
            throw e;
        }
        if (affected != in.rowCount()) {
            throw new SQLException("table " + table.name() + ": sent " + in.rowCount() + " rows but the target stored "
                    + affected + " (duplicate keys on the target?)");
        }
        return affected;
    }

    private static SQLException readFailure(Table table, Exception failure) {
        if (failure instanceof InterruptedException) {
            return new SQLException("copy of " + table.name() + " cancelled", "70100", failure);
        }
        if (failure instanceof SQLException e) {
            return new SQLException("reading " + table.name() + " from the source failed: " + e.getMessage(), e.getSQLState(),
                    e.getErrorCode(), e);
        }
        return new SQLException("reading " + table.name() + " from the source failed: " + failure, failure);
    }

    @Override
    public long copyWithinServer(Connection c, Table source, Table target, List<TransferColumn> columns, List<String> keyColumns,
            List<ValueKind> keyKinds, KeyRange range, MigrationOptions options) throws SQLException {
        String forced = System.getProperty(METHOD_PROPERTY, "auto");
        if (!forced.equals("auto") && !forced.equals("same-server")
                || options.zeroDates() == MigrationOptions.ZeroDates.NULL) {
            return -1;
        }
        dbshift.core.data.KeyPredicate where = dbshift.core.data.KeyPredicate.of(Q, keyColumns, keyKinds, range);
        String names = String.join(", ", columns.stream().map(col -> Q.quote(col.name())).toList());
        String sql = "INSERT INTO " + Q.quote(target.name()) + " (" + names + ") SELECT " + names + " FROM " + Q.quote(source.name())
                + where.sql() + (keyColumns.isEmpty() ? "" : " ORDER BY " + String.join(", ", keyColumns.stream().map(Q::quote).toList()));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            where.bind(ps, 1);
            long rows = ps.executeLargeUpdate();
            checkWarnings(ps, target);
            return rows;
        }
    }

    /** Both drivers take the LOCAL INFILE content from a stream set on the statement. */
    private static void setInfileStream(Statement s, InputStream in) throws SQLException {
        if (s.isWrapperFor(com.mysql.cj.jdbc.JdbcStatement.class)) {
            s.unwrap(com.mysql.cj.jdbc.JdbcStatement.class).setLocalInfileInputStream(in);
        } else if (s.isWrapperFor(org.mariadb.jdbc.Statement.class)) {
            s.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(new PacketSizedInput(in));
        } else {
            throw new SQLException("this JDBC driver cannot stream LOAD DATA LOCAL INFILE: " + s.getClass().getName());
        }
    }

    /**
     * MariaDB Connector/J sends a local infile as one packet per {@code read} into an 8 KiB array; a full 8 KiB read
     * does not fit its 8 KiB packet buffer beside the 4-byte header, so every packet grew the buffer to 128 KiB and
     * the flush shrank it again: a 136 KiB allocation per 8 KiB sent (a fifth of the client's CPU in the
     * benchmark). Reads of at most 8188 bytes fit the buffer as it is.
     */
    private static final class PacketSizedInput extends java.io.FilterInputStream {
        private static final int MAX_READ = 8192 - 4;

        PacketSizedInput(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            return in.read(b, off, Math.min(len, MAX_READ));
        }
    }

    /** Any warning of a load means a value was changed or dropped: fail, naming the first few. */
    private static void checkWarnings(Statement s, Table table) throws SQLException {
        List<String> warnings = new ArrayList<>();
        int count = 0;
        for (java.sql.SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
            count++;
            if (warnings.size() < 5) {
                warnings.add(w.getMessage());
            }
        }
        if (count > 0) {
            throw new SQLException("table " + table.name() + ": the target changed or refused values (" + count
                    + (count == 64 ? "+" : "") + " warnings): " + String.join("; ", warnings));
        }
    }

    /** Multi-row INSERTs of up to 4 MB each, for servers with local_infile off. */
    private long insert(Connection c, Table table, List<TransferColumn> columns, RowStream rows, boolean zeroDatesAsNull,
            BooleanSupplier cancelled) throws SQLException {
        String head = "INSERT INTO " + Q.quote(table.name()) + " ("
                + String.join(", ", columns.stream().map(col -> Q.quote(col.name())).toList()) + ") VALUES ";
        StringBuilder sql = new StringBuilder(head);
        long total = 0;
        int inStatement = 0;
        try (Statement s = c.createStatement()) {
            while (rows.next()) {
                if (cancelled.getAsBoolean()) {
                    throw new SQLException("copy of " + table.name() + " cancelled", "70100");
                }
                sql.append(inStatement == 0 ? "(" : ",(");
                for (int i = 0; i < columns.size(); i++) {
                    if (i > 0) {
                        sql.append(',');
                    }
                    byte[] v = rows.get(i);
                    ValueKind kind = columns.get(i).kind();
                    if (v == null || zeroDatesAsNull && kind == ValueKind.TEMPORAL && RowEncodingInputStream.isZeroDate(v)) {
                        sql.append("NULL");
                    } else if (kind.isBinary()) {
                        sql.append("X'").append(java.util.HexFormat.of().formatHex(v)).append('\'');
                    } else {
                        sql.append(Q.literal(new String(v, StandardCharsets.UTF_8)));
                    }
                }
                sql.append(')');
                inStatement++;
                if (sql.length() >= INSERT_STATEMENT_BYTES) {
                    total += flush(s, sql, inStatement, table);
                    sql.setLength(0);
                    sql.append(head);
                    inStatement = 0;
                }
            }
            if (inStatement > 0) {
                total += flush(s, sql, inStatement, table);
            }
        }
        return total;
    }

    private long flush(Statement s, StringBuilder sql, int rowCount, Table table) throws SQLException {
        s.clearWarnings();
        long affected = s.executeLargeUpdate(sql.toString());
        checkWarnings(s, table);
        if (affected != rowCount) {
            throw new SQLException("table " + table.name() + ": sent " + rowCount + " rows but the target stored " + affected);
        }
        return affected;
    }
}
