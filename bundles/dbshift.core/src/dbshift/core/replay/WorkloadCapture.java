package dbshift.core.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * How an engine tells which statements its applications run: from the server's own statistics (MySQL's
 * performance_schema, SQL Server's Query Store) or from a log file it writes. Implemented per engine; statements
 * pass through {@link SecretFilter} before they are returned.
 */
public interface WorkloadCapture {

    /**
     * Reads the statements recorded on a live server.
     *
     * @param schemas databases to keep statements of (empty: every user database)
     * @param source the source as shown in the file (a URL without properties)
     */
    Workload capture(Connection connection, List<String> schemas, String source) throws SQLException;

    /** Reads a query log file the server wrote (general or slow log), where the engine has one. */
    default Workload fromLog(Path file, List<String> schemas) throws IOException {
        throw new IOException("this engine has no query log DBShift can read; capture from the live server instead");
    }
}
