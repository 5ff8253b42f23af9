package dbshift.core.engine;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/** Turns driver exceptions at connect time into one sentence that names the problem and the endpoint. */
public final class ConnectionErrors {
    private ConnectionErrors() {
    }

    /** {@code role} is "source" or "target". */
    public static String describe(String role, ConnectionSpec spec, SQLException e) {
        String where = role + " " + spec.displayUrl() + (spec.user() == null ? "" : " as " + spec.user());
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root instanceof UnknownHostException) {
                return "cannot connect to the " + where + ": unknown host '" + root.getMessage().split(":")[0].trim() + "'";
            }
            if (root instanceof ConnectException) {
                return "cannot connect to the " + where + ": nothing is listening there (" + root.getMessage() + ")";
            }
            if (root instanceof SocketTimeoutException) {
                return "cannot connect to the " + where + ": the server did not answer in time";
            }
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        // SQLSTATE class 28 is the standard's; engines with their own codes tell through their dialect
        if (Dialects.all().stream().anyMatch(d -> d.isAccessDenied(e)) || state.startsWith("28")) {
            return "cannot connect to the " + where + ": access denied - wrong user name or password (" + firstLine(e) + ")";
        }
        if (Dialects.all().stream().anyMatch(d -> d.isUnknownDatabase(e))) {
            return "cannot connect to the " + where + ": the database does not exist (" + firstLine(e) + ")";
        }
        if (state.startsWith("08")) {
            return "cannot connect to the " + where + ": " + firstLine(e);
        }
        return "cannot connect to the " + where + ": " + firstLine(e);
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
