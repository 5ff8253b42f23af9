package dbshift.core.sync;

import java.util.List;

/**
 * What a sync did: from where to where in the source's log, how many changes it applied, how far behind the
 * source it was at the end (seconds of source time not yet applied; 0 when caught up), and what it could not
 * replicate.
 */
public record SyncResult(SourcePosition from, SourcePosition applied, SourcePosition sourceHead, long changes,
        double lagSeconds, boolean caughtUp, List<String> warnings, double maxLagSeconds) {
    public SyncResult {
        warnings = List.copyOf(warnings);
    }

    /** The same result with {@code more} warnings after its own. */
    public SyncResult withWarnings(List<String> more) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new SyncResult(from, applied, sourceHead, changes, lagSeconds, caughtUp, all, maxLagSeconds);
    }

    /** A result whose largest lag seen is its final one. */
    public SyncResult(SourcePosition from, SourcePosition applied, SourcePosition sourceHead, long changes, double lagSeconds,
            boolean caughtUp, List<String> warnings) {
        this(from, applied, sourceHead, changes, lagSeconds, caughtUp, warnings, lagSeconds);
    }
}
