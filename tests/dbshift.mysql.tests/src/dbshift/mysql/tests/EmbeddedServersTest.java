package dbshift.mysql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dbshift.embedded.EmbeddedServer;
import dbshift.embedded.SharedServers;

/** The test fixtures start real servers that accept connections and answer queries. */
class EmbeddedServersTest {

    @Test
    void mariaDbFixtureAnswersAQuery() throws SQLException {
        EmbeddedServer server = SharedServers.mariaDb();
        String version = scalar(new org.mariadb.jdbc.Driver(), server, "SELECT VERSION()");
        assertTrue(version.startsWith("11.4.5-MariaDB"), version);
        assertEquals("3", scalar(new org.mariadb.jdbc.Driver(), server, "SELECT 1 + 2"));
    }

    @Test
    void mySqlFixtureAnswersAQuery() throws SQLException {
        EmbeddedServer server = SharedServers.mySql();
        assertEquals("8.0.31", scalar(new com.mysql.cj.jdbc.Driver(), server, "SELECT VERSION()"));
        assertEquals("3", scalar(new com.mysql.cj.jdbc.Driver(), server, "SELECT 1 + 2"));
    }

    @Test
    void fixturesListenOnLoopbackOnly() throws SQLException {
        assertEquals("127.0.0.1", scalar(new org.mariadb.jdbc.Driver(), SharedServers.mariaDb(), "SELECT @@bind_address"));
        assertEquals("127.0.0.1", scalar(new com.mysql.cj.jdbc.Driver(), SharedServers.mySql(), "SELECT @@bind_address"));
    }

    static String scalar(java.sql.Driver driver, EmbeddedServer server, String sql) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", server.user());
        props.setProperty("password", "");
        try (Connection c = driver.connect(server.jdbcUrl(""), props); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
