package dbshift.core.engine;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a failed statement means for the user: the driver's first line, then the cause in words and what to do, for
 * the failures a migration meets on a live server (lost connection, full target, packet limit, lock wait, missing
 * privilege). The engine whose driver raised the error knows its error numbers and remedies
 * ({@link Dialect#remedy}); what every engine shares (a lost connection, a full disk in the operating system's words)
 * is recognised here. An error nobody knows keeps the driver's words alone.
 */
public final class SqlErrors {
    private SqlErrors() {
    }

    /** The driver's first line, followed by " - " and what it means and what to do when the failure is known. */
    public static String explain(SQLException e) {
        String remedy = remedy(e);
        return firstLine(e) + (remedy == null ? "" : " - " + remedy);
    }

    /** What it means and what to do, or null for a failure no dialect and no generic rule knows. */
    public static String remedy(SQLException e) {
        for (Dialect d : Dialects.all()) {
            Optional<String> r = d.remedy(e);
            if (r.isPresent()) {
                return r.get();
            }
        }
        String lower = allMessages(e).toLowerCase(Locale.ROOT);
        if (lower.contains("no space left") || lower.contains("disk full")) {
            return "the target has no room left for the data (its disk is full): free or add storage, then run again; "
                    + "the copy resumes where it stopped";
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

    /**
     * Whether the error or one of its causes was raised in one of {@code packages} (a driver's): of a class there, or
     * created by code there (drivers throw plain {@code java.sql} exceptions too), so that a dialect claims only its
     * own driver's error numbers: engines reuse numbers for different failures.
     */
    public static boolean raisedBy(Throwable e, String... packages) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (inPackage(t.getClass().getName(), packages)) {
                return true;
            }
            for (StackTraceElement frame : t.getStackTrace()) {
                if (inPackage(frame.getClassName(), packages)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean inPackage(String className, String... packages) {
        for (String p : packages) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the error or one of its causes carries one of the engine's error {@code codes}. */
    public static boolean hasCode(SQLException e, int... codes) {
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

    /** Whether the error or one of its causes is of a class with this simple name. */
    public static boolean hasType(Throwable e, String simpleName) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getSimpleName().equals(simpleName)) {
                return true;
            }
        }
        return false;
    }

    /** The messages of the error and of its causes, one a line. */
    public static String allMessages(Throwable e) {
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
