package dbshift.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dbshift.mysql.MySqlQuoting;

/**
 * The tables the sync-lag benchmark writes to while DBShift follows the source: accounts (hot updates), orders and
 * events, each with a numeric primary key the workload inserts at the top of and deletes from the bottom of, so that
 * every statement changes exactly one row. The DDL is valid on MariaDB 11.4 and MySQL 8 (explicit utf8mb4_unicode_ci),
 * and the fingerprint is computed alike by both.
 */
final class LagTables {
    private static final MySqlQuoting Q = MySqlQuoting.INSTANCE;

    /** One table: its DDL, the columns the workload sets, and how the benchmark generates its first rows. */
    record Spec(String name, String ddlColumns, String insertColumns, String generated, String updateSet, List<String> fingerprintColumns) {
    }

    static final List<Spec> ALL = List.of(
            new Spec("accounts",
                    "`id` BIGINT NOT NULL, `owner` VARCHAR(64) NOT NULL, `balance` DECIMAL(14,2) NOT NULL, "
                            + "`status` VARCHAR(16) NOT NULL, `version` INT NOT NULL, `updated_at` DATETIME(6) NOT NULL",
                    "`id`, `owner`, `balance`, `status`, `version`, `updated_at`",
                    "seq, CONCAT('owner ', seq), (seq MOD 100000) / 10, ELT(1 + seq MOD 3, 'open', 'frozen', 'closed'), 1, "
                            + "TIMESTAMP '2026-01-01 00:00:00' + INTERVAL seq SECOND",
                    "`balance` = ?, `status` = ?, `version` = `version` + 1, `updated_at` = ?",
                    List.of("`id`", "`owner`", "`balance`", "`status`", "`version`", "`updated_at`")),
            new Spec("orders",
                    "`id` BIGINT NOT NULL, `account_id` BIGINT NOT NULL, `amount` DECIMAL(12,2) NOT NULL, "
                            + "`status` VARCHAR(16) NOT NULL, `note` VARCHAR(255) NULL, `created_at` DATETIME(6) NOT NULL, "
                            + "`updated_at` DATETIME(6) NOT NULL",
                    "`id`, `account_id`, `amount`, `status`, `note`, `created_at`, `updated_at`",
                    "seq, 1 + seq MOD 1000, (seq * 7919 MOD 1000000) / 100, ELT(1 + seq MOD 4, 'new', 'paid', 'shipped', 'cancelled'), "
                            + "IF(seq MOD 5 = 0, NULL, CONCAT('note ', seq, ' \\'quoted\\' \\\\ ', '\u00e9\u00e8')), "
                            + "TIMESTAMP '2026-01-01 00:00:00' + INTERVAL seq SECOND, TIMESTAMP '2026-01-01 00:00:00' + INTERVAL seq SECOND",
                    "`amount` = ?, `status` = ?, `note` = ?, `updated_at` = ?",
                    List.of("`id`", "`account_id`", "`amount`", "`status`", "COALESCE(`note`, '\\\\N')", "`created_at`", "`updated_at`")),
            new Spec("events",
                    "`id` BIGINT NOT NULL, `kind` VARCHAR(32) NOT NULL, `payload` TEXT NOT NULL, `created_at` DATETIME(6) NOT NULL",
                    "`id`, `kind`, `payload`, `created_at`",
                    "seq, ELT(1 + seq MOD 3, 'login', 'view', 'purchase'), REPEAT(CONCAT('payload ', seq, ' '), 1 + seq MOD 6), "
                            + "TIMESTAMP '2026-01-01 00:00:00' + INTERVAL seq SECOND",
                    "`kind` = ?, `payload` = ?, `created_at` = ?",
                    List.of("`id`", "`kind`", "`payload`", "`created_at`")));

    private LagTables() {
    }

    static String createTable(String database, Spec t) {
        return "CREATE TABLE " + Q.quote(database) + "." + Q.quote(t.name()) + " (" + t.ddlColumns() + ", PRIMARY KEY (`id`)) "
                + "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";
    }

    /** Fills a new table of {@code database} on MariaDB with rows 1..rows, outside the binary log (they are the copy's). */
    static void generate(Connection c, String database, Spec t, long rows) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_log_bin = 0");
            s.execute("USE " + Q.quote(database));
            s.execute("INSERT INTO " + Q.quote(t.name()) + " (" + t.insertColumns() + ") SELECT " + t.generated() + " FROM seq_1_to_"
                    + rows);
        }
    }

    /** Row count and a content checksum that MariaDB and MySQL compute alike for these tables. */
    static OrdersTable.Fingerprint fingerprint(Connection c, String database, Spec t) throws SQLException {
        String sql = "SELECT COUNT(*), COALESCE(SUM(CRC32(CONCAT_WS('|', " + String.join(", ", t.fingerprintColumns()) + "))), 0) FROM "
                + Q.quote(database) + "." + Q.quote(t.name());
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new OrdersTable.Fingerprint(rs.getLong(1), rs.getString(2));
        }
    }
}
