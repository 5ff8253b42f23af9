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
        String tls = tlsProblem(spec, e);
        if (tls != null) {
            return "cannot connect to the " + where + ": " + tls;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root instanceof UnknownHostException) {
                return "cannot connect to the " + where + ": unknown host '" + root.getMessage().split(":")[0].trim() + "'";
            }
            if (root instanceof ConnectException) {
                return "cannot connect to the " + where + ": nothing is listening there (" + root.getMessage() + ") - check the "
                        + "host and port in the URL, that the server is running, and that it accepts TCP connections from "
                        + "here (bind-address, firewall)";
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
        // a connection that never opened was not "lost": no run-it-again advice for it
        String remedy = SqlErrors.connectionLost(e) ? null : SqlErrors.remedy(e);
        return "cannot connect to the " + where + ": " + firstLine(e) + (remedy == null ? "" : " - " + remedy);
    }

    /**
     * Verified TLS is the default for cloud targets; when it fails the user must learn which check failed and how to
     * go on (the engine's URL settings, from its dialect), not read "Communications link failure".
     */
    static String tlsProblem(ConnectionSpec spec, SQLException e) {
        StringBuilder all = new StringBuilder();
        boolean handshake = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getMessage()).append('\n');
            String type = t.getClass().getName();
            handshake |= type.startsWith("javax.net.ssl.") || type.startsWith("java.security.cert.")
                    || type.startsWith("sun.security.validator.");
        }
        String m = all.toString().toLowerCase(java.util.Locale.ROOT);
        if (handshake && (m.contains("identity verification failed") || m.contains("no subject alternative")
                || m.contains("no name matching") || m.contains("hostname") && m.contains("verif"))) {
            return "the server's TLS certificate does not name the host in the URL (host name verification failed) - "
                    + advice(spec, Dialect.TlsProblem.HOST_NAME, "connect with the host name the certificate was issued for");
        }
        if (handshake && (m.contains("pkix path") || m.contains("unable to find valid certification path")
                || m.contains("certificate_unknown") || m.contains("self-signed") || m.contains("self signed")
                || m.contains("unknown_ca") || m.contains("untrusted"))) {
            return "the server's TLS certificate is not trusted (self-signed, or issued by a CA this Java does not trust) - "
                    + advice(spec, Dialect.TlsProblem.UNTRUSTED, "give Java a trust store holding the CA "
                            + "(-Djavax.net.ssl.trustStore=...)");
        }
        if (m.contains("ssl connection required, but not") || m.contains("ssl not enabled in the server")
                || m.contains("server does not support ssl") || m.contains("doesn't support ssl")
                || m.contains("does not support ssl")) {
            return "TLS was required but the server does not offer it - "
                    + advice(spec, Dialect.TlsProblem.NOT_OFFERED, "enable TLS on the server");
        }
        return null;
    }

    /** The engine's advice for its URL, or the generic one when the URL names no engine DBShift has. */
    private static String advice(ConnectionSpec spec, Dialect.TlsProblem problem, String generic) {
        return Dialects.all().stream().filter(d -> spec != null && spec.url() != null && d.acceptsUrl(spec.url())).findFirst()
                .flatMap(d -> d.tlsRemedy(problem)).orElse(generic);
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
