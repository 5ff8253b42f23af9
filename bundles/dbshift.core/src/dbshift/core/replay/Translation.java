package dbshift.core.replay;

/** A statement in the target's SQL, or the reason it cannot be run there. */
public record Translation(String sql, String notReplayable, boolean changed) {

    public static Translation same(String sql) {
        return new Translation(sql, null, false);
    }

    public static Translation translated(String sql) {
        return new Translation(sql, null, true);
    }

    public static Translation refused(String reason) {
        return new Translation(null, reason, false);
    }

    public boolean replayable() {
        return sql != null;
    }
}
