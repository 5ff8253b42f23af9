package dbshift.sqlserver;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

import dbshift.core.engine.Endpoint;
import dbshift.core.engine.Jdbc;
import dbshift.core.engine.SqlResources;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.Table;
import dbshift.core.sync.ChangeCapture;
import dbshift.core.sync.ChangeEvent;
import dbshift.core.sync.ChangeStream;
import dbshift.core.sync.SourcePosition;

/**
 * Change capture through SQL Server's change tracking (SQL Server 2008+, Azure SQL Database, Managed Instance):
 * {@code CHANGETABLE(CHANGES t, v)} names the keys of the rows changed after version {@code v}, which is all the
 * synchronizer needs, since it reads the rows themselves. Unlike CDC it needs no SQL Server Agent, so it works
 * on Azure SQL Database too. Positions are {@code ct:<version>}.
 */
public final class SqlServerChangeCapture implements ChangeCapture {
    static final String PREFIX = "ct:";
    private static final long POLL_MILLIS = 500;

    @Override
    public SourcePosition position(Connection c) throws SQLException {
        return new SourcePosition(PREFIX + state(c).version);
    }

    private record State(long version, String database, boolean snapshot) {
    }

    private static State state(Connection c) throws SQLException {
        List<Object[]> rows = Jdbc.queryPlain(c, SqlResources.load(SqlServerChangeCapture.class, "change-tracking-version"),
                rs -> new Object[] { Jdbc.longOrNull(rs, "current_version"), rs.getString("database_name"), rs.getInt("snapshot_state") });
        Object[] row = rows.isEmpty() ? new Object[] { null, "?", 0 } : rows.get(0);
        if (row[0] == null) {
            String db = (String) row[1];
            throw new SQLException("change tracking is off for database " + SqlServerQuoting.INSTANCE.quote(db) + ": DBShift "
                    + "follows changes through it. ALTER DATABASE " + SqlServerQuoting.INSTANCE.quote(db) + " SET CHANGE_TRACKING = ON "
                    + "(CHANGE_RETENTION = 2 DAYS, AUTO_CLEANUP = ON), then ALTER TABLE <table> ENABLE CHANGE_TRACKING for each table, "
                    + "before the copy starts");
        }
        return new State((Long) row[0], (String) row[1], ((Integer) row[2]) == 1);
    }

    static long version(SourcePosition position) throws SQLException {
        if (!position.text().startsWith(PREFIX)) {
            throw new SQLException("not a change tracking position: " + position + " (it was recorded for another kind of source)");
        }
        try {
            return Long.parseLong(position.text().substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            throw new SQLException("not a change tracking position: " + position, e);
        }
    }

    /** {@code SELECT CT.[k1], … FROM CHANGETABLE(CHANGES [s].[t], ?) AS CT WHERE CT.SYS_CHANGE_VERSION <= ?}. */
    public static String changesQuery(Table table, List<String> keys) {
        SqlServerQuoting q = SqlServerQuoting.INSTANCE;
        return "SELECT " + String.join(", ", keys.stream().map(k -> "CT." + q.quote(k)).toList()) + " FROM CHANGETABLE(CHANGES "
                + q.quote(table.name()) + ", ?) AS CT WHERE CT.SYS_CHANGE_VERSION <= ?";
    }

    @Override
    public ChangeStream open(Endpoint source, SourcePosition from, List<Table> tables) throws SQLException {
        long start = version(from);
        Connection c = source.open();
        try {
            return new Stream(c, start, tables);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Polls the change table twice a second; each poll reads the changes up to the then-current version. */
    private static final class Stream implements ChangeStream {
        private final Connection connection;
        private final List<Table> tables = new ArrayList<>();
        private final Map<QualifiedName, List<String>> keys = new HashMap<>();
        private final Map<QualifiedName, List<Boolean>> binaryKey = new HashMap<>();
        private final Queue<ChangeEvent> ready = new ArrayDeque<>();
        private final boolean snapshot;
        private long version;
        private long lastPoll;

        Stream(Connection connection, long from, List<Table> tracked) throws SQLException {
            this.connection = connection;
            this.version = from;
            State state = state(connection);
            this.snapshot = state.snapshot;
            Map<QualifiedName, Long> minValid = new HashMap<>();
            Jdbc.queryPlain(connection, SqlResources.load(SqlServerChangeCapture.class, "change-tracking-tables"), rs -> {
                minValid.put(new QualifiedName(rs.getString("schema_name"), rs.getString("table_name")),
                        Jdbc.longOrNull(rs, "min_valid_version"));
                return null;
            });
            SqlServerRowReader reader = new SqlServerRowReader();
            for (Table t : tracked) {
                if (!minValid.containsKey(t.name())) {
                    ready.add(new ChangeEvent.Warning("table " + SqlServerQuoting.INSTANCE.quote(t.name()) + " is not change-tracked, so "
                            + "its changes cannot be followed: ALTER TABLE " + SqlServerQuoting.INSTANCE.quote(t.name())
                            + " ENABLE CHANGE_TRACKING before the copy, or copy it again at cutover"));
                    continue;
                }
                Long min = minValid.get(t.name());
                if (min != null && min > from) {
                    throw new SQLException("the changes of " + SqlServerQuoting.INSTANCE.quote(t.name()) + " since version " + from
                            + " were cleaned up by change tracking (it keeps them from version " + min + " on): the sync cannot "
                            + "be complete. Copy again (copy --truncate) and sync sooner, or raise CHANGE_RETENTION");
                }
                List<String> k = reader.keyColumns(t);
                tables.add(t);
                keys.put(t.name(), k);
                // binary keys travel as hex, as the copy's slice bounds do
                binaryKey.put(t.name(), k.stream().map(col -> SqlServerTypes.isBinary(SqlServerTypes.storedType(t,
                        t.column(col).orElseThrow()))).toList());
            }
            if (!snapshot) {
                ready.add(new ChangeEvent.Warning("snapshot isolation is off for database " + SqlServerQuoting.INSTANCE.quote(
                        state.database) + ": change tracking is read at READ COMMITTED; Microsoft advises ALTER DATABASE … SET "
                        + "ALLOW_SNAPSHOT_ISOLATION ON for consistent change reads"));
            }
        }

        @Override
        public ChangeEvent poll(long timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.currentTimeMillis() + unit.toMillis(timeout);
            while (ready.isEmpty()) {
                long wait = lastPoll + POLL_MILLIS - System.currentTimeMillis();
                if (wait > 0) {
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0) {
                        return null;
                    }
                    Thread.sleep(Math.min(wait, left));
                    continue;
                }
                lastPoll = System.currentTimeMillis();
                try {
                    readChanges();
                } catch (SQLException e) {
                    throw new IllegalStateException("reading the source's change tracking failed: " + e.getMessage(), e);
                }
                if (ready.isEmpty() && System.currentTimeMillis() >= deadline) {
                    return null;
                }
            }
            return ready.poll();
        }

        /**
         * One consistent read: the current version, then every tracked table's keys changed after the applied
         * version up to it, then a commit at it. In snapshot isolation all of it sees one state of the database.
         */
        private void readChanges() throws SQLException {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                if (snapshot) {
                    Jdbc.execute(connection, "SET TRANSACTION ISOLATION LEVEL SNAPSHOT");
                }
                long current = state(connection).version;
                if (current <= version) {
                    connection.commit();
                    return;
                }
                List<ChangeEvent> changes = new ArrayList<>();
                for (Table t : tables) {
                    try (PreparedStatement ps = connection.prepareStatement(changesQuery(t, keys.get(t.name())))) {
                        ps.setLong(1, version);
                        ps.setLong(2, current);
                        try (ResultSet rs = ps.executeQuery()) {
                            int n = keys.get(t.name()).size();
                            List<Boolean> binary = binaryKey.get(t.name());
                            while (rs.next()) {
                                List<String> key = new ArrayList<>(n);
                                for (int i = 1; i <= n; i++) {
                                    key.add(binary.get(i - 1) ? HexFormat.of().formatHex(rs.getBytes(i)) : rs.getString(i));
                                }
                                changes.add(new ChangeEvent.KeyChange(t.name(), key));
                            }
                        }
                    }
                }
                connection.commit();
                ready.addAll(changes);
                // change tracking keeps commit times only in sys.dm_tran_commit_table (VIEW DATABASE STATE); the time
                // the change was read stands in for the lag
                ready.add(new ChangeEvent.Commit(new SourcePosition(PREFIX + current), System.currentTimeMillis()));
                version = current;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                if (snapshot) {
                    Jdbc.execute(connection, "SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
                }
                connection.setAutoCommit(autoCommit);
            }
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing a connection that broke: nothing left to release
            }
        }
    }
}
