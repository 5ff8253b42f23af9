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
            Endpoint endpoint = Migration.connect(side.role(), spec);
            try (Connection c = endpoint.open()) {
                DatabaseMetaData md = c.getMetaData();
                return "Connected to " + endpoint.dialect().displayName() + " " + md.getDatabaseProductVersion()
                        + (profile.user() == null || profile.user().isBlank() ? "" : " as " + profile.user()) + ".";
            } catch (SQLException e) {
                throw new MigrationException(ConnectionErrors.describe(side.role(), spec, e), MigrationException.CONNECT, e);
            }
        } finally {
            spec.forgetPassword();
        }
    }
}
