package dbshift.core.model;

/**
 * A column default. A {@code LITERAL} holds the value's text without quotes (e.g. {@code abc}, {@code 0.00},
 * {@code 2024-01-01}); an {@code EXPRESSION} holds SQL in the source engine's syntax (e.g. {@code CURRENT_TIMESTAMP(6)},
 * {@code (uuid())}); {@code NULL} is an explicit DEFAULT NULL.
 */
public record DefaultValue(Kind kind, String text) {
    public enum Kind {
        LITERAL, EXPRESSION, NULL
    }

    public static DefaultValue literal(String text) {
        return new DefaultValue(Kind.LITERAL, text);
    }

    public static DefaultValue expression(String sql) {
        return new DefaultValue(Kind.EXPRESSION, sql);
    }

    public static DefaultValue nullValue() {
        return new DefaultValue(Kind.NULL, null);
    }
}
