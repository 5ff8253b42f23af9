package dbshift.core.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dbshift.core.engine.Dialect;
import dbshift.core.engine.Jdbc;
import dbshift.core.model.Column;
import dbshift.core.model.DataType;
import dbshift.core.model.IndexColumn;
import dbshift.core.model.PrimaryKey;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.Table;

/**
 * The outcome of the last full verification of each migrated scope, kept on the target beside the copy's
 * checkpoints, so that a cutover can ask whether the data was last found equal (or repaired) and when.
 */
public final class VerificationState {
    private static final QualifiedName TABLE = new QualifiedName(CopyState.SCHEMA, "verify_state");
    private final Dialect dialect;

    public VerificationState(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The last verification: when it finished, how many tables it compared and how many differed or failed. */
    public record Last(Instant finished, int tables, int differing, List<String> differingTables) {
        public boolean clean() {
            return differing == 0 && tables > 0;
        }
    }

    private void ensureTable(Connection c) throws SQLException {
        Table t = new Table(TABLE, List.of(text("scope_key", 700, false), text("finished_at", 40, false),
                Column.builder("table_count", DataType.of("int")).nullable(false).build(),
                Column.builder("differing", DataType.of("int")).nullable(false).build(), text("differing_tables", 8000, true)),
                new PrimaryKey(null, List.of(IndexColumn.of("scope_key")), true), null, null, null, null, null);
        CopyState.ensure(c, dialect, List.of(t));
    }

    private static Column text(String name, int length, boolean nullable) {
        return Column.builder(name, DataType.withLength("varchar", length)).nullable(nullable).build();
    }

    public void record(Connection c, String scopeKey, int tables, List<String> differingTables) throws SQLException {
        int differing = differingTables.size();
        String names = String.join("\n", differingTables);
        ensureTable(c);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + q() + " WHERE scope_key = ?")) {
            ps.setString(1, scopeKey);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + q()
                + " (scope_key, finished_at, table_count, differing, differing_tables) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, scopeKey);
            ps.setString(2, Instant.now().toString());
            ps.setInt(3, tables);
            ps.setInt(4, differing);
            ps.setString(5, names.length() > 8000 ? null : names);
            ps.executeUpdate();
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    public Optional<Last> last(Connection c, String scopeKey) throws SQLException {
        ensureTable(c);
        return Jdbc.query(c, "SELECT finished_at, table_count, differing, differing_tables FROM " + q() + " WHERE scope_key = ?",
                rs -> new Last(Instant.parse(rs.getString(1)), rs.getInt(2), rs.getInt(3), rs.getString(4) == null ? List.of()
                        : List.of(rs.getString(4).split("\n"))), scopeKey).stream().findFirst();
    }

    private String q() {
        return dialect.quoting().quote(TABLE);
    }
}
