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
    private final String sourceKey;

    public Synchronizer(Endpoint source, Endpoint target, List<TableMapping> tables, MigrationOptions options, MigrationRun run) {
        this.source = source;
        this.target = target;
        this.tables = tables;
        this.options = options;
        this.run = run;
        this.sourceKey = sourceKey(source);
    }

    /** The identity under which a source's replication state is kept on the target. */
    public static String sourceKey(Endpoint source) {
        return source.spec().displayUrl();
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
        try (Connection src = source.open(); Connection head = source.open(); Connection tgt = target.open()) {
            reader.prepareSession(src);
            src.setAutoCommit(false); // the locking reads of a batch hold their locks until the batch is applied
            loader.prepareSession(tgt, options);
            state.ensureTable(tgt);
            SyncState.Saved saved = state.load(tgt, sourceKey).orElseThrow(() -> new SQLException("no replication start "
                    + "recorded on the target for " + sourceKey + ": run 'copy' (or 'migrate') first; it records where the "
                    + "source's change log was when the copy began"));
            tgt.setAutoCommit(false);
            run.progress().start("sync", 0);
            SourcePosition applied = saved.applied();
            SourcePosition sourceHead = capture.position(head);
            long lastHeadCheck = System.currentTimeMillis();
            long changes = 0;
            long lastSourceTime = 0;
            Map<QualifiedName, Set<List<String>>> pending = new LinkedHashMap<>();
            int pendingKeys = 0;
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
                    if (event instanceof ChangeEvent.KeyChange k) {
                        if (pending.computeIfAbsent(k.table(), x -> new LinkedHashSet<>()).add(k.key())) {
                            pendingKeys++;
                        }
                    } else if (event instanceof ChangeEvent.Commit commit) {
                        lastCommit = commit;
                        lastSourceTime = commit.sourceEpochMillis();
                    } else if (event instanceof ChangeEvent.Warning w && !warnings.contains(w.message())) {
                        warnings.add(w.message());
                    }
                    long now = System.currentTimeMillis();
                    boolean due = pendingKeys >= MAX_KEYS_PER_BATCH || now - lastFlush >= FLUSH_MILLIS || event == null;
                    if (lastCommit != null && due && (pendingKeys > 0 || !lastCommit.position().equals(applied))) {
                        changes += flushWithRetry(src, tgt, tracked, pending, reader, loader);
                        state.applied(tgt, sourceKey, lastCommit.position(), pendingKeys);
                        tgt.commit();
                        src.commit();
                        run.progress().add(pendingKeys);
                        applied = lastCommit.position();
                        pending.clear();
                        pendingKeys = 0;
                        lastFlush = now;
                    }
                    if (now - lastHeadCheck >= 1000 || event == null) {
                        sourceHead = capture.position(head);
                        lastHeadCheck = now;
                    }
                    if (until != null && applied.compareTo(until) >= 0 && pendingKeys == 0) {
                        break;
                    }
                    if (maxMillis > 0 && now - started >= maxMillis) {
                        break;
                    }
                }
            }
            boolean caughtUp = pendingKeys == 0 && applied.compareTo(sourceHead) >= 0;
            double lag = caughtUp || lastSourceTime == 0 ? 0 : Math.max(0, (System.currentTimeMillis() - lastSourceTime) / 1000.0);
            return new SyncResult(saved.start(), applied, sourceHead, changes, lag, caughtUp, warnings);
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
