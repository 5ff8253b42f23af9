package dbshift.core.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

import dbshift.core.engine.Endpoint;
import dbshift.core.run.MigrationOptions;
import dbshift.core.run.MigrationRun;
import dbshift.core.run.Status;
import dbshift.core.run.TableResult;

/**
 * Compares each table on both sides slice by slice: row counts and order-independent fingerprints of every
 * value. A difference is reported with the key range it is in. Slices are the copy's own (from its saved plan)
 * or, for tables copied by other means, cut afresh from the source.
 */
public final class Verifier {
    private static final long DEFAULT_SLICE_ROWS = 200_000;

    private final Endpoint source;
    private final Endpoint target;
    private final MigrationOptions options;
    private final MigrationRun run;

    public Verifier(Endpoint source, Endpoint target, MigrationOptions options, MigrationRun run) {
        this.source = source;
        this.target = target;
        this.options = options;
        this.run = run;
    }

    /**
     * Source fingerprints a copy computed in this run from the rows it read ({@link CopyEngine#fingerprintSource}),
     * by table key and slice range: for those slices only the target is read back, and compared with what the copy
     * read from the source. Only for a verification right after the copy (changes to the source since are not
     * seen); every other slice is read on both sides.
     */
    public Verifier withSourceFingerprints(java.util.Map<String, java.util.Map<KeyRange, RowHasher>> fingerprints) {
        this.known = fingerprints == null ? java.util.Map.of() : fingerprints;
        return this;
    }

    private java.util.Map<String, java.util.Map<KeyRange, RowHasher>> known = java.util.Map.of();
    private final java.util.concurrent.atomic.AtomicInteger slicesFromCopy = new java.util.concurrent.atomic.AtomicInteger();

    /** How many slices the last {@link #verify} compared with the copy's source fingerprints instead of reading the source. */
    public int slicesFromCopy() {
        return slicesFromCopy.get();
    }

    private record SliceCheck(TableMapping mapping, int sliceNo, KeyRange range, SliceComparison comparison) {
    }

    private static final class Outcome {
        final RowHasher sourceTotal;
        final RowHasher targetTotal;
        final List<String> mismatches = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        final long started = System.nanoTime();

        Outcome(List<ValueKind> kinds) {
            sourceTotal = new RowHasher(kinds);
            targetTotal = new RowHasher(kinds);
        }
    }

    public void verify(List<TableMapping> tables) throws SQLException {
        List<SliceCheck> checks = new ArrayList<>();
        java.util.Map<String, Outcome> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
        CopyState state = new CopyState(target.dialect());
        long expected = 0;
        try (Connection src = source.open(); Connection tgt = target.open()) {
            source.dialect().rowReader().prepareSession(src);
            for (TableMapping m : tables) {
                SliceComparison comparison = new SliceComparison(source, target, m);
                List<List<String>> bounds = savedBounds(state, tgt, m.key())
                        .orElse(source.dialect().rowReader().sliceBounds(src, m.source(), DEFAULT_SLICE_ROWS));
                List<KeyRange> slices = CopyEngine.slices(bounds);
                outcomes.put(m.key(), new Outcome(comparison.kinds()));
                for (int i = 0; i < slices.size(); i++) {
                    checks.add(new SliceCheck(m, i, slices.get(i), comparison));
                }
                Long estimate = m.source().stats().estimatedRows();
                expected += estimate == null ? 0 : estimate;
            }
        }
        run.progress().start("verify", expected);
        ConcurrentLinkedQueue<SliceCheck> queue = new ConcurrentLinkedQueue<>(checks);
        Workers.run(Math.min(options.jobs(), checks.size()), "dbshift-verify", run.progress(), () -> work(queue, outcomes));
        for (TableMapping m : tables) {
            record(m, outcomes.get(m.key()));
        }
    }

    private static Optional<List<List<String>>> savedBounds(CopyState state, Connection tgt, String key) {
        try {
            return state.plan(tgt, key).map(CopyState.SavedPlan::bounds);
        } catch (SQLException e) {
            try {
                if (!tgt.getAutoCommit()) {
                    tgt.rollback();
                }
            } catch (SQLException ignored) {
                // nothing to undo
            }
            return Optional.empty(); // no copy state on this target: the data came another way
        }
    }

    private void work(ConcurrentLinkedQueue<SliceCheck> queue, java.util.Map<String, Outcome> outcomes) {
        try (Connection src = source.open(); Connection tgt = target.open()) {
            source.dialect().rowReader().prepareSession(src);
            target.dialect().rowReader().prepareSession(tgt);
            SliceCheck check;
            while (!run.progress().isCancelled() && (check = queue.poll()) != null) {
                Outcome outcome = outcomes.get(check.mapping.key());
                try {
                    RowHasher fromCopy = known.getOrDefault(check.mapping.key(), java.util.Map.of()).get(check.range);
                    SliceComparison.Result compared;
                    if (fromCopy != null) {
                        compared = check.comparison.compareWithSource(tgt, check.range, fromCopy);
                        slicesFromCopy.incrementAndGet();
                    } else {
                        compared = check.comparison.compare(src, tgt, check.range);
                    }
                    RowHasher s = compared.source();
                    RowHasher t = compared.target();
                    run.progress().add(s.count());
                    synchronized (outcome) {
                        outcome.sourceTotal.merge(s);
                        outcome.targetTotal.merge(t);
                        if (!compared.equal()) {
                            outcome.mismatches.add("keys " + check.range + ": source " + s.count() + " rows, target "
                                    + t.count() + " rows" + (s.count() == t.count() ? ", values differ" : ""));
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    synchronized (outcome) {
                        outcome.errors.add("keys " + check.range + ": "
                                + (e instanceof SQLException s ? dbshift.core.engine.SqlErrors.explain(s) : e.getMessage()));
                    }
                }
            }
        } catch (SQLException e) {
            for (Outcome o : outcomes.values()) {
                synchronized (o) {
                    o.errors.add("cannot connect: " + e.getMessage());
                }
            }
        }
    }

    private void record(TableMapping m, Outcome o) {
        String schema = m.target().name().schema();
        String name = m.target().name().name();
        TableResult previous = run.table(schema, name);
        long millis = (System.nanoTime() - o.started) / 1_000_000;
        TableResult base = previous != null ? previous
                : new TableResult(schema, name, null, null, Status.OK, "skipped", millis, 0, null, List.of(), null);
        boolean totalsEqual = o.sourceTotal.fingerprint().equals(o.targetTotal.fingerprint());
        String checksum;
        Status status = base.status();
        String message = base.message();
        List<String> mismatches = List.of();
        if (!o.errors.isEmpty()) {
            checksum = "skipped";
            status = Status.FAILED;
            message = "verification failed: " + String.join("; ", o.errors);
        } else if (totalsEqual) {
            // equal multisets of rows; slice-level differences can only come from collations ordering keys differently
            checksum = "match";
        } else {
            checksum = "mismatch";
            status = Status.FAILED;
            mismatches = o.mismatches.isEmpty() ? List.of("whole table: fingerprints differ") : o.mismatches;
            message = mismatches.size() + " key range(s) differ";
        }
        run.table(base.withVerification(o.sourceTotal.count(), o.targetTotal.count(), checksum, mismatches, status, message));
    }
}
