package dbshift.core.assess;

/**
 * One assessment result: the stable rule id, its severity, the object it is about (type and name), what is
 * wrong and how to fix it. {@code quickFix} names an option the engine can apply for the user (e.g.
 * {@code definer=strip}), or null.
 */
public record Finding(String ruleId, Severity severity, String objectType, String object, String message, String fixHint,
        String quickFix) {

    public boolean isBlocking() {
        return severity == Severity.BLOCKING;
    }

    @Override
    public String toString() {
        return severity + " " + ruleId + " " + objectType + " " + object + ": " + message;
    }
}
