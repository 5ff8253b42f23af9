package dbshift.core.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dbshift.core.data.CopyEngine;
import dbshift.core.data.CopyState;
import dbshift.core.data.KeyRange;
import dbshift.core.data.SliceComparison;
import dbshift.core.data.TableMapping;
import dbshift.core.engine.Endpoint;
import dbshift.core.run.Progress;

/**
 * Verification while the sync runs: on its own connections it walks the copy's slices of every table round and
 * round, comparing each with the source (row counts and fingerprints, as verify does), so that drift on the target
 * is found while the source is still live rather than at cutover. A slice that differs is checked again after the
 * changes in flight have had time to settle; only one that still differs on three checks is reported, with the
 * hint to run repair. Coverage over time (slices verified, distinct and in all) is kept for the report.
 */
final class LiveVerifier implements Runnable {
    private static final int CHECKS_BEFORE_REPORT = 3;

    private record Slice(TableMapping mapping, SliceComparison comparison, int no, KeyRange range) {
        String name() {
            return mapping.target().name() + " slice " + (no + 1) + " " + range;
        }
    }

    private final Endpoint source;
    private final Endpoint target;
    private final List<TableMapping> tables;
    private final long settleMillis;
    private final Progress progress;
    private final List<Slice> slices = new ArrayList<>();
    private final Map<String, Integer> suspect = new LinkedHashMap<>();
    private final List<String> drift = new ArrayList<>();
    private final List<String> coverage = new ArrayList<>();
    private final java.util.Set<String> verifiedOnce = new java.util.HashSet<>();
    /** When the sync last applied changes to each source table: a table still changing has not settled. */
    private final Map<dbshift.core.model.QualifiedName, Long> lastApplied = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean stopped;
    private long checks;
    private String failure;
    private Thread thread;

    LiveVerifier(Endpoint source, Endpoint target, List<TableMapping> tables, long settleMillis, Progress progress) {
        this.source = source;
        this.target = target;
        this.tables = tables;
        this.settleMillis = settleMillis;
        this.progress = progress;
    }

    /** The sync applied changes to this source table just now. */
    void applied(dbshift.core.model.QualifiedName sourceTable) {
        lastApplied.put(sourceTable, System.currentTimeMillis());
    }

    void start() {
        thread = new Thread(this, "dbshift-live-verify");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the walk and returns what it found: the drift it is sure of, then a line on its coverage. */
    synchronized List<String> stop() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
        List<String> out = new ArrayList<>();
        for (String d : drift) {
            out.add("continuous verification: " + d + " differs from the source on " + CHECKS_BEFORE_REPORT + " checks "
                    + settleMillis / 1000 + " s apart: run 'dbshift repair' (it copies exactly the differing slices again)");
        }
        if (failure != null) {
            out.add("continuous verification stopped: " + failure);
        }
        out.add(String.format(java.util.Locale.ROOT, "continuous verification: %,d slice checks, %d of %d slices verified at "
                + "least once%s", checks, verifiedOnce.size(), slices.size(), coverage.isEmpty() ? ""
                        : "; coverage over time: " + String.join(", ", coverage)));
        return out;
    }

    @Override
    public void run() {
        long started = System.currentTimeMillis();
        long lastSample = started;
        try (Connection src = source.open(); Connection tgt = target.open()) {
            source.dialect().rowReader().prepareSession(src);
            target.dialect().rowReader().prepareSession(tgt);
            plan(src, tgt);
            int next = 0;
            while (!stopped && !progress.isCancelled() && !slices.isEmpty()) {
                Slice s = slices.get(next);
                next = (next + 1) % slices.size();
                boolean equal;
                long checkStarted = System.currentTimeMillis();
                try {
                    equal = s.comparison().compare(src, tgt, s.range()).equal();
                } finally {
                    rollback(src);
                    rollback(tgt);
                }
                synchronized (this) {
                    checks++;
                    verifiedOnce.add(s.name());
                    long changed = lastApplied.getOrDefault(s.mapping().source().name(), 0L);
                    if (equal) {
                        suspect.remove(s.name());
                    } else if (changed >= checkStarted - settleMillis) {
                        // the table is still being changed by the sync: a difference may be in flight, look again later
                        suspect.putIfAbsent(s.name(), 0);
                    } else {
                        int seen = suspect.merge(s.name(), 1, Integer::sum);
                        if (seen >= CHECKS_BEFORE_REPORT && !drift.contains(s.name())) {
                            drift.add(s.name());
                        }
                    }
                    long now = System.currentTimeMillis();
                    if (now - lastSample >= 10_000) {
                        coverage.add(String.format(java.util.Locale.ROOT, "%d s %d/%d", (now - started) / 1000,
                                verifiedOnce.size(), slices.size()));
                        lastSample = now;
                    }
                }
                // a differing slice is looked at again once the changes in flight have settled, not at once
                pause(!equal ? settleMillis : next == 0 ? 200 : 20);
            }
        } catch (SQLException | RuntimeException e) {
            synchronized (this) {
                if (!stopped) {
                    failure = e.getMessage();
                }
            }
        }
    }

    /** The copy's own slices (its saved plan), or the whole table for tables the copy did not slice. */
    private void plan(Connection src, Connection tgt) throws SQLException {
        CopyState state = new CopyState(target.dialect());
        for (TableMapping m : tables) {
            Optional<CopyState.SavedPlan> saved = state.plan(tgt, m.key());
            List<KeyRange> ranges = saved.isPresent() ? CopyEngine.slices(saved.get().bounds()) : List.of(KeyRange.ALL);
            SliceComparison comparison = new SliceComparison(source, target, m);
            for (int i = 0; i < ranges.size(); i++) {
                slices.add(new Slice(m, comparison, i, ranges.get(i)));
            }
        }
        rollback(tgt);
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            stopped = true;
        }
    }

    private static void rollback(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException e) {
            // the read is over either way
        }
    }
}
