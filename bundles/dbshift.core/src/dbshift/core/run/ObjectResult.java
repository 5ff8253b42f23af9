package dbshift.core.run;

/** What happened to one schema object on the target (table, view, routine, …). */
public record ObjectResult(String type, String schema, String name, Status status, String message) {
}
