package dbshift.core.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dbshift.core.engine.Endpoint;
import dbshift.core.engine.Jdbc;
import dbshift.core.engine.SqlErrors;
import dbshift.core.model.Table;
import dbshift.core.run.MigrationOptions;
import dbshift.core.run.MigrationRun;
import dbshift.core.run.Progress;
import dbshift.core.run.Status;
import dbshift.core.run.TableResult;

/**
 * Copies tables in parallel primary-key slices: {@code jobs} workers, each with its own source and target
 * connection, take slices largest table first. Every slice is one target transaction that also records the slice
 * in {@link CopyState}; a rerun resumes at the first slice not recorded. Reads stream and writes stream, so
 * memory stays bounded whatever the table size.
 */
public final class CopyEngine {
    /** Aim for slices of about this many bytes (by the source's average row length). */
    private static final long SLICE_BYTES = 64L * 1024 * 1024;
    private static final long MIN_SLICE_ROWS = 10_000;
    private static final long MAX_SLICE_ROWS = 1_000_000;
    /** A slice that hit a deadlock or lock wait timeout is tried again this often, on the same connection. */
    private static final int MAX_ATTEMPTS = 3;

    private final Endpoint source;
    private final Endpoint target;
    private final MigrationOptions options;
    private final MigrationRun run;
    private final CopyState state;
    /** Source and target are one server (and one dialect): slices can be copied without leaving it. */
    private boolean sameServer;
    /** Check every slice against the source and copy again only those that differ (repair), whatever the checkpoints say. */
    private boolean repair;
    /**
     * When not null: the source fingerprint of every slice this run streamed and committed, by table key and range,
     * computed from the rows the copy read (see {@link #fingerprintSource}).
     */
    private Map<String, Map<KeyRange, RowHasher>> sourceFingerprints;

    public CopyEngine(Endpoint source, Endpoint target, MigrationOptions options, MigrationRun run) {
        this.source = source;
        this.target = target;
        this.options = options;
        this.run = run;
        this.state = new CopyState(target.dialect());
    }

    /** One table's work: its plan and the slices still to copy. */
    private final class TableJob {
        final TableMapping mapping;
        final List<TransferColumn> columns;
        final List<String> keys;
        final List<ValueKind> keyKinds;
        final List<KeyRange> slices;
        final boolean resumed;
        /** Slices an earlier run committed: checked against the source before they are trusted. */
        final Set<Integer> committed;
        /** Whether the earlier run had finished the table. */
        final boolean wasDone;
        final SliceComparison comparison;
        final List<ValueKind> targetKeyKinds;
        /** The kinds verification compares this table's columns by (for the copy's source fingerprints). */
        final List<ValueKind> compareKinds;
        final List<String> recopied = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger remaining;
        final AtomicLong rows = new AtomicLong();
        final long startNanos = System.nanoTime();
        volatile String failure;
        String method;

        TableJob(TableMapping mapping, List<KeyRange> slices, Set<Integer> committed, boolean wasDone) {
            this.mapping = mapping;
            this.columns = source.dialect().rowReader().transferColumns(mapping.source(), mapping.target());
            this.keys = source.dialect().rowReader().keyColumns(mapping.source());
            this.keyKinds = keys.stream().map(k -> kindOf(columns, k)).toList();
            List<TransferColumn> targetColumns = target.dialect().rowReader().transferColumns(mapping.target());
            this.targetKeyKinds = keys.stream().map(k -> kindOf(targetColumns, k)).toList();
            this.slices = slices;
            this.committed = committed;
            this.resumed = !committed.isEmpty() || wasDone;
            this.wasDone = wasDone;
            this.comparison = committed.isEmpty() ? null : new SliceComparison(source, target, mapping);
            this.compareKinds = sourceFingerprints == null ? null : compareKinds(mapping);
            this.remaining = new AtomicInteger(slices.size());
        }

        /** The kinds verification will compare by, or null when it cannot pair the columns (the copy then reports why). */
        private List<ValueKind> compareKinds(TableMapping mapping) {
            try {
                return new SliceComparison(source, target, mapping).kinds();
            } catch (IllegalStateException e) {
                return null;
            }
        }

        private static ValueKind kindOf(List<TransferColumn> columns, String key) {
            return columns.stream().filter(c -> c.name().equalsIgnoreCase(key)).findFirst().map(TransferColumn::kind)
                    .orElse(ValueKind.TEXT);
        }
    }

    /** One slice to copy, or (for a slice an earlier run committed) to check and copy again only if it no longer matches. */
    private record SliceTask(TableJob job, int sliceNo, KeyRange range, boolean recheck) {
    }

    /**
     * Repairs the tables: every slice (the copy's own, or cut afresh for tables filled by other means) is compared
     * with the source, and exactly the slices that differ are copied again, each in one transaction with its
     * checkpoint. Tables end with a {@link TableResult} naming the slices repaired.
     */
    public void repair(List<TableMapping> tables) throws SQLException {
        repair = true;
        copy(tables);
    }

    /**
     * Makes the copy fingerprint the source rows of every slice it streams, as verification would (the same columns,
     * kinds and hash), so that a verification right after the copy can read only the target for those slices
     * ({@link Verifier#withSourceFingerprints}). Slices copied within one server, or checked rather than copied, have
     * none and are verified by reading both sides.
     */
    public CopyEngine fingerprintSource() {
        sourceFingerprints = new ConcurrentHashMap<>();
        return this;
    }

    /** The fingerprints {@link #fingerprintSource} asked for: table key, then slice range. */
    public Map<String, Map<KeyRange, RowHasher>> sourceFingerprints() {
        return sourceFingerprints == null ? Map.of() : sourceFingerprints;
    }

    /** Copies the tables; every table ends with a {@link TableResult} in the run. */
    public void copy(List<TableMapping> tables) throws SQLException {
        SourceTargetOverlap.refuse(source, target, tables, "copy");
        Progress progress = run.progress();
        List<TableJob> jobs = new ArrayList<>();
        List<SliceTask> tasks = new ArrayList<>();
        try (Connection src = source.open(); Connection tgt = target.open()) {
            source.dialect().rowReader().prepareSession(src);
            state.ensureTables(tgt);
            String sourceServer = source.dialect().serverIdentity(src);
            sameServer = sourceServer != null && source.dialect().id().equals(target.dialect().id())
                    && sourceServer.equals(target.dialect().serverIdentity(tgt));
            long expected = 0;
            for (TableMapping m : tables) {
                TableJob job = plan(src, tgt, m);
                if (job == null) {
                    continue;
                }
                jobs.add(job);
                for (int i = 0; i < job.slices.size(); i++) {
                    tasks.add(new SliceTask(job, i, job.slices.get(i), job.committed.contains(i)));
                }
                Long estimate = m.source().stats().estimatedRows();
                expected += estimate == null ? 0 : estimate;
            }
            progress.start("copy", expected);
            Set<String> done = ConcurrentHashMap.newKeySet();
            tasks.sort(Comparator.comparingLong((SliceTask t) -> -estimatedRows(t.job)).thenComparingInt(t -> t.sliceNo));
            runWorkers(tasks, done);
            for (TableJob job : jobs) {
                if (!done.contains(job.mapping.key())) {
                    int left = job.remaining.get();
                    String why = job.failure != null ? job.failure
                            : progress.isCancelled() ? "cancelled" : "stopped";
                    report(job, Status.FAILED, why + "; " + left + " of " + job.slices.size()
                            + " slices not copied - run copy again to resume from the last committed slice");
                }
            }
        }
    }

    private static long estimatedRows(TableJob job) {
        Long rows = job.mapping.source().stats().estimatedRows();
        return rows == null ? 0 : rows;
    }

    /** Decides what to copy of one table: resume a saved plan, skip a finished one, or plan afresh. */
    private TableJob plan(Connection src, Connection tgt, TableMapping m) throws SQLException {
        String key = m.key();
        RowReader reader = source.dialect().rowReader();
        Optional<CopyState.SavedPlan> saved = state.plan(tgt, key);
        if (repair) {
            List<List<String>> bounds = saved.isPresent() ? saved.get().bounds() : null;
            if (bounds == null) {
                bounds = reader.sliceBounds(src, m.source(), sliceRows(m.source()));
                state.savePlan(tgt, key, bounds);
            }
            List<KeyRange> slices = slices(bounds);
            Set<Integer> all = new java.util.HashSet<>();
            for (int i = 0; i < slices.size(); i++) {
                all.add(i);
            }
            return new TableJob(m, slices, all, false);
        }
        boolean stale = saved.isPresent() && saved.get().rows() + state.copiedRows(tgt, key) > 0 && isEmpty(tgt, m.target());
        if (stale) {
            // the checkpoints describe rows that are no longer there: the table was dropped and created again
            run.note("table " + m.target().name() + ": its copy checkpoints were stale (the table is empty); copying it afresh");
            state.clear(tgt, key);
            saved = Optional.empty();
        }
        if (saved.isPresent() && !options.truncateTarget()) {
            CopyState.SavedPlan plan = saved.get();
            List<KeyRange> slices = slices(plan.bounds());
            // a checkpoint says what was committed, not what is still there: the slices are checked, not trusted
            return new TableJob(m, slices, state.doneSlices(tgt, key), plan.done());
        }
        boolean empty = isEmpty(tgt, m.target());
        if (!empty) {
            if (!options.truncateTarget()) {
                run.table(new TableResult(m.target().name().schema(), m.target().name().name(), null, null, Status.FAILED,
                        "skipped", 0, 0, null, List.of(), "the target table already has rows and no copy of DBShift "
                                + "is recorded for it; empty it or pass --truncate to replace its rows"));
                return null;
            }
            Jdbc.execute(tgt, "DELETE FROM " + target.dialect().quoting().quote(m.target().name()));
            if (!tgt.getAutoCommit()) {
                tgt.commit();
            }
        }
        List<List<String>> bounds = reader.sliceBounds(src, m.source(), sliceRows(m.source()));
        state.savePlan(tgt, key, bounds);
        List<KeyRange> slices = slices(bounds);
        return new TableJob(m, slices, Set.of(), false);
    }

    private boolean isEmpty(Connection c, Table table) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            s.setMaxRows(1);
            try (java.sql.ResultSet rs = s.executeQuery("SELECT 1 FROM " + target.dialect().quoting().quote(table.name()))) {
                return !rs.next();
            }
        }
    }

    private long sliceRows(Table t) {
        if (options.chunkRows() > 0) {
            return options.chunkRows();
        }
        Long rows = t.stats().estimatedRows();
        Long bytes = t.stats().dataBytes();
        long byBytes = rows != null && rows > 0 && bytes != null && bytes > 0 ? SLICE_BYTES / Math.max(1, bytes / rows)
                : MAX_SLICE_ROWS;
        // at least a few slices per worker on big tables, so that all workers stay busy to the end
        long byJobs = rows == null ? MAX_SLICE_ROWS : rows / Math.max(1, options.jobs() * 4L);
        return Math.max(MIN_SLICE_ROWS, Math.min(MAX_SLICE_ROWS, Math.min(byBytes, byJobs)));
    }

    public static List<KeyRange> slices(List<List<String>> bounds) {
        List<KeyRange> slices = new ArrayList<>();
        List<String> lower = null;
        for (List<String> upper : bounds) {
            slices.add(new KeyRange(lower, upper));
            lower = upper;
        }
        slices.add(new KeyRange(lower, null));
        return slices;
    }

    private void runWorkers(List<SliceTask> tasks, Set<String> done) throws SQLException {
        ConcurrentLinkedQueue<SliceTask> queue = new ConcurrentLinkedQueue<>(tasks);
        int workers = Math.max(1, Math.min(options.jobs(), tasks.size()));
        List<SQLException> connectFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
        Workers.run(workers, "dbshift-copy", run.progress(), () -> work(queue, done, connectFailures));
        run.findings(target.dialect().bulkLoader().findings(options));
        if (!connectFailures.isEmpty() && connectFailures.size() == workers) {
            throw connectFailures.get(0);
        }
    }

    private void work(ConcurrentLinkedQueue<SliceTask> queue, Set<String> done, List<SQLException> connectFailures) {
        Progress progress = run.progress();
        try (Connection src = source.open(); Connection tgt = target.open()) {
            source.dialect().rowReader().prepareSession(src);
            BulkLoader loader = target.dialect().bulkLoader();
            target.dialect().rowReader().prepareSession(tgt); // for checking committed slices; the loader's settings follow
            loader.prepareSession(tgt, options);
            tgt.setAutoCommit(false);
            SliceTask task;
            while (!progress.isCancelled() && (task = queue.poll()) != null) {
                TableJob job = task.job;
                if (job.failure != null) {
                    continue;
                }
                try {
                    if (job.method == null) {
                        job.method = loader.method(tgt, job.mapping.target(), options);
                    }
                    long rows = task.recheck ? matchingRows(src, tgt, task) : -1;
                    if (rows < 0) {
                        rows = copySlice(src, tgt, loader, task);
                        progress.add(rows);
                        if (!job.method.startsWith("INSERT … SELECT")) {
                            job.method = loader.method(tgt, job.mapping.target(), options);
                        }
                    }
                    job.rows.addAndGet(rows);
                    if (job.remaining.decrementAndGet() == 0) {
                        finishTable(tgt, job, done);
                    }
                } catch (SQLException e) {
                    rollback(tgt);
                    job.failure = "slice " + (task.sliceNo + 1) + " " + task.range + ": " + SqlErrors.explain(e);
                } catch (RuntimeException e) {
                    rollback(tgt);
                    job.failure = "slice " + (task.sliceNo + 1) + " " + task.range + ": " + e.getMessage();
                }
            }
        } catch (SQLException e) {
            connectFailures.add(e);
        }
    }

    /**
     * Checks a slice an earlier run committed against the source (row count and values): its rows when the target
     * still holds exactly what the source has, else -1 (rows deleted, changed or added on the target since, or a
     * source that changed without a sync): the slice is then copied again.
     */
    private long matchingRows(Connection src, Connection tgt, SliceTask task) throws SQLException {
        try {
            SliceComparison.Result r = task.job.comparison.compare(src, tgt, task.range);
            if (r.equal()) {
                return r.target().count();
            }
            task.job.recopied.add("slice " + (task.sliceNo + 1) + " " + task.range + " (source " + r.source().count()
                    + " rows, target " + r.target().count() + (r.source().count() == r.target().count() ? ", values differ)" : ")"));
            return -1;
        } finally {
            rollback(tgt); // end the read: the copy's transaction starts clean
        }
    }

    private long copySlice(Connection src, Connection tgt, BulkLoader loader, SliceTask task) throws SQLException {
        TableJob job = task.job;
        Table sourceTable = job.mapping.source();
        Table targetTable = job.mapping.target();
        // a slice that did not commit left nothing behind (it is one transaction with its checkpoint), so a
        // resumed slice needs no clean-up; a committed slice that no longer matches is replaced whole, in the same
        // transaction as its new checkpoint
        for (int attempt = 1;; attempt++) {
            try {
                if (task.recheck) {
                    KeyPredicate where = KeyPredicate.of(target.dialect().quoting(), job.keys, job.targetKeyKinds, task.range);
                    try (java.sql.PreparedStatement ps = tgt.prepareStatement("DELETE FROM "
                            + target.dialect().quoting().quote(targetTable.name()) + where.sql())) {
                        where.bind(ps, 1);
                        ps.executeUpdate();
                    }
                    state.forgetSlice(tgt, job.mapping.key(), task.sliceNo);
                }
                long rows = sameServer ? loader.copyWithinServer(tgt, sourceTable, targetTable, job.columns, job.keys, job.keyKinds,
                        task.range, options) : -1;
                RowHasher fingerprint = null;
                if (rows < 0) {
                    try (RowStream read = source.dialect().rowReader().open(src, sourceTable, job.columns, task.range, true)) {
                        RowStream stream = read;
                        if (sourceFingerprints != null && job.compareKinds != null) {
                            fingerprint = new RowHasher(job.compareKinds);
                            stream = new HashingRowStream(read, fingerprint, job.columns.size());
                        }
                        rows = loader.load(tgt, targetTable, job.columns, stream, options, run.progress()::isCancelled);
                    }
                } else if (job.method != null && !job.method.startsWith("INSERT … SELECT")) {
                    job.method = "INSERT … SELECT (same server)";
                }
                state.sliceDone(tgt, job.mapping.key(), task.sliceNo, rows);
                tgt.commit();
                if (fingerprint != null && fingerprint.count() == rows) {
                    sourceFingerprints.computeIfAbsent(job.mapping.key(), k -> new ConcurrentHashMap<>()).put(task.range, fingerprint);
                }
                return rows;
            } catch (SQLException e) {
                rollback(tgt);
                if (attempt >= MAX_ATTEMPTS || !isTransient(e) || run.progress().isCancelled()) {
                    throw e;
                }
            }
        }
    }

    private void finishTable(Connection tgt, TableJob job, Set<String> done) throws SQLException {
        Table t = job.mapping.target();
        boolean autoCommit = tgt.getAutoCommit();
        try {
            state.tableDone(tgt, job.mapping.key(), job.rows.get());
            Long next = job.mapping.source().stats().nextAutoIncrement();
            boolean hasAutoIncrement = t.columns().stream().anyMatch(c -> c.autoIncrement() || c.identity() != null);
            if (next != null && hasAutoIncrement) {
                for (String sql : target.dialect().ddlWriter().resetAutoIncrement(t, next)) {
                    Jdbc.execute(tgt, sql);
                }
            }
            if (!autoCommit) {
                tgt.commit();
            }
        } catch (SQLException e) {
            rollback(tgt);
            job.failure = "finishing the table failed: " + SqlErrors.explain(e);
            return;
        }
        done.add(job.mapping.key());
        report(job, Status.OK, null);
    }

    private void report(TableJob job, Status status, String message) {
        long millis = (System.nanoTime() - job.startNanos) / 1_000_000;
        long rows = job.rows.get();
        Table t = job.mapping.target();
        if (status == Status.OK && repair) {
            List<String> again = List.copyOf(job.recopied);
            message = "repair: " + job.slices.size() + " slice(s) compared with the source; " + (again.isEmpty()
                    ? "all match, nothing to repair"
                    : again.size() + " differed and were copied again: " + String.join("; ", again.subList(0, Math.min(5,
                            again.size()))) + (again.size() > 5 ? "; …" : ""));
        } else if (status == Status.OK && job.resumed) {
            String checked = job.committed.size() + " slice(s) an earlier run committed were checked against the source "
                    + "(row counts and values)";
            if (!job.recopied.isEmpty()) {
                List<String> again = List.copyOf(job.recopied);
                message = checked + "; " + again.size() + " no longer matched on the target and were copied again: "
                        + String.join("; ", again.subList(0, Math.min(5, again.size()))) + (again.size() > 5 ? "; …" : "");
            } else if (job.wasDone) {
                status = Status.SKIPPED;
                message = "already copied by an earlier run; its " + checked.replace(" an earlier run committed", "")
                        + " and match";
            } else {
                message = "resumed; " + checked + " and match";
            }
        }
        run.table(new TableResult(t.name().schema(), t.name().name(), null, rows, status, "skipped", millis,
                millis == 0 ? rows : rows * 1000.0 / millis, job.method, List.of(), message));
    }

    /**
     * Deadlocks and lock wait timeouts: the transaction was rolled back and may simply be run again. SQLSTATE 40001
     * is the standard's word for it; engines that use their own codes say so through {@link dbshift.core.engine.Dialect#isTransient}.
     */
    public static boolean isTransient(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("40001".equals(s.getSQLState())
                    || dbshift.core.engine.Dialects.all().stream().anyMatch(d -> d.isTransient(s)))) {
                return true;
            }
        }
        return false;
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // the connection is gone; the server rolls back on its own
        }
    }
}
