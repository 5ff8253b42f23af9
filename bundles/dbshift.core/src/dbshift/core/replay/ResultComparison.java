package dbshift.core.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the two sides' rows of one statement: as multisets, and in order where the statement orders them.
 * Says what differs in words a developer can act on: columns, row counts, the first rows only one side has, or
 * the first position where the order differs (with a hint when NULLs are involved, since engines disagree on where
 * NULLs sort).
 */
final class ResultComparison {
    final boolean equal;
    final String message;
    final List<String> differences = new ArrayList<>();

    private ResultComparison(boolean equal, String message) {
        this.equal = equal;
        this.message = message;
    }

    static ResultComparison compare(QueryResult source, QueryResult target, boolean ordered, int show) {
        if (source.columns.size() != target.columns.size()) {
            ResultComparison c = new ResultComparison(false, "the source returns " + source.columns.size()
                    + " columns, the target " + target.columns.size());
            c.differences.add("source columns: " + source.columns);
            c.differences.add("target columns: " + target.columns);
            return c;
        }
        boolean sameRows = source.unordered.fingerprint().equals(target.unordered.fingerprint());
        if (sameRows && (!ordered || source.orderedHash == target.orderedHash)) {
            return new ResultComparison(true, ordered ? "same rows in the same order" : "same rows");
        }
        if (sameRows) {
            return orderDiffers(source, target, show);
        }
        return rowsDiffer(source, target, show);
    }

    private static ResultComparison orderDiffers(QueryResult source, QueryResult target, int show) {
        int n = Math.min(source.kept.size(), target.kept.size());
        for (int i = 0; i < n; i++) {
            byte[][] s = source.kept.get(i);
            byte[][] t = target.kept.get(i);
            if (!QueryResult.key(s).equals(QueryResult.key(t))) {
                boolean nulls = QueryResult.hasNull(s) || QueryResult.hasNull(t);
                ResultComparison c = new ResultComparison(false, "same rows in a different order, from row " + (i + 1)
                        + (nulls ? ": NULLs sort differently on the two engines (first or last)"
                                : ": the ORDER BY leaves ties, or the collations sort the values differently"));
                c.differences.add("row " + (i + 1) + " on the source: " + source.print(s));
                c.differences.add("row " + (i + 1) + " on the target: " + target.print(t));
                return c;
            }
        }
        return new ResultComparison(false, "same rows in a different order (beyond the first " + n + " rows)");
    }

    private static ResultComparison rowsDiffer(QueryResult source, QueryResult target, int show) {
        Map<String, Integer> counts = new HashMap<>();
        for (byte[][] r : target.kept) {
            counts.merge(QueryResult.key(r), 1, Integer::sum);
        }
        List<String> onlySource = new ArrayList<>();
        int onlySourceCount = 0;
        for (byte[][] r : source.kept) {
            String k = QueryResult.key(r);
            Integer c = counts.get(k);
            if (c != null && c > 0) {
                counts.put(k, c - 1);
            } else {
                onlySourceCount++;
                if (onlySource.size() < show) {
                    onlySource.add("only on the source: " + source.print(r));
                }
            }
        }
        List<String> onlyTarget = new ArrayList<>();
        int onlyTargetCount = 0;
        Map<String, Integer> remaining = new HashMap<>(counts);
        for (byte[][] r : target.kept) {
            String k = QueryResult.key(r);
            Integer c = remaining.get(k);
            if (c != null && c > 0) {
                remaining.put(k, c - 1);
                onlyTargetCount++;
                if (onlyTarget.size() < show) {
                    onlyTarget.add("only on the target: " + target.print(r));
                }
            }
        }
        boolean partial = source.kept.size() < source.rows || target.kept.size() < target.rows;
        String counted = source.rows == target.rows ? source.rows + " rows on each side, values differ"
                : source.rows + " rows on the source, " + target.rows + " on the target";
        String detail = partial ? " (rows compared by fingerprint; the first " + source.kept.size() + " shown)"
                : ": " + onlySourceCount + " only on the source, " + onlyTargetCount + " only on the target";
        ResultComparison c = new ResultComparison(false, "different rows: " + counted + detail);
        c.differences.addAll(onlySource);
        c.differences.addAll(onlyTarget);
        return c;
    }
}
