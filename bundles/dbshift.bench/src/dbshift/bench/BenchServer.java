package dbshift.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import dbshift.mysql.MySqlQuoting;
import dbshift.embedded.EmbeddedServer;

/** One embedded server the benchmark copies from or to: its address, and plain SQL on it as root. */
final class BenchServer implements AutoCloseable {
    private static final MySqlQuoting Q = MySqlQuoting.INSTANCE;

    private final EmbeddedServer server;
    private final String label;
    private final String options;
    private final boolean mariaDb;
    private boolean closed;
    private List<Long> pids = List.of();

    BenchServer(EmbeddedServer server, String label, String options, boolean mariaDb) {
        this.server = server;
        this.label = label;
        this.options = options;
        this.mariaDb = mariaDb;
    }

    /** Finds the server's process(es) among this JVM's descendants by its work directory, for CPU accounting. */
    void findProcesses() {
        pids = CpuMeter.serverPids(server.port());
    }

    List<Long> pids() {
        return pids;
    }

    /** {@code MariaDB 11.4.5} or {@code MySQL 8.0.31}. */
    String label() {
        return label;
    }

    /** The server options the benchmark started it with, for the output. */
    String options() {
        return options;
    }

    boolean isMariaDb() {
        return mariaDb;
    }

    int port() {
        return server.port();
    }

    String user() {
        return server.user();
    }

    String url(JdbcDriver driver, String database) {
        return driver.url(server.port(), database);
    }

    /** A connection through the server's own driver. */
    Connection connect(String database) throws SQLException {
        JdbcDriver driver = mariaDb ? JdbcDriver.MARIADB : JdbcDriver.CONNECTOR_J;
        Properties props = new Properties();
        props.setProperty("user", server.user());
        props.setProperty("password", "");
        java.sql.Driver d = mariaDb ? new org.mariadb.jdbc.Driver() : new com.mysql.cj.jdbc.Driver();
        Connection c = d.connect(url(driver, database), props);
        if (c == null) {
            throw new SQLException("no driver for " + label);
        }
        return c;
    }

    void execute(String... statements) throws SQLException {
        try (Connection c = connect(null); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** Drops and re-creates an empty database. */
    void recreateDatabase(String database) throws SQLException {
        execute("DROP DATABASE IF EXISTS " + Q.quote(database),
                "CREATE DATABASE " + Q.quote(database) + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    void dropDatabase(String database) throws SQLException {
        execute("DROP DATABASE IF EXISTS " + Q.quote(database));
    }

    /** Removes the binary logs the last copy wrote, so that ten million rows per tool do not fill the disk. */
    void purgeBinaryLogs() throws SQLException {
        execute("RESET MASTER");
    }

    /**
     * Waits until InnoDB has written the pages the last copy dirtied, so that one tool's background flushing does
     * not slow the next tool down. Gives up after {@code maxMillis}; returns the dirty pages left.
     */
    long quiesce(long maxMillis) throws SQLException {
        try (Connection c = connect(null); Statement s = c.createStatement()) {
            double previous;
            try (var rs = s.executeQuery("SELECT @@GLOBAL.innodb_max_dirty_pages_pct")) {
                rs.next();
                previous = rs.getDouble(1);
            }
            s.execute("SET GLOBAL innodb_max_dirty_pages_pct = 0");
            long end = System.currentTimeMillis() + maxMillis;
            long dirty;
            try {
                while (true) {
                    try (var rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'")) {
                        dirty = rs.next() ? rs.getLong(2) : 0;
                    }
                    if (dirty <= 64 || System.currentTimeMillis() > end) {
                        return dirty;
                    }
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return dirty;
                    }
                }
            } finally {
                s.execute("SET GLOBAL innodb_max_dirty_pages_pct = " + previous);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.close();
        }
    }
}
