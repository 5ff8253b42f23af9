package dbshift.core.data;

/**
 * A column as the copy reads it: its name, the select expression that reads it losslessly (e.g.
 * {@code CAST(`f` AS DOUBLE)} for a FLOAT), and how its values travel and compare.
 */
public record TransferColumn(String name, String selectExpression, ValueKind kind) {
}
