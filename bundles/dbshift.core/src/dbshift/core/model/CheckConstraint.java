package dbshift.core.model;

/** A CHECK constraint with its expression in the source engine's syntax. */
public record CheckConstraint(String name, String expression, boolean enforced) {
}
