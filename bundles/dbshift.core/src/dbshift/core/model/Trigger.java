package dbshift.core.model;

/**
 * A trigger on a table (or, with a null table, on a database: SQL Server DDL triggers). {@code timing} is BEFORE,
 * AFTER or INSTEAD OF; {@code events} e.g. {@code INSERT} or {@code INSERT, UPDATE}. MySQL keeps {@code body},
 * {@code definer}, {@code sqlMode} and the action order; SQL Server the complete {@code definition}.
 */
public record Trigger(QualifiedName name, QualifiedName table, String timing, String events, String body,
        String definition, String definer, String sqlMode, int actionOrder) {

    public Trigger withDefiner(String v) {
        return new Trigger(name, table, timing, events, body, definition, v, sqlMode, actionOrder);
    }

    public Trigger withDefinition(String v) {
        return new Trigger(name, table, timing, events, body, v, definer, sqlMode, actionOrder);
    }
}
