package dbshift.core.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dbshift.core.model.Table;

/** A dialect's way of reading table data: which expressions read each column losslessly, and keyed slices. */
public interface RowReader {

    /** Prepares a reading session (time zone, character set) so that values come out exactly as stored. */
    void prepareSession(Connection connection) throws SQLException;

    /** The columns a copy moves: every stored column except generated ones, which the target computes. */
    List<TransferColumn> transferColumns(Table table);

    /**
     * The columns a copy moves from {@code table} into {@code target} (the converted table), read the way the
     * target column needs them where engines differ (e.g. a SQL Server datetimeoffset read as UTC for a MySQL
     * datetime). By default the same as {@link #transferColumns(Table)}.
     */
    default List<TransferColumn> transferColumns(Table table, Table target) {
        return transferColumns(table);
    }

    /** Key columns that slice the table, in key order (the primary key), or empty when the table has none. */
    List<String> keyColumns(Table table);

    /**
     * Upper bounds that cut the table into slices of about {@code rowsPerSlice} rows, ascending. An empty list
     * means one slice.
     */
    List<List<String>> sliceBounds(Connection connection, Table table, long rowsPerSlice) throws SQLException;

    /** Streams the rows of one slice, in key order when {@code ordered}. */
    RowStream open(Connection connection, Table table, List<TransferColumn> columns, KeyRange range, boolean ordered)
            throws SQLException;

    long count(Connection connection, Table table, KeyRange range) throws SQLException;

    /**
     * Streams the rows with the given keys (those that still exist), for change replication. The read must see
     * each row's latest committed version even while its writer is still committing (a change log may show a
     * transaction before the engine makes it visible): a locking read, inside the caller's transaction.
     */
    RowStream openKeys(Connection connection, Table table, List<TransferColumn> columns, List<List<String>> keys)
            throws SQLException;
}
