package dbshift.core.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dbshift.core.engine.Endpoint;

/**
 * Compares one table's rows on both sides a key range at a time: row counts and order-independent fingerprints of
 * every copied value, each side read its own lossless way and compared by meaning. Verification and the copy's
 * check of slices an earlier run committed use the same comparison.
 */
public final class SliceComparison {
    private final Endpoint source;
    private final Endpoint target;
    private final TableMapping mapping;
    private final List<TransferColumn> sourceColumns;
    private final List<TransferColumn> targetColumns;
    private final List<ValueKind> kinds;

    /** The rows of one range on both sides. */
    public record Result(RowHasher source, RowHasher target) {
        public boolean equal() {
            return source.fingerprint().equals(target.fingerprint());
        }
    }

    public SliceComparison(Endpoint source, Endpoint target, TableMapping mapping) {
        this.source = source;
        this.target = target;
        this.mapping = mapping;
        this.sourceColumns = source.dialect().rowReader().transferColumns(mapping.source(), mapping.target());
        this.targetColumns = alignedTargetColumns(target, mapping, sourceColumns);
        List<ValueKind> k = new ArrayList<>();
        for (int i = 0; i < sourceColumns.size(); i++) {
            k.add(compareKind(sourceColumns.get(i).kind(), targetColumns.get(i).kind()));
        }
        this.kinds = List.copyOf(k);
    }

    public List<ValueKind> kinds() {
        return kinds;
    }

    /** Reads the range on both connections (sessions prepared by each side's row reader). */
    public Result compare(Connection src, Connection tgt, KeyRange range) throws SQLException {
        RowHasher s = new RowHasher(kinds);
        try (RowStream rows = source.dialect().rowReader().open(src, mapping.source(), sourceColumns, range, false)) {
            s.addAll(rows);
        }
        RowHasher t = new RowHasher(kinds);
        try (RowStream rows = target.dialect().rowReader().open(tgt, mapping.target(), targetColumns, range, false)) {
            t.addAll(rows);
        }
        return new Result(s, t);
    }

    /**
     * Reads the range on the target only, against a source fingerprint of the same range that the copy computed
     * from the rows it read ({@link HashingRowStream}), with the same columns and kinds {@link #compare} uses.
     */
    public Result compareWithSource(Connection tgt, KeyRange range, RowHasher sourceRows) throws SQLException {
        RowHasher t = new RowHasher(kinds);
        try (RowStream rows = target.dialect().rowReader().open(tgt, mapping.target(), targetColumns, range, false)) {
            t.addAll(rows);
        }
        return new Result(sourceRows, t);
    }

    /** The target's columns in the source's order (by name), read the target dialect's lossless way. */
    private static List<TransferColumn> alignedTargetColumns(Endpoint target, TableMapping m, List<TransferColumn> sourceColumns) {
        List<TransferColumn> all = target.dialect().rowReader().transferColumns(m.target());
        List<TransferColumn> aligned = new ArrayList<>();
        for (TransferColumn s : sourceColumns) {
            aligned.add(all.stream().filter(t -> t.name().equalsIgnoreCase(s.name())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("table " + m.target().name() + " on the target has no column \""
                            + s.name() + "\"")));
        }
        return aligned;
    }

    /** Compare by the more meaningful of the two kinds (e.g. JSON when one side stores JSON as text). */
    public static ValueKind compareKind(ValueKind a, ValueKind b) {
        for (ValueKind k : List.of(ValueKind.JSON, ValueKind.FLOAT, ValueKind.DOUBLE, ValueKind.TEMPORAL, ValueKind.BIT)) {
            if (a == k || b == k) {
                return k;
            }
        }
        return a;
    }
}
