package dbshift.core.data;

import java.sql.SQLException;

/** Rows read from a table, one at a time (streamed; never the whole table in memory). */
public interface RowStream extends AutoCloseable {

    boolean next() throws SQLException;

    /**
     * The value of column {@code i} (0-based, in transfer column order): null for SQL NULL, else UTF-8 text for
     * text-like kinds and raw bytes for binary kinds.
     */
    byte[] get(int i) throws SQLException;

    @Override
    void close() throws SQLException;
}
