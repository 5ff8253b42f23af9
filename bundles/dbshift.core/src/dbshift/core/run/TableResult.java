package dbshift.core.run;

import java.util.List;

/**
 * The data of one table: rows on each side, what the copy did, how long it took, and what verification found.
 * {@code checksum} is {@code match}, {@code mismatch} or {@code skipped}; {@code mismatches} name the key ranges
 * whose rows differ.
 */
public record TableResult(String schema, String name, Long sourceRows, Long targetRows, Status status, String checksum,
        long millis, double rowsPerSecond, String method, List<String> mismatches, String message) {

    public TableResult {
        mismatches = mismatches == null ? List.of() : List.copyOf(mismatches);
    }

    public TableResult withVerification(Long source, Long target, String checksumResult, List<String> mismatchRanges,
            Status newStatus, String newMessage) {
        return new TableResult(schema, name, source, target, newStatus, checksumResult, millis, rowsPerSecond, method,
                mismatchRanges, newMessage);
    }

    public String key() {
        return schema + "." + name;
    }
}
