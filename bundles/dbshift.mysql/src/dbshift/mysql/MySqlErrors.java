package dbshift.mysql;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dbshift.core.engine.Dialect.TlsProblem;
import dbshift.core.engine.SqlErrors;

/**
 * What MySQL's and MariaDB's failures mean and what to do, by their documented error numbers, for errors their
 * drivers (Connector/J, MariaDB Connector/J) raised: the remedies of {@code Dialect.remedy} and {@code tlsRemedy}.
 */
final class MySqlErrors {
    private static final Pattern DENIED = Pattern.compile(
            "(?i)(\\w[\\w ]*?) command denied to user '([^']*)'@'([^']*)'(?: for (?:table|routine) '([^']*)')?");

    private MySqlErrors() {
    }

    static Optional<String> remedy(SQLException e) {
        if (!SqlErrors.raisedBy(e, "com.mysql.", "org.mariadb.")) {
            return Optional.empty();
        }
        String message = SqlErrors.allMessages(e);
        String lower = message.toLowerCase(Locale.ROOT);
        if (SqlErrors.hasCode(e, 1153, 1301) || SqlErrors.hasType(e, "PacketTooBigException") || lower.contains("max_allowed_packet")) {
            return Optional.of("a row or statement is larger than the server's max_allowed_packet: raise it on that server "
                    + "(SET GLOBAL max_allowed_packet = 1073741824, or the server parameter on Azure) and run again");
        }
        if (SqlErrors.hasCode(e, 1114, 1021) || lower.contains("is full")) {
            return Optional.of("the target has no room left for the data (disk or tablespace full): free or add storage "
                    + "(on Azure, raise the server's storage size), then run again; the copy resumes where it stopped");
        }
        if (SqlErrors.hasCode(e, 1205) || lower.contains("lock wait timeout")) {
            return Optional.of("another session holds a lock on this table on the target and did not release it in time: "
                    + "find it (SHOW PROCESSLIST; performance_schema.data_locks), let it finish or stop it, and run again; "
                    + "the copy resumes where it stopped");
        }
        if (SqlErrors.hasCode(e, 1419) || lower.contains("binary logging is enabled")) {
            return Optional.of("with binary logging on, creating triggers, functions and procedures needs SUPER, which "
                    + "managed servers do not grant: set log_bin_trust_function_creators=ON on the target (on Azure, the "
                    + "server parameter) and run again; what already ran is kept");
        }
        if (SqlErrors.hasCode(e, 1142, 1143, 1044, 1227, 1370) || lower.contains("command denied")
                || lower.contains("access denied for user") && lower.contains("to database")) {
            Matcher m = DENIED.matcher(message);
            // the message names the host the session came from, not the account's host pattern: CURRENT_USER() has it
            String grant = m.find() ? " (e.g. GRANT " + m.group(1).toUpperCase(Locale.ROOT) + " ON <database>.* TO '" + m.group(2)
                    + "'@'<host>'; SELECT CURRENT_USER() shows the account)" : "";
            return Optional.of("the user lacks a privilege this object needs: grant it" + grant + ", or run this step as a "
                    + "user that has it, then run again; what already ran is kept");
        }
        return Optional.empty();
    }

    static Optional<String> tlsRemedy(TlsProblem problem) {
        return Optional.of(switch (problem) {
            case HOST_NAME -> "connect with the host name the certificate was issued for (on Azure, "
                    + "name.mysql.database.azure.com), or add sslMode=VERIFY_CA to the URL to check the certificate's issuer "
                    + "but not the name";
            case UNTRUSTED -> "for a test server add sslMode=REQUIRED to the URL (encrypted, not verified); for a private CA "
                    + "give its trust store in the URL (trustCertificateKeyStoreUrl=file:/path/ca.p12&"
                    + "trustCertificateKeyStoreType=PKCS12) or start Java with -Djavax.net.ssl.trustStore=...";
            case NOT_OFFERED -> "enable TLS on the server (ssl_cert/ssl_key, or require_secure_transport on Azure), or, only "
                    + "on a trusted network, drop the sslMode/useSSL requirement from the URL (sslMode=DISABLED)";
        });
    }
}
