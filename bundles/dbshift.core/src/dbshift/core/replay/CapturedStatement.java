package dbshift.core.replay;

/**
 * One statement shape the source ran: a sample text with its literals (secrets redacted), the database it ran in,
 * how often and for how long in total (as the source measured it), and when it was first and last seen.
 *
 * @param id stable within the workload (the digest where the server gives one)
 * @param schema the session's default database when it ran, or null
 * @param text the sample with literals; null when the source kept only the digest
 * @param count executions seen
 * @param totalMillis time the source spent on them (null when the capture method does not know)
 * @param redacted literals replaced because they looked secret
 */
public record CapturedStatement(String id, String schema, String text, String shape, long count, Double totalMillis,
        String firstSeen, String lastSeen, int redacted) {
}
