package dbshift.core.replay;

/**
 * How the server means to read one table of a query.
 *
 * @param table the table (or its alias) as the plan names it
 * @param access how: e.g. MySQL's {@code ALL} (every row), {@code range}, {@code ref}, {@code eq_ref}, {@code const}
 * @param index the index used, or null
 * @param rows the rows the server expects to examine, or null
 * @param fullScan whether every row of the table is read
 */
public record PlanStep(String table, String access, String index, Long rows, boolean fullScan) {

    @Override
    public String toString() {
        return table + ": " + access + (index == null ? "" : " via " + index) + (rows == null ? "" : " (~" + rows + " rows)");
    }
}
