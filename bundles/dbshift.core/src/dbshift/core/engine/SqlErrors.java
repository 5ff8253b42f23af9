package dbshift.core.engine;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed statement means for the user: the driver's first line, then the cause in words and what to do, for
 * the failures a migration meets on a live server (lost connection, full target, packet limit, lock wait, missing
 * privilege). Recognised by the driver's exception types and the servers' documented error numbers (MySQL/MariaDB,
 * SQL Server), like {@link ConnectionErrors}; an error it does not know keeps the driver's words alone.
 */
public final class SqlErrors {
    private static final Pattern DENIED = Pattern.compile(
            "(?i)(\\w[\\w ]*?) command denied to user '([^']*)'@'([^']*)'(?: for (?:table|routine) '([^']*)')?");

    private SqlErrors() {
    }

    /** The driver's first line, followed by " - " and what it means and what to do when the failure is known. */
    public static String explain(SQLException e) {
        String remedy = remedy(e);
        return firstLine(e) + (remedy == null ? "" : " - " + remedy);
    }

    /** What it means and what to do, or null for a failure this class does not know. */
    public static String remedy(SQLException e) {
        String message = allMessages(e);
        String lower = message.toLowerCase(Locale.ROOT);
        if (hasCode(e, 1153, 1301) || hasType(e, "PacketTooBigException") || lower.contains("max_allowed_packet")) {
            return "a row or statement is larger than the server's max_allowed_packet: raise it on that server "
                    + "(SET GLOBAL max_allowed_packet = 1073741824, or the server parameter on Azure) and run again";
        }
        if (hasCode(e, 1114, 1021, 1105, 9002) || lower.contains("is full") || lower.contains("disk full")
                || lower.contains("no space left")) {
            return "the target has no room left for the data (disk or tablespace full): free or add storage "
                    + "(on Azure, raise the server's storage size), then run again; the copy resumes where it stopped";
        }
        if (hasCode(e, 1205, 1222) || lower.contains("lock wait timeout")) {
            return "another session holds a lock on this table on the target and did not release it in time: find it "
                    + "(SHOW PROCESSLIST; performance_schema.data_locks), let it finish or stop it, and run again; the copy "
                    + "resumes where it stopped";
        }
        if (hasCode(e, 1419) || lower.contains("binary logging is enabled")) {
            return "with binary logging on, creating triggers, functions and procedures needs SUPER, which managed "
                    + "servers do not grant: set log_bin_trust_function_creators=ON on the target (on Azure, the server "
                    + "parameter) and run again; what already ran is kept";
        }
        if (hasCode(e, 1142, 1143, 1044, 1227, 1370, 229, 262, 297, 300) || lower.contains("command denied")
                || lower.contains("access denied for user") && lower.contains("to database")) {
            Matcher m = DENIED.matcher(message);
            // the message names the host the session came from, not the account's host pattern: CURRENT_USER() has it
            String grant = m.find() ? " (e.g. GRANT " + m.group(1).toUpperCase(Locale.ROOT) + " ON <database>.* TO '" + m.group(2)
                    + "'@'<host>'; SELECT CURRENT_USER() shows the account)" : "";
            return "the user lacks a privilege this object needs: grant it" + grant + ", or run this step as a user "
                    + "that has it, then run again; what already ran is kept";
        }
        if (connectionLost(e)) {
            return "the connection was lost (the server restarted or stopped, the session was killed, or the network "
                    + "dropped): once the server is back, run the same command again; the copy resumes at the first slice "
                    + "not recorded, a deploy does only what is missing";
        }
        return null;
    }

    static boolean connectionLost(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EOFException || t instanceof SocketException
                    || t.getClass().getSimpleName().contains("CommunicationsException")
                    || t.getClass().getSimpleName().equals("SQLNonTransientConnectionException")) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return true;
            }
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("connection closed") || m.contains("connection is closed") || m.contains("connection was killed")
                    || m.contains("communications link failure") || m.contains("server has gone away")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCode(SQLException e, int... codes) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s) {
                for (int code : codes) {
                    if (s.getErrorCode() == code) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static boolean hasType(Throwable e, String simpleName) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getSimpleName().equals(simpleName)) {
                return true;
            }
        }
        return false;
    }

    private static String allMessages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
