package dbshift.mysql;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BooleanSupplier;

import dbshift.core.data.RowStream;
import dbshift.core.data.TransferColumn;
import dbshift.core.data.ValueKind;

/**
 * Turns a {@link RowStream} into tab-separated text as MySQL's LOAD DATA reads it (backslash escapes, {@code \N}
 * for NULL, binary values as hex), pulled row by row as the driver sends the file: the whole chunk never sits in
 * memory. A read failure or a cancellation ends the stream early; the loader checks {@link #failure()}.
 */
public final class RowEncodingInputStream extends InputStream {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final RowStream rows;
    private final List<TransferColumn> columns;
    private final boolean zeroDatesAsNull;
    private final BooleanSupplier cancelled;
    private byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private long rowCount;
    private boolean done;
    private Exception failure;

    public RowEncodingInputStream(RowStream rows, List<TransferColumn> columns, boolean zeroDatesAsNull,
            BooleanSupplier cancelled) {
        this.rows = rows;
        this.columns = columns;
        this.zeroDatesAsNull = zeroDatesAsNull;
        this.cancelled = cancelled;
    }

    public long rowCount() {
        return rowCount;
    }

    public Exception failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (position >= limit && !fill()) {
            return -1;
        }
        int n = Math.min(len, limit - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    /** Encodes rows until at least half the buffer is full or the rows end. */
    private boolean fill() {
        position = 0;
        limit = 0;
        if (done) {
            return false;
        }
        try {
            while (limit < buffer.length / 2) {
                if (cancelled.getAsBoolean()) {
                    failure = new InterruptedException("cancelled");
                    done = true;
                    break;
                }
                if (!rows.next()) {
                    done = true;
                    break;
                }
                encodeRow();
                rowCount++;
            }
        } catch (SQLException | RuntimeException e) {
            failure = e;
            done = true;
        }
        return limit > 0;
    }

    private void encodeRow() throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                put((byte) '\t');
            }
            byte[] v = rows.get(i);
            ValueKind kind = columns.get(i).kind();
            if (v == null || zeroDatesAsNull && kind == ValueKind.TEMPORAL && isZeroDate(v)) {
                put((byte) '\\');
                put((byte) 'N');
            } else if (kind.isBinary()) {
                ensure(v.length * 2);
                for (byte x : v) {
                    buffer[limit++] = HEX[(x >> 4) & 0xf];
                    buffer[limit++] = HEX[x & 0xf];
                }
            } else {
                ensure(v.length * 2);
                for (byte x : v) {
                    switch (x) {
                        case '\\' -> { buffer[limit++] = '\\'; buffer[limit++] = '\\'; }
                        case '\t' -> { buffer[limit++] = '\\'; buffer[limit++] = 't'; }
                        case '\n' -> { buffer[limit++] = '\\'; buffer[limit++] = 'n'; }
                        case 0 -> { buffer[limit++] = '\\'; buffer[limit++] = '0'; }
                        default -> buffer[limit++] = x;
                    }
                }
            }
        }
        put((byte) '\n');
    }

    /** {@code 0000-00-00…} or a date with a zero month or day (what NO_ZERO_IN_DATE refuses). */
    public static boolean isZeroDate(byte[] v) {
        if (v.length < 10) {
            return false;
        }
        boolean zeroYear = v[0] == '0' && v[1] == '0' && v[2] == '0' && v[3] == '0';
        boolean zeroMonth = v[5] == '0' && v[6] == '0';
        boolean zeroDay = v[8] == '0' && v[9] == '0';
        return zeroYear && zeroMonth && zeroDay || zeroMonth || zeroDay;
    }

    private void put(byte b) {
        ensure(1);
        buffer[limit++] = b;
    }

    private void ensure(int extra) {
        if (limit + extra > buffer.length) {
            byte[] bigger = new byte[Math.max(buffer.length * 2, limit + extra)];
            System.arraycopy(buffer, 0, bigger, 0, limit);
            buffer = bigger;
        }
    }
}
