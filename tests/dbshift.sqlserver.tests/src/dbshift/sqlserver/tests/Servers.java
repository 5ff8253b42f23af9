package dbshift.sqlserver.tests;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

import dbshift.core.engine.ConnectionSpec;
import dbshift.core.engine.Endpoint;
import dbshift.core.run.Migration;
import dbshift.embedded.EmbeddedServer;

/** The embedded MySQL 8 fixtures as these tests use them. */
final class Servers {
    private Servers() {
    }

    static Endpoint endpoint(EmbeddedServer server) {
        return Migration.connect("test", new ConnectionSpec(server.jdbcUrl(""), server.user(), new char[0], Map.of()));
    }

    static Connection connect(EmbeddedServer server) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", server.user());
        p.setProperty("password", "");
        return new com.mysql.cj.jdbc.Driver().connect(server.jdbcUrl(""), p);
    }

    static void execute(EmbeddedServer server, String... sql) throws SQLException {
        try (Connection c = connect(server); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }
}
