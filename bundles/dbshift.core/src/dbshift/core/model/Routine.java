package dbshift.core.model;

/**
 * A stored procedure or function. MySQL: {@code parameters} is the text between the parentheses, {@code returns}
 * the RETURNS type, {@code body} the routine body, the rest its characteristics and the {@code sqlMode} it was
 * created under. Engines that keep whole module text (SQL Server, Sybase) put it in {@code definition}.
 */
public record Routine(QualifiedName name, Kind kind, String parameters, String returns, String body, String definition,
        String definer, String securityType, boolean deterministic, String dataAccess, String comment, String sqlMode) {

    public enum Kind {
        PROCEDURE, FUNCTION
    }

    public Routine withDefiner(String v) {
        return new Routine(name, kind, parameters, returns, body, definition, v, securityType, deterministic, dataAccess,
                comment, sqlMode);
    }

    public Routine withDefinition(String v) {
        return new Routine(name, kind, parameters, returns, body, v, definer, securityType, deterministic, dataAccess,
                comment, sqlMode);
    }
}
