package dbshift.core.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dbshift.core.engine.Jdbc;

/**
 * Slice bounds of a table keyed by one integer column, computed from its minimum, maximum and row count instead of
 * by scanning the keys: fast, and even when the keys are dense (span at most twice the rows). Sparse keys get null,
 * and the reader falls back to walking the index.
 */
public final class IntegerSlices {
    private IntegerSlices() {
    }

    /**
     * @param minMaxCount a query returning one row: the key's MIN, MAX and the row count (NULLs for an empty table)
     * @return the upper bounds of the slices (empty for an empty table), or null when the keys are too sparse
     */
    public static List<List<String>> bounds(Connection c, String minMaxCount, long rowsPerSlice) throws SQLException {
        List<long[]> rows = Jdbc.queryPlain(c, minMaxCount, rs -> {
            rs.getLong(1);
            if (rs.wasNull()) {
                return null;
            }
            return new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) };
        });
        long[] r = rows.get(0);
        if (r == null) {
            return List.of();
        }
        long min = r[0];
        long max = r[1];
        long count = Math.max(r[2], 1);
        double span = (double) max - (double) min + 1;
        if (span > 2.0 * count || span > Long.MAX_VALUE / 2.0) {
            return null;
        }
        long step = Math.max(1, (long) Math.ceil(span * rowsPerSlice / count));
        List<List<String>> bounds = new ArrayList<>();
        for (long b = min + step - 1; b < max; b += step) {
            bounds.add(List.of(Long.toString(b)));
        }
        return bounds;
    }
}
