package dbshift.mysql.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dbshift.core.engine.ConnectionSpec;
import dbshift.core.engine.Endpoint;
import dbshift.mysql.MySqlScriptSyntax;
import dbshift.core.run.Migration;
import dbshift.core.script.ScriptStatement;
import dbshift.embedded.EmbeddedServer;

/** Helpers for tests against the embedded servers: run scripts, query, build endpoints. */
final class Fixtures {
    private Fixtures() {
    }

    static Connection connect(EmbeddedServer server) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", server.user());
        p.setProperty("password", "");
        String url = server.jdbcUrl("");
        java.sql.Driver d = url.startsWith("jdbc:mariadb:") ? new org.mariadb.jdbc.Driver() : new com.mysql.cj.jdbc.Driver();
        return d.connect(url, p);
    }

    static Endpoint endpoint(EmbeddedServer server) {
        return Migration.connect("test", new ConnectionSpec(server.jdbcUrl(""), server.user(), new char[0], Map.of()));
    }

    /** Runs a script resource from this bundle (sql/NAME) statement by statement. */
    static void runScript(EmbeddedServer server, String resource) throws SQLException {
        String text;
        try (InputStream in = Fixtures.class.getResourceAsStream("sql/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("no test resource sql/" + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection c = connect(server)) {
            for (ScriptStatement st : new MySqlScriptSyntax().parse(text).statements()) {
                try (Statement s = c.createStatement()) {
                    s.execute(st.sql());
                } catch (SQLException e) {
                    throw new SQLException(resource + ": " + st.objectType() + " " + st.objectName() + ": " + e.getMessage()
                            + "\n" + st.sql(), e);
                }
            }
        }
    }

    static void execute(EmbeddedServer server, String... sql) throws SQLException {
        try (Connection c = connect(server); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    static List<List<String>> rows(EmbeddedServer server, String sql) throws SQLException {
        try (Connection c = connect(server); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    static String scalar(EmbeddedServer server, String sql) throws SQLException {
        List<List<String>> rows = rows(server, sql);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    static long count(EmbeddedServer server, String table) throws SQLException {
        return Long.parseLong(scalar(server, "SELECT COUNT(*) FROM " + table));
    }
}
