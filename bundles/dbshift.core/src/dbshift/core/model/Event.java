package dbshift.core.model;

/**
 * A MySQL scheduled event: {@code schedule} is the ON SCHEDULE clause text (e.g. {@code EVERY 1 DAY STARTS '…'}),
 * {@code status} ENABLED, DISABLED or SLAVESIDE_DISABLED (REPLICA_SIDE_DISABLED).
 */
public record Event(QualifiedName name, String schedule, boolean preserve, String status, String body, String definer,
        String comment, String sqlMode) {

    public Event withDefiner(String v) {
        return new Event(name, schedule, preserve, status, body, v, comment, sqlMode);
    }
}
