package dbshift.core.run;

/** The result of one deployed statement: which object it belonged to, how it ended, and the server's message. */
public record StatementOutcome(int index, String objectType, String objectName, String phase, Status status, long millis,
        String sql, String error) {
}
