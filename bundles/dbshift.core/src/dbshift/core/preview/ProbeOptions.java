package dbshift.core.preview;

import java.util.Locale;

/**
 * How much of the source the lossy-value preview reads: {@link Mode#SAMPLE} the first {@code sampleRows} rows of
 * each table in key order (the default; a bounded read however large the table), {@link Mode#FULL} every row
 * (exact counts), {@link Mode#OFF} nothing.
 */
public record ProbeOptions(Mode mode, int sampleRows) {
    public static final int DEFAULT_SAMPLE_ROWS = 100_000;

    public enum Mode {
        SAMPLE, FULL, OFF;

        public static Mode parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--probe must be full, sample or off, got '" + text + "'");
            }
        }
    }

    public ProbeOptions {
        mode = mode == null ? Mode.SAMPLE : mode;
        if (sampleRows < 1) {
            throw new IllegalArgumentException("--probe-rows must be at least 1, got " + sampleRows);
        }
    }

    public static ProbeOptions defaults() {
        return new ProbeOptions(Mode.SAMPLE, DEFAULT_SAMPLE_ROWS);
    }

    /** Rows to read per table; 0 for all. */
    public long rowLimit() {
        return mode == Mode.FULL ? 0 : sampleRows;
    }

    @Override
    public String toString() {
        return mode == Mode.SAMPLE ? "sample of " + sampleRows + " rows per table" : mode.name().toLowerCase(Locale.ROOT);
    }
}
