package dbshift.core.data;

/**
 * How a column's values travel and compare. TEXT-like kinds travel as UTF-8 text (the server's own rendering,
 * which round-trips exactly for these types); BINARY kinds travel as raw bytes. FLOAT and DOUBLE are read at full
 * precision (servers print FLOAT with 6 digits by default, which loses bits) and compared as numbers; JSON compares
 * as a document (servers differ in spacing and key order); TEMPORAL may hold MySQL zero dates.
 */
public enum ValueKind {
    TEXT(false), NUMBER(false), FLOAT(false), DOUBLE(false), TEMPORAL(false), JSON(false), BINARY(true), BIT(true),
    SPATIAL(true);

    private final boolean binary;

    ValueKind(boolean binary) {
        this.binary = binary;
    }

    public boolean isBinary() {
        return binary;
    }
}
