package dbshift.ui.connections;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import dbshift.core.engine.ConnectionErrors;
import dbshift.core.engine.ConnectionSpec;
import dbshift.core.engine.Endpoint;
import dbshift.core.project.ConnectionProfile;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationException;

/** Connects once to a profile and says what answered. Call from a job, never on the UI thread. */
public final class ConnectionTester {
    private ConnectionTester() {
    }

    /** "Connected to MariaDB 11.4.5-MariaDB as root"; throws {@link MigrationException} naming the endpoint and cause. */
    public static String test(Side side, ConnectionProfile profile, char[] password) {
        ConnectionSpec spec = profile.toSpec(password);
        try {
            // a target's database may not exist yet: the migration creates it (and puts a single source database there)
            Endpoint endpoint = side == Side.TARGET ? Migration.connectTarget(spec) : Migration.connect(side.role(), spec);
            try (Connection c = endpoint.open()) {
                DatabaseMetaData md = c.getMetaData();
                String database = "";
                if (endpoint.urlSchema() != null && endpoint.dialect().catalogReader().isPresent()) {
                    boolean there = endpoint.dialect().catalogReader().get().schemas(c).contains(endpoint.urlSchema());
                    database = there ? "" : " Database " + endpoint.urlSchema() + " does not exist yet; the migration creates it.";
                }
                return "Connected to " + endpoint.dialect().displayName() + " " + md.getDatabaseProductVersion()
                        + (profile.user() == null || profile.user().isBlank() ? "" : " as " + profile.user()) + "." + database;
            } catch (SQLException e) {
                throw new MigrationException(ConnectionErrors.describe(side.role(), spec, e), MigrationException.CONNECT, e);
            }
        } finally {
            spec.forgetPassword();
        }
    }
}
