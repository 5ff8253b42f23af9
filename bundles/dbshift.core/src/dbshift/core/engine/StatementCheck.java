package dbshift.core.engine;

/**
 * What a dry run of one statement against a live server found, without changing anything there.
 * {@link Verdict#NOT_CHECKED} says honestly that the server could not judge the statement on its own (it depends
 * on objects an earlier statement creates, or the server cannot prepare that kind of statement).
 */
public record StatementCheck(Verdict verdict, String message) {

    public enum Verdict {
        /** The server accepted the statement's syntax and names. */
        VALID,
        /** The server rejected the statement; {@code message} is its reason. */
        INVALID,
        /** The server was not asked or could not judge; {@code message} says why. */
        NOT_CHECKED
    }

    public static StatementCheck valid() {
        return new StatementCheck(Verdict.VALID, null);
    }

    public static StatementCheck invalid(String message) {
        return new StatementCheck(Verdict.INVALID, message);
    }

    public static StatementCheck notChecked(String why) {
        return new StatementCheck(Verdict.NOT_CHECKED, why);
    }
}
