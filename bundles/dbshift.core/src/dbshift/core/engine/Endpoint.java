package dbshift.core.engine;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A database to connect to, as often as needed (one connection per parallel worker). {@code urlSchema} is the schema
 * the user's URL named (see {@link Dialect#urlSchema}) when the connection goes through the URL without it, so that a
 * target database the migration creates may be named before it exists; null when the URL named none.
 */
public record Endpoint(Dialect dialect, ConnectionSpec spec, String urlSchema) {

    public Endpoint(Dialect dialect, ConnectionSpec spec) {
        this(dialect, spec, null);
    }

    public Connection open() throws SQLException {
        return dialect.connect(spec);
    }

    @Override
    public String toString() {
        return dialect.displayName() + " " + spec;
    }
}
