package dbshift.core.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dbshift.core.engine.Dialect;
import dbshift.core.engine.Jdbc;
import dbshift.core.model.Column;
import dbshift.core.model.DataType;
import dbshift.core.model.IndexColumn;
import dbshift.core.model.PrimaryKey;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.Schema;
import dbshift.core.model.Table;

/**
 * The copy's checkpoints, kept on the target in the schema {@code _dbshift}: each table's slice plan, and one row
 * per committed slice, written in the same transaction as the slice's data. A copy that dies mid-way therefore
 * resumes at the last committed slice with no row lost or doubled, and the plan is the one the first run made even
 * if the source changed since.
 */
public final class CopyState {
    public static final String SCHEMA = "_dbshift";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final QualifiedName TABLES = new QualifiedName(SCHEMA, "copy_table");
    private static final QualifiedName SLICES = new QualifiedName(SCHEMA, "copy_slice");

    private final Dialect dialect;

    public CopyState(Dialect dialect) {
        this.dialect = dialect;
    }

    /** A table's saved plan: its slices' upper bounds, whether every slice is in, and the rows it had. */
    public record SavedPlan(List<List<String>> bounds, boolean done, long rows) {
    }

    public void ensureTables(Connection c) throws SQLException {
        Table tables = new Table(TABLES, List.of(col("table_key", DataType.withLength("varchar", 600), false),
                col("bounds", DataType.withLength("varchar", 8000), true), col("state", DataType.withLength("varchar", 16), false),
                col("row_count", DataType.of("bigint"), true), col("updated_at", DataType.withLength("varchar", 40), true)),
                new PrimaryKey(null, List.of(IndexColumn.of("table_key")), true), null, null, null, null, null);
        Table slices = new Table(SLICES, List.of(col("table_key", DataType.withLength("varchar", 600), false),
                col("slice_no", DataType.of("int"), false), col("row_count", DataType.of("bigint"), false),
                col("copied_at", DataType.withLength("varchar", 40), true)),
                new PrimaryKey(null, List.of(IndexColumn.of("table_key"), IndexColumn.of("slice_no")), true), null, null, null,
                null, null);
        ensure(c, dialect, List.of(tables, slices));
    }

    /**
     * Creates DBShift's own tables in {@link #SCHEMA} on the target where they are missing, through the
     * dialect's DDL writer (so they are right for every target engine).
     */
    public static void ensure(Connection c, Dialect dialect, List<Table> tables) throws SQLException {
        boolean schemaTried = false;
        for (Table t : tables) {
            try {
                Jdbc.scalar(c, "SELECT COUNT(*) FROM " + dialect.quoting().quote(t.name()) + " WHERE 1 = 0");
                continue;
            } catch (SQLException e) {
                rollbackQuietly(c);
            }
            if (!schemaTried) {
                schemaTried = true;
                for (String sql : dialect.ddlWriter().createSchema(Schema.empty(SCHEMA, "utf8mb4", "utf8mb4_bin"))) {
                    try {
                        Jdbc.execute(c, sql);
                    } catch (SQLException e) {
                        rollbackQuietly(c); // the schema may exist without this table
                    }
                }
            }
            for (String sql : dialect.ddlWriter().createTable(t, true, false)) {
                Jdbc.execute(c, sql);
            }
        }
        commitIfManual(c);
    }

    static Column col(String name, DataType type, boolean nullable) {
        return Column.builder(name, type).nullable(nullable).build();
    }

    public Optional<SavedPlan> plan(Connection c, String tableKey) throws SQLException {
        List<SavedPlan> plans = Jdbc.query(c, "SELECT bounds, state, row_count FROM " + q(TABLES) + " WHERE table_key = ?",
                rs -> new SavedPlan(parse(rs.getString(1)), "done".equals(rs.getString(2)), rs.getLong(3)), tableKey);
        return plans.stream().findFirst();
    }

    public Set<Integer> doneSlices(Connection c, String tableKey) throws SQLException {
        return new HashSet<>(Jdbc.query(c, "SELECT slice_no FROM " + q(SLICES) + " WHERE table_key = ?", rs -> rs.getInt(1),
                tableKey));
    }

    public long copiedRows(Connection c, String tableKey) throws SQLException {
        String v = Jdbc.scalar(c, "SELECT SUM(row_count) FROM " + q(SLICES) + " WHERE table_key = ?", tableKey);
        return v == null ? 0 : Long.parseLong(v);
    }

    /** Starts a table afresh: forgets any earlier plan and its slices, saves the new plan. Commits. */
    public void savePlan(Connection c, String tableKey, List<List<String>> bounds) throws SQLException {
        clear(c, tableKey);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + q(TABLES)
                + " (table_key, bounds, state, row_count, updated_at) VALUES (?, ?, 'copying', 0, ?)")) {
            ps.setString(1, tableKey);
            ps.setString(2, write(bounds));
            ps.setString(3, Instant.now().toString());
            ps.executeUpdate();
        }
        commitIfManual(c);
    }

    public void clear(Connection c, String tableKey) throws SQLException {
        for (QualifiedName t : List.of(SLICES, TABLES)) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + q(t) + " WHERE table_key = ?")) {
                ps.setString(1, tableKey);
                ps.executeUpdate();
            }
        }
    }

    /** Records a slice inside the caller's transaction, so that it commits with the slice's rows. */
    public void sliceDone(Connection c, String tableKey, int sliceNo, long rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + q(SLICES)
                + " (table_key, slice_no, row_count, copied_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, tableKey);
            ps.setInt(2, sliceNo);
            ps.setLong(3, rows);
            ps.setString(4, Instant.now().toString());
            ps.executeUpdate();
        }
    }

    /** Forgets one committed slice inside the caller's transaction (it is being copied again). */
    public void forgetSlice(Connection c, String tableKey, int sliceNo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + q(SLICES) + " WHERE table_key = ? AND slice_no = ?")) {
            ps.setString(1, tableKey);
            ps.setInt(2, sliceNo);
            ps.executeUpdate();
        }
    }

    public void tableDone(Connection c, String tableKey, long rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + q(TABLES)
                + " SET state = 'done', row_count = ?, updated_at = ? WHERE table_key = ?")) {
            ps.setLong(1, rows);
            ps.setString(2, Instant.now().toString());
            ps.setString(3, tableKey);
            ps.executeUpdate();
        }
        commitIfManual(c);
    }

    private String q(QualifiedName name) {
        return dialect.quoting().quote(name);
    }

    private static void commitIfManual(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException e) {
            // nothing to undo
        }
    }

    private static String write(List<List<String>> bounds) throws SQLException {
        try {
            return JSON.writeValueAsString(bounds);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot store the slice plan", e);
        }
    }

    private static List<List<String>> parse(String json) throws SQLException {
        if (json == null) {
            return new ArrayList<>();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<List<String>>>() {
            });
        } catch (JsonProcessingException e) {
            throw new SQLException("the saved slice plan is unreadable: " + json, e);
        }
    }
}
