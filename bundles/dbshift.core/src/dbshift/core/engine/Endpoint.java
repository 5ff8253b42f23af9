package dbshift.core.engine;

import java.sql.Connection;
import java.sql.SQLException;

/** A database to connect to, as often as needed (one connection per parallel worker). */
public record Endpoint(Dialect dialect, ConnectionSpec spec) {

    public Connection open() throws SQLException {
        return dialect.connect(spec);
    }

    @Override
    public String toString() {
        return dialect.displayName() + " " + spec;
    }
}
