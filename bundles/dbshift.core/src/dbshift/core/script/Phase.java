package dbshift.core.script;

/**
 * The order a migration script runs in. Tables are created with their primary keys; the data goes in; then
 * secondary indexes and foreign keys (faster to build once than to maintain row by row); then the objects that
 * depend on tables: functions before views (a view may call one, and SQL Server checks that when it creates
 * the view), procedures after them; principals last, because grants name the objects.
 */
public enum Phase {
    SCHEMAS("Schemas"),
    TYPES("User-defined types"),
    SEQUENCES("Sequences"),
    TABLES("Tables"),
    DATA("Data"),
    INDEXES("Indexes"),
    FOREIGN_KEYS("Foreign keys"),
    FUNCTIONS("Functions"),
    VIEWS("Views"),
    ROUTINES("Procedures"),
    TRIGGERS("Triggers"),
    EVENTS("Events"),
    SYNONYMS("Synonyms"),
    PRINCIPALS("Users and grants");

    private final String title;

    Phase(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
