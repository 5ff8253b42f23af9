package dbshift.core.model;

/** A sequence (SQL Server, MariaDB). Null bounds mean the type's own limits. */
public record Sequence(QualifiedName name, DataType type, long start, long increment, Long minValue, Long maxValue,
        boolean cycle, Long cache, Long currentValue) {

    /** The definition without the current value, for comparisons. */
    public Sequence definition() {
        return new Sequence(name, type, start, increment, minValue, maxValue, cycle, cache, null);
    }
}
