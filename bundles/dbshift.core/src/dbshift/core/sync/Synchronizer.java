package dbshift.core.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dbshift.core.data.BulkLoader;
import dbshift.core.data.KeyPredicate;
import dbshift.core.data.RowReader;
import dbshift.core.data.RowStream;
import dbshift.core.data.TableMapping;
import dbshift.core.data.TransferColumn;
import dbshift.core.data.ValueKind;
import dbshift.core.engine.Endpoint;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.Table;
import dbshift.core.run.MigrationOptions;
import dbshift.core.run.MigrationRun;

/**
 * Keeps the target in step with a source that is still being written to. The source's change log says which keys
 * changed; each batch re-reads those rows from the source (the same exact read the copy uses), replaces them on
 * the target, and moves the applied position in the same target transaction. Replaying a change twice leaves the
 * same row, so starting from a position before the copy began converges on the source's state.
 */
public final class Synchronizer {
    private static final int MAX_KEYS_PER_BATCH = 2_000;
    private static final int KEYS_PER_STATEMENT = 500;
    private static final long FLUSH_MILLIS = 200;

    private final Endpoint source;
    private final Endpoint target;
    private final List<TableMapping> tables;
    private final MigrationOptions options;
    private final MigrationRun run;
    /** The state row this run reads and moves; the legacy (URL-only) row of an older DBShift when that is what exists. */
    private String sourceKey;
    private long reconnectMillis = 300_000;
    /** Verify the copy's slices round and round while following the source (0: do not). */
    private long verifySettleMillis;
    private LiveVerifier live;

    public Synchronizer(Endpoint source, Endpoint target, List<TableMapping> tables, MigrationOptions options, MigrationRun run) {
        this.source = source;
        this.target = target;
        this.tables = tables;
        this.options = options;
        this.run = run;
        this.sourceKey = sourceKey(source, tables);
    }

    /**
     * How long a lost source or target may stay unreachable before sync gives up (0: give up at once). Meanwhile it
     * reconnects with back-off and resumes from the applied position the target keeps.
     */
    public Synchronizer reconnectWithin(long millis) {
        this.reconnectMillis = Math.max(0, millis);
        return this;
    }

    /**
     * While following the source, walks every table's slices on separate connections and compares them with the
     * source; a slice that still differs after {@code settleMillis} on three checks is reported as drift.
     */
    public Synchronizer verifyWhileSyncing(long settleMillis) {
        this.verifySettleMillis = Math.max(0, settleMillis);
        return this;
    }

    /** The identity under which a source's replication state is kept on the target. */
    public static String sourceKey(Endpoint source, List<TableMapping> tables) {
        // a renamed database is part of the key: one source may go to shop_v2 and shop_v3 of one target server
        String scope = String.join(",", new java.util.TreeSet<>(tables.stream().map(t -> String.valueOf(t.source().name().schema())
                + (java.util.Objects.equals(t.source().name().schema(), t.target().name().schema()) ? ""
                        : "=" + t.target().name().schema())).toList()));
        String key = source.spec().displayUrl() + "#" + scope;
        if (key.length() <= 600) {
            return key;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(scope.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return source.spec().displayUrl() + "#sha256:" + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This scope's saved state; an older DBShift's URL-only row where that is all there is; else a message naming what is. */
    private SyncState.Saved loadState(SyncState state, Connection tgt) throws SQLException {
        java.util.Optional<SyncState.Saved> saved = state.load(tgt, sourceKey);
        if (saved.isEmpty()) {
            String legacy = source.spec().displayUrl();
            saved = state.load(tgt, legacy);
            if (saved.isPresent()) {
                sourceKey = legacy;
            }
        }
        if (saved.isPresent()) {
            return saved.get();
        }
        List<String> recorded = state.keys(tgt, source.spec().displayUrl() + "#");
        throw new SQLException("no replication start recorded on the target for " + sourceKey + (recorded.isEmpty()
                ? ": run 'copy' (or 'migrate') first; it records where the source's change log was when the copy began"
                : ": copies of this source were recorded for other database sets (" + String.join("; ", recorded)
                        + "); run sync with the same --databases as the copy, or copy this set first"));
    }

    /** What the sessions of one run added up to; a lost connection ends a session, not the run. */
    private static final class Totals {
        long changes;
        SourcePosition start;
        SourcePosition applied;
        SourcePosition sourceHead;
        long lastSourceTime;
        /** The largest lag seen at any check: seconds of source time not yet applied. */
        double maxLag;
        int pendingKeys;
        /** A session got as far as following the log: the outage, if any, is over. */
        boolean connected;
    }

    private record Tracked(TableMapping mapping, List<TransferColumn> sourceColumns, List<String> keys, List<ValueKind> sourceKinds,
            List<ValueKind> targetKinds) {
    }

    /**
     * Applies changes until the applied position reaches {@code until} (when given), the time runs out
     * ({@code maxMillis} &gt; 0), or the run is cancelled.
     */
    public SyncResult run(SourcePosition until, long maxMillis) throws SQLException {
        ChangeCapture capture = source.dialect().changeCapture().orElseThrow(() -> new SQLException(
                source.dialect().displayName() + " sources have no change capture in DBShift yet"));
        RowReader reader = source.dialect().rowReader();
        BulkLoader loader = target.dialect().bulkLoader();
        SyncState state = new SyncState(target.dialect());
        List<String> warnings = new ArrayList<>();
        Map<QualifiedName, Tracked> tracked = new LinkedHashMap<>();
        for (TableMapping m : tables) {
            List<String> keys = reader.keyColumns(m.source());
            if (keys.isEmpty()) {
                warnings.add("table " + m.source().name() + " has no primary key: its changes cannot be replicated; copy it "
                        + "again (copy --truncate) at cutover");
                continue;
            }
            List<TransferColumn> columns = reader.transferColumns(m.source(), m.target());
            List<TransferColumn> targetColumns = target.dialect().rowReader().transferColumns(m.target());
            tracked.put(m.source().name(), new Tracked(m, columns, keys, kinds(columns, keys), kinds(targetColumns, keys)));
        }
        long started = System.currentTimeMillis();
        LiveVerifier live = verifySettleMillis > 0 ? new LiveVerifier(source, target, tables, verifySettleMillis, run.progress()) : null;
        this.live = live;
        if (live != null) {
            live.start();
        }
        SyncResult r;
        try {
            r = follow(capture, reader, loader, state, tracked, warnings, until, maxMillis, started);
        } catch (SQLException | RuntimeException e) {
            if (live != null) {
                live.stop();
            }
            throw e;
        }
        if (live == null) {
            return r;
        }
        return r.withWarnings(live.stop());
    }

    private SyncResult follow(ChangeCapture capture, RowReader reader, BulkLoader loader, SyncState state,
            Map<QualifiedName, Tracked> tracked, List<String> warnings, SourcePosition until, long maxMillis, long started)
            throws SQLException {
        Totals totals = new Totals();
        long outageSince = 0;
        int attempt = 0;
        while (true) {
            totals.connected = false;
            try {
                session(capture, reader, loader, state, tracked, warnings, totals, until, maxMillis, started);
                run.progress().note(null);
                boolean caughtUp = totals.pendingKeys == 0 && totals.applied.compareTo(totals.sourceHead) >= 0;
                double lag = caughtUp || totals.lastSourceTime == 0 ? 0
                        : Math.max(0, (System.currentTimeMillis() - totals.lastSourceTime) / 1000.0);
                return new SyncResult(totals.start, totals.applied, totals.sourceHead, totals.changes, lag, caughtUp, warnings,
                        Math.max(lag, totals.maxLag));
            } catch (SQLException | RuntimeException e) {
                if (!isConnectionLoss(e) || run.progress().isCancelled()) {
                    throw e;
                }
                long now = System.currentTimeMillis();
                if (totals.connected) {
                    outageSince = 0;
                    attempt = 0;
                }
                outageSince = outageSince == 0 ? now : outageSince;
                String applied = totals.applied == null ? "the recorded start" : totals.applied.toString();
                if (now - outageSince >= reconnectMillis) {
                    run.progress().note(null);
                    throw new SQLException("the connection was lost and could not be made again within "
                            + reconnectMillis / 1000 + " s (" + e.getMessage() + "); every change up to " + applied
                            + " is applied and recorded on the target: run sync again once the servers are reachable, it "
                            + "resumes there", e);
                }
                attempt++;
                long wait = Math.min(30_000, 1000L << Math.min(attempt - 1, 5));
                run.progress().note(String.format(java.util.Locale.ROOT,
                        "connection lost (%s); reconnecting in %d s, attempt %d, giving up after %d s", shortCause(e),
                        wait / 1000, attempt, reconnectMillis / 1000));
                if (!warnings.contains("the connection was lost and made again during the sync")) {
                    warnings.add("the connection was lost and made again during the sync");
                }
                sleepUnlessCancelled(wait);
                if (run.progress().isCancelled()) {
                    throw new SQLException("sync stopped while reconnecting; every change up to " + applied
                            + " is applied and recorded on the target", e);
                }
            }
        }
    }

    /** One connected stretch: follows the log from the applied position the target keeps, until done or a failure. */
    private void session(ChangeCapture capture, RowReader reader, BulkLoader loader, SyncState state,
            Map<QualifiedName, Tracked> tracked, List<String> warnings, Totals totals, SourcePosition until, long maxMillis,
            long started) throws SQLException {
        try (Connection src = source.open(); Connection head = source.open(); Connection tgt = target.open()) {
            reader.prepareSession(src);
            src.setAutoCommit(false); // the locking reads of a batch hold their locks until the batch is applied
            loader.prepareSession(tgt, options);
            state.ensureTable(tgt);
            SyncState.Saved saved = loadState(state, tgt);
            tgt.setAutoCommit(false);
            if (totals.start == null) {
                run.progress().start("sync", 0);
            }
            totals.start = saved.start();
            SourcePosition applied = saved.applied();
            totals.applied = applied;
            SourcePosition sourceHead = capture.position(head);
            totals.sourceHead = sourceHead;
            long lastHeadCheck = System.currentTimeMillis();
            Map<QualifiedName, Set<List<String>>> pending = new LinkedHashMap<>();
            int pendingKeys = 0;
            totals.pendingKeys = 0;
            ChangeEvent.Commit lastCommit = null;
            long lastFlush = System.currentTimeMillis();
            List<Table> sourceTables = tracked.values().stream().map(t -> t.mapping.source()).toList();
            try (ChangeStream stream = capture.open(source, applied, sourceTables)) {
                while (!run.progress().isCancelled()) {
                    ChangeEvent event;
                    try {
                        event = stream.poll(100, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                    if (!totals.connected) {
                        totals.connected = true; // the log answers again: an outage, if there was one, is over
                        run.progress().note(null);
                    }
                    if (event instanceof ChangeEvent.KeyChange k) {
                        if (pending.computeIfAbsent(k.table(), x -> new LinkedHashSet<>()).add(k.key())) {
                            pendingKeys++;
                        }
                    } else if (event instanceof ChangeEvent.Commit commit) {
                        lastCommit = commit;
                        totals.lastSourceTime = commit.sourceEpochMillis();
                    } else if (event instanceof ChangeEvent.Warning w && !warnings.contains(w.message())) {
                        warnings.add(w.message());
                    }
                    long now = System.currentTimeMillis();
                    boolean due = pendingKeys >= MAX_KEYS_PER_BATCH || now - lastFlush >= FLUSH_MILLIS || event == null;
                    if (lastCommit != null && due && (pendingKeys > 0 || !lastCommit.position().equals(applied))) {
                        totals.changes += flushWithRetry(src, tgt, tracked, pending, reader, loader);
                        if (live != null) {
                            pending.keySet().forEach(live::applied);
                        }
                        state.applied(tgt, sourceKey, lastCommit.position(), pendingKeys);
                        tgt.commit();
                        src.commit();
                        run.progress().add(pendingKeys);
                        applied = lastCommit.position();
                        totals.applied = applied;
                        pending.clear();
                        pendingKeys = 0;
                        lastFlush = now;
                    }
                    if (now - lastHeadCheck >= 1000 || event == null) {
                        sourceHead = capture.position(head);
                        totals.sourceHead = sourceHead;
                        lastHeadCheck = now;
                        if (applied.compareTo(sourceHead) < 0 && totals.lastSourceTime > 0) {
                            totals.maxLag = Math.max(totals.maxLag, (now - totals.lastSourceTime) / 1000.0);
                        }
                    }
                    if (until != null && applied.compareTo(until) >= 0 && pendingKeys == 0) {
                        break;
                    }
                    if (maxMillis > 0 && now - started >= maxMillis) {
                        break;
                    }
                }
            }
            totals.pendingKeys = pendingKeys;
        }
    }

    /**
     * A server that went away (restarted, network down), as opposed to a refused statement: the same session cannot
     * go on, a new one may.
     */
    static boolean isConnectionLoss(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLRecoverableException || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.sql.SQLTransientConnectionException || t instanceof java.io.IOException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return true;
            }
            String m = t.getMessage() == null ? "" : t.getMessage();
            Throwable cause = t;
            if (m.contains("Connection is closed") || m.contains("Socket closed")
                    || dbshift.core.engine.Dialects.all().stream().anyMatch(d -> d.isConnectionLoss(cause))) {
                return true;
            }
        }
        return false;
    }

    private static String shortCause(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int line = m.indexOf('\n');
        m = line < 0 ? m : m.substring(0, line);
        return m.length() > 120 ? m.substring(0, 117) + "..." : m;
    }

    private void sleepUnlessCancelled(long millis) {
        long end = System.currentTimeMillis() + millis;
        while (!run.progress().isCancelled() && System.currentTimeMillis() < end) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, end - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }


    /** A batch that deadlocked with the source's writers is rolled back on both sides and applied again. */
    private long flushWithRetry(Connection src, Connection tgt, Map<QualifiedName, Tracked> tracked,
            Map<QualifiedName, Set<List<String>>> pending, RowReader reader, BulkLoader loader) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try {
                return flush(src, tgt, tracked, pending, reader, loader);
            } catch (SQLException e) {
                tgt.rollback();
                src.rollback();
                if (attempt >= 5 || !dbshift.core.data.CopyEngine.isTransient(e)) {
                    throw e;
                }
            }
        }
    }

    /** Replaces the pending keys' rows on the target with the source's current rows; returns the keys applied. */
    private long flush(Connection src, Connection tgt, Map<QualifiedName, Tracked> tracked, Map<QualifiedName, Set<List<String>>> pending,
            RowReader reader, BulkLoader loader) throws SQLException {
        long applied = 0;
        for (Map.Entry<QualifiedName, Set<List<String>>> e : pending.entrySet()) {
            Tracked t = tracked.get(e.getKey());
            if (t == null) {
                continue;
            }
            List<List<String>> keys = new ArrayList<>(e.getValue());
            for (int from = 0; from < keys.size(); from += KEYS_PER_STATEMENT) {
                List<List<String>> batch = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_STATEMENT));
                KeyPredicate where = KeyPredicate.anyOf(target.dialect().quoting(), t.keys, t.targetKinds, batch);
                try (PreparedStatement ps = tgt.prepareStatement("DELETE FROM " + target.dialect().quoting().quote(t.mapping.target().name())
                        + where.sql())) {
                    where.bind(ps, 1);
                    ps.executeUpdate();
                }
                try (RowStream rows = reader.openKeys(src, t.mapping.source(), t.sourceColumns, batch)) {
                    loader.load(tgt, t.mapping.target(), t.sourceColumns, rows, options, () -> false);
                }
                applied += batch.size();
            }
        }
        return applied;
    }

    private static List<ValueKind> kinds(List<TransferColumn> columns, List<String> keys) {
        return keys.stream().map(k -> columns.stream().filter(c -> c.name().equalsIgnoreCase(k)).findFirst()
                .map(TransferColumn::kind).orElse(ValueKind.TEXT)).toList();
    }
}
