package dbshift.core.data;

import java.sql.SQLException;

/**
 * A {@link RowStream} that fingerprints every row it passes on, exactly as {@link SliceComparison} fingerprints the
 * source side of a slice (the same transfer columns, compared kinds and {@link RowHasher}): the copy's reading of a
 * slice then yields the fingerprint verification would compute by reading the same rows again. Each row's values
 * are read once, in column order, into a reused array; {@link #get} hands out those values.
 */
public final class HashingRowStream implements RowStream {
    private final RowStream rows;
    private final RowHasher hasher;
    private final byte[][] values;

    public HashingRowStream(RowStream rows, RowHasher hasher, int columns) {
        this.rows = rows;
        this.hasher = hasher;
        this.values = new byte[columns][];
    }

    @Override
    public boolean next() throws SQLException {
        if (!rows.next()) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = rows.get(i);
        }
        hasher.add(values);
        return true;
    }

    @Override
    public byte[] get(int i) {
        return values[i];
    }

    @Override
    public void close() throws SQLException {
        rows.close();
    }
}
