package dbshift.core.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dbshift.core.model.Catalog;

/** Reads a live server's catalog into the model. */
public interface CatalogReader {

    /** The user schemas on the server, without system ones. */
    List<String> schemas(Connection connection) throws SQLException;

    /**
     * Reads the given schemas (all user schemas when null, none but the server settings when empty) and, when
     * {@code principals} is true, the logins, users and roles with their grants.
     */
    Catalog read(Connection connection, List<String> schemas, boolean principals) throws SQLException;
}
