package dbshift.core.replay;

import java.util.List;

/**
 * What a capture recorded: the statements a source ran, where from, by which method and over which period. Never a
 * password: the source is named by its URL without properties, and statements handling credentials are left out
 * (counted in {@code notes}).
 *
 * @param sourceEngine the dialect id of the server the statements were written for (mysql, mariadb, sqlserver)
 * @param method performance_schema, query_store, general_log or slow_log
 * @param capturedAt when the capture ran
 * @param from the earliest execution the capture saw (as the server reported it), or null
 * @param to the latest, or null
 */
public record Workload(int workloadVersion, String source, String sourceEngine, String method, String capturedAt,
        String from, String to, List<CapturedStatement> statements, List<String> notes) {
    public static final int VERSION = 1;

    public Workload {
        statements = List.copyOf(statements);
        notes = List.copyOf(notes);
    }
}
