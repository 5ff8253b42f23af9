package dbshift.core.script;

/**
 * One executable statement of a migration script and the object it belongs to ({@code objectType} like
 * {@code table}, {@code objectName} like {@code `shop`.`orders`} as the dialect quotes it).
 */
public record ScriptStatement(Phase phase, String objectType, String objectName, String sql) {

    public ScriptStatement withSql(String v) {
        return new ScriptStatement(phase, objectType, objectName, v);
    }

    /** The key that identifies the object across regenerations: {@code table `shop`.`orders`}. */
    public String objectKey() {
        return objectType + " " + objectName;
    }
}
