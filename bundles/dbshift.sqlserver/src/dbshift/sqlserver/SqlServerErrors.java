package dbshift.sqlserver;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

import dbshift.core.engine.Dialect.TlsProblem;
import dbshift.core.engine.SqlErrors;

/**
 * What SQL Server's (and Azure SQL's) failures mean and what to do, by their documented error numbers, for errors
 * Microsoft's driver raised: the remedies of {@code Dialect.remedy} and {@code tlsRemedy}.
 */
final class SqlServerErrors {
    private SqlServerErrors() {
    }

    static Optional<String> remedy(SQLException e) {
        if (!SqlErrors.raisedBy(e, "com.microsoft.sqlserver.")) {
            return Optional.empty();
        }
        String lower = SqlErrors.allMessages(e).toLowerCase(Locale.ROOT);
        // 1105: no space in the filegroup; 9002: the transaction log is full; 40544: Azure SQL's size quota
        if (SqlErrors.hasCode(e, 1105, 9002, 40544) || lower.contains("filegroup is full")) {
            return Optional.of("the target has no room left for the data (data file, log or the database's size quota "
                    + "full): grow the files or the quota (on Azure SQL, raise the database's max size) or back up the log, "
                    + "then run again; the copy resumes where it stopped");
        }
        if (SqlErrors.hasCode(e, 1222) || lower.contains("lock request time out")) {
            return Optional.of("another session holds a lock on this table on the target and did not release it in time: "
                    + "find it (sys.dm_tran_locks, sp_who2), let it finish or stop it, and run again; the copy resumes "
                    + "where it stopped");
        }
        // 229/230: permission denied on an object or column; 262: statement permission; 297/300: server permission
        if (SqlErrors.hasCode(e, 229, 230, 262, 297, 300) || lower.contains("permission was denied")) {
            return Optional.of("the login lacks a permission this object needs: grant it (e.g. GRANT INSERT ON SCHEMA::dbo "
                    + "TO <user>, or ALTER ON SCHEMA for a deploy), or run this step as a login that has it, then run again; "
                    + "what already ran is kept");
        }
        return Optional.empty();
    }

    static Optional<String> tlsRemedy(TlsProblem problem) {
        return Optional.of(switch (problem) {
            case HOST_NAME -> "connect with the host name the certificate was issued for (on Azure SQL, "
                    + "name.database.windows.net), or name it with hostNameInCertificate=... in the URL";
            case UNTRUSTED -> "for a test server add trustServerCertificate=true to the URL (encrypted, not verified); for "
                    + "a private CA give its trust store in the URL (trustStore=/path/ca.p12;trustStoreType=PKCS12) or "
                    + "start Java with -Djavax.net.ssl.trustStore=...";
            case NOT_OFFERED -> "enable TLS on the server (a certificate for the instance), or, only on a trusted network, "
                    + "set encrypt=false in the URL";
        });
    }
}
