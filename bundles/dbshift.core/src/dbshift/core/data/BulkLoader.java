package dbshift.core.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BooleanSupplier;

import dbshift.core.model.Table;
import dbshift.core.run.MigrationOptions;

/** A dialect's fastest correct way to write rows, inside the caller's transaction. */
public interface BulkLoader {

    /** Prepares a writing session: exact values (time zone, sql_mode), no checks that the source already made. */
    void prepareSession(Connection connection, MigrationOptions options) throws SQLException;

    /** A short name of the method the loader will use on this connection, for reports (e.g. {@code LOAD DATA LOCAL}). */
    String method(Connection connection) throws SQLException;

    /**
     * The method used for one table, for reports; a loader that chooses per table (or falls back for one) says so
     * here. Asked again after each slice, so a fallback shows in the table's result.
     */
    default String method(Connection connection, Table table, MigrationOptions options) throws SQLException {
        return method(connection);
    }

    /**
     * What the loader decided on its own during a copy with these options (a fallback to another method, for
     * instance), as findings for the run's report; each is reported once.
     */
    default List<dbshift.core.assess.Finding> findings(MigrationOptions options) {
        return List.of();
    }

    /**
     * Writes all rows of the stream into {@code table} and returns how many it wrote. Any value the target rejects
     * or changes (a warning) fails the load with a message naming the table; the caller rolls back.
     */
    long load(Connection connection, Table table, List<TransferColumn> columns, RowStream rows, MigrationOptions options,
            BooleanSupplier cancelled) throws SQLException;

    /**
     * When source and target are the same server, copies one slice without leaving it (INSERT … SELECT between
     * databases, in the caller's transaction) and returns the rows copied; -1 when this loader cannot. Values
     * move inside the server exactly; the same strictness and warning checks apply as for a load.
     */
    default long copyWithinServer(Connection connection, Table source, Table target, List<TransferColumn> columns,
            List<String> keyColumns, List<ValueKind> keyKinds, KeyRange range, MigrationOptions options) throws SQLException {
        return -1;
    }
}
