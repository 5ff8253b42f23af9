package dbshift.core.engine;

import java.sql.SQLException;

/** A schema (database) the user asked for does not exist on the server: bad input, not a failure of the server. */
public final class UnknownSchemaException extends SQLException {
    private static final long serialVersionUID = 1L;

    public UnknownSchemaException(String message) {
        super(message, "42000");
    }
}
