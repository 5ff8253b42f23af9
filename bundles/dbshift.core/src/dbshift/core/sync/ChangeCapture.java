package dbshift.core.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dbshift.core.engine.Endpoint;
import dbshift.core.model.Table;

/** A source dialect's change capture: where its change log is now, and a stream of changed keys from a position. */
public interface ChangeCapture {

    /** The current end of the change log; fails with a message saying what to enable when the server keeps none. */
    SourcePosition position(Connection connection) throws SQLException;

    /** Streams the changed keys of the given tables from {@code from} on; other tables are skipped. */
    ChangeStream open(Endpoint source, SourcePosition from, List<Table> tables) throws SQLException;
}
