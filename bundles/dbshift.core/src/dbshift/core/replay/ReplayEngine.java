package dbshift.core.replay;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What replay needs from the engine it runs a statement on: the session's default database, the statement in
 * this engine's SQL (names mapped as the migration mapped them), and the server's estimated plan.
 */
public interface ReplayEngine {

    /** Makes {@code schema} the session's default database (as it was when the application ran the statement). */
    void useSchema(Connection connection, String schema) throws SQLException;

    /**
     * The statement, written for {@code sourceEngine}, as this engine should run it; or why it cannot be replayed
     * here.
     */
    Translation translate(String sql, String sourceEngine, NameMap names);

    /** The server's estimated plan: one step per table it reads. Empty where the engine gives none. */
    List<PlanStep> explain(Connection connection, String sql) throws SQLException;

    /** What an error of this engine most likely means for a migrated application, or empty. */
    default String explainError(String error) {
        return "";
    }

    /** Whether string literals in this engine's SQL may contain backslash escapes. */
    boolean backslashEscapes();
}
