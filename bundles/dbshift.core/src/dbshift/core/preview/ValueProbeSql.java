package dbshift.core.preview;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import dbshift.core.model.Column;
import dbshift.core.model.Table;

/**
 * The source engine's part of the lossy-value preview: the SQL that finds, on the source, the rows whose value a
 * {@link ValueCheck} fails. {@link LossyValuePreview} decides what to check and counts; a dialect offers this through
 * {@code Dialect.valueProbeSql()}. Conditions refer to columns by their quoted names, as the row source
 * ({@link #rows}) exposes them.
 */
public interface ValueProbeSql {

    /** Session settings a probe needs (e.g. a time zone in which date-times compare as the copy reads them). */
    default void prepare(Connection connection) throws SQLException {
    }

    /**
     * A derived table (with its alias) over the rows a probe reads: the table's first {@code limit} rows in key
     * order, or every row when {@code limit} is 0. It exposes {@code columns} under their own names.
     */
    String rows(Table table, List<String> columns, long limit);

    /** A condition true where the column's value fails the check, or empty when this engine cannot tell. */
    Optional<String> condition(Table table, Column column, ValueCheck check);

    /** An expression printing the column's value exactly as text (for the samples' before values). */
    String text(Table table, Column column);

    /** The query cut to its first {@code n} rows. */
    String firstRows(String select, int n);
}
