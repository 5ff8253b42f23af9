package dbshift.core.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dbshift.core.data.CopyState;
import dbshift.core.engine.Dialect;
import dbshift.core.engine.Jdbc;
import dbshift.core.model.DataType;
import dbshift.core.model.IndexColumn;
import dbshift.core.model.PrimaryKey;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.Table;

/**
 * Where replication stands, kept on the target beside the copy's checkpoints: the source log position the copy
 * started at, and the position up to which changes are applied (written in the same transaction as the changes,
 * so a restarted sync neither skips nor loses a change).
 */
public final class SyncState {
    private static final QualifiedName TABLE = new QualifiedName(CopyState.SCHEMA, "sync_state");
    private final Dialect dialect;

    public SyncState(Dialect dialect) {
        this.dialect = dialect;
    }

    public record Saved(SourcePosition start, SourcePosition applied, long appliedChanges) {
    }

    public void ensureTable(Connection c) throws SQLException {
        Table t = new Table(TABLE, List.of(col("source_key", 600, false), col("start_position", 1000, false),
                col("applied_position", 1000, false), counter("applied_changes"), col("updated_at", 40, true)),
                new PrimaryKey(null, List.of(IndexColumn.of("source_key")), true), null, null, null, null, null);
        CopyState.ensure(c, dialect, List.of(t));
    }

    private static dbshift.core.model.Column col(String name, int length, boolean nullable) {
        return dbshift.core.model.Column.builder(name, DataType.withLength("varchar", length)).nullable(nullable).build();
    }

    private static dbshift.core.model.Column counter(String name) {
        return dbshift.core.model.Column.builder(name, DataType.of("bigint")).nullable(false).build();
    }

    public Optional<Saved> load(Connection c, String sourceKey) throws SQLException {
        return Jdbc.query(c, "SELECT start_position, applied_position, applied_changes FROM " + q() + " WHERE source_key = ?",
                rs -> new Saved(new SourcePosition(rs.getString(1)), new SourcePosition(rs.getString(2)), rs.getLong(3)), sourceKey)
                .stream().findFirst();
    }

    /** The keys recorded whose text starts with {@code prefix} (the scopes copied from one source). */
    public List<String> keys(Connection c, String prefix) throws SQLException {
        return Jdbc.query(c, "SELECT source_key FROM " + q() + " ORDER BY source_key", rs -> rs.getString(1)).stream()
                .filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length())).toList();
    }

    /** Records where the source's log was when a copy began, unless a copy of this source already recorded it. */
    public void recordStart(Connection c, String sourceKey, SourcePosition position) throws SQLException {
        if (load(c, sourceKey).isPresent()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + q()
                + " (source_key, start_position, applied_position, applied_changes, updated_at) VALUES (?, ?, ?, 0, ?)")) {
            ps.setString(1, sourceKey);
            ps.setString(2, position.text());
            ps.setString(3, position.text());
            ps.setString(4, Instant.now().toString());
            ps.executeUpdate();
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    /** Forgets a source's replication (a fresh copy starts over). */
    public void forget(Connection c, String sourceKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + q() + " WHERE source_key = ?")) {
            ps.setString(1, sourceKey);
            ps.executeUpdate();
        }
    }

    /** Moves the applied position inside the caller's transaction, so that it commits with the changes. */
    public void applied(Connection c, String sourceKey, SourcePosition position, long changes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + q()
                + " SET applied_position = ?, applied_changes = applied_changes + ?, updated_at = ? WHERE source_key = ?")) {
            ps.setString(1, position.text());
            ps.setLong(2, changes);
            ps.setString(3, Instant.now().toString());
            ps.setString(4, sourceKey);
            ps.executeUpdate();
        }
    }

    private String q() {
        return dialect.quoting().quote(TABLE);
    }
}
