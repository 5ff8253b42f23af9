package dbshift.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.LongConsumer;

import dbshift.mysql.MySqlQuoting;

/**
 * The table every tool copies: an order book with an int primary key, short and long text, a datetime and a
 * decimal, with NULLs and the characters that break naive exports (tab, newline, backslash, both quotes, 4-byte
 * UTF-8). The rows are generated on the MariaDB source with its sequence engine, so ten million take a minute.
 * The DDL is the same on every target, and valid on MariaDB 11.4 and MySQL 8 (explicit utf8mb4_unicode_ci,
 * because MariaDB 11.4's default uca1400 collation does not exist on MySQL 8).
 */
final class OrdersTable {
    static final String NAME = "orders";
    private static final MySqlQuoting Q = MySqlQuoting.INSTANCE;
    private static final long GENERATE_CHUNK = 1_000_000;

    static final String COLUMNS = "int PK, varchar(64), varchar(120) NULL, datetime, decimal(12,2), varchar(16), text NULL";

    private OrdersTable() {
    }

    static String createTable(String database) {
        return "CREATE TABLE " + Q.quote(database) + "." + Q.quote(NAME) + " ("
                + "`id` INT NOT NULL, "
                + "`customer` VARCHAR(64) NOT NULL, "
                + "`email` VARCHAR(120) NULL, "
                + "`created_at` DATETIME NOT NULL, "
                + "`amount` DECIMAL(12,2) NOT NULL, "
                + "`status` VARCHAR(16) NOT NULL, "
                + "`note` TEXT NULL, "
                + "PRIMARY KEY (`id`)"
                + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";
    }

    /** Fills the (empty) table of {@code database} on a MariaDB server with rows 1..rows, a million per statement. */
    static void generate(Connection c, String database, long rows, LongConsumer progress) throws SQLException {
        try (Statement s = c.createStatement()) {
            // the generated rows are the starting point, not part of any copy: keep them out of the binary log
            s.execute("SET SESSION sql_log_bin = 0");
            s.execute("USE " + Q.quote(database)); // the sequence engine's seq_1_to_N tables live in every database
            for (long from = 1; from <= rows; from += GENERATE_CHUNK) {
                long to = Math.min(rows, from + GENERATE_CHUNK - 1);
                s.execute(insertRows(database, from, to));
                progress.accept(to);
            }
            s.execute("ANALYZE TABLE " + Q.quote(database) + "." + Q.quote(NAME));
        }
    }

    private static String insertRows(String database, long from, long to) {
        String special = Q.literal("tab\there, newline\nthere, backslash \\ quotes ' and \" emoji \uD83D\uDE80 #");
        return "INSERT INTO " + Q.quote(database) + "." + Q.quote(NAME)
                + " (`id`, `customer`, `email`, `created_at`, `amount`, `status`, `note`) SELECT seq, "
                + "CONCAT('customer ', seq MOD 50000), "
                + "IF(seq MOD 10 = 0, NULL, CONCAT('user', seq, '@example.com')), "
                + "TIMESTAMP '2020-01-01 00:00:00' + INTERVAL ((seq * 7919) MOD 157766400) SECOND, "
                + "CAST(((seq * 104729) MOD 10000000) / 100 AS DECIMAL(12,2)), "
                + "ELT(1 + seq MOD 4, 'new', 'paid', 'shipped', 'cancelled'), "
                + "CASE WHEN seq MOD 7 = 0 THEN NULL "
                + "WHEN seq MOD 11 = 0 THEN CONCAT(" + special + ", seq) "
                // 1 to 15 repetitions: up to about 200 characters at millions of rows (issue 16's shape)
                + "ELSE REPEAT(CONCAT('note ', seq, ' '), 1 + seq MOD 15) END "
                + "FROM seq_" + from + "_to_" + to;
    }

    /** Row count and a content checksum (sum of CRC32 over every column, NULLs marked) that both servers compute alike. */
    record Fingerprint(long rows, String checksum) {
        @Override
        public String toString() {
            return String.format("%,d rows, checksum %s", rows, checksum);
        }
    }

    static Fingerprint fingerprint(Connection c, String database) throws SQLException {
        String sql = "SELECT COUNT(*), COALESCE(SUM(CRC32(CONCAT_WS('|', `id`, `customer`, COALESCE(`email`, '\\\\N'), "
                + "`created_at`, `amount`, `status`, COALESCE(`note`, '\\\\N')))), 0) FROM " + Q.quote(database) + "."
                + Q.quote(NAME);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new Fingerprint(rs.getLong(1), rs.getString(2));
        }
    }

    /** Average stored row length as the server estimates it, for the output. */
    static long averageRowBytes(Connection c, String database) throws SQLException {
        try (var ps = c.prepareStatement("SELECT AVG_ROW_LENGTH FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            ps.setString(1, database);
            ps.setString(2, NAME);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
