package dbshift.core.model;

/** A key part: a column (with an optional prefix length) or an expression, ascending or descending. */
public record IndexColumn(String column, String expression, Integer prefixLength, boolean descending) {
    public static IndexColumn of(String column) {
        return new IndexColumn(column, null, null, false);
    }

    public boolean isExpression() {
        return expression != null;
    }
}
