package dbshift.core.data;

import java.util.List;

/**
 * A slice of a table by primary key: rows with key greater than {@code lower} and at most {@code upper}; a null
 * bound is open. Key values are kept as text (binary key parts as hex) so that they can be stored in a checkpoint.
 */
public record KeyRange(List<String> lower, List<String> upper) {
    public static final KeyRange ALL = new KeyRange(null, null);

    public KeyRange {
        lower = lower == null ? null : List.copyOf(lower);
        upper = upper == null ? null : List.copyOf(upper);
    }

    public boolean isAll() {
        return lower == null && upper == null;
    }

    /** For people: {@code (10, 2000]}, {@code (-inf, 1999]}. */
    @Override
    public String toString() {
        return "(" + (lower == null ? "-inf" : String.join(",", lower)) + ", " + (upper == null ? "+inf" : String.join(",", upper))
                + "]";
    }
}
