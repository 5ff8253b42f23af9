package dbshift.core.preview;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiPredicate;

import dbshift.core.assess.Finding;
import dbshift.core.assess.Severity;
import dbshift.core.convert.Converter.Conversion;
import dbshift.core.engine.Dialect;
import dbshift.core.engine.Endpoint;
import dbshift.core.model.Catalog;
import dbshift.core.model.Column;
import dbshift.core.model.Table;
import dbshift.core.preview.ColumnPreview.LossCount;
import dbshift.core.preview.ColumnPreview.Sample;

/**
 * The lossy-value preview, before any data moves: for every column whose target type (as converted, with the
 * reviewer's overrides) cannot hold every value its source type can, reads the source's rows and counts those that
 * would arrive changed or be refused, with a few sample keys and their values before and after. The source dialect
 * writes the conditions ({@link ValueProbeSql}); this class chooses the columns, bounds the reads (a sample of each
 * table's first rows in key order by default) and runs tables in parallel on a bounded number of connections.
 */
public final class LossyValuePreview {
    /** Sample rows shown per loss. */
    public static final int SAMPLES = 3;
    private static final int SHOWN_CHARS = 60;

    private final Endpoint source;
    private final Dialect target;
    private final ProbeOptions probe;
    private final int workers;
    private final boolean zeroDatesToNull;

    public LossyValuePreview(Endpoint source, Dialect target, ProbeOptions probe, int workers, boolean zeroDatesToNull) {
        this.source = source;
        this.target = target;
        this.probe = probe;
        this.workers = Math.max(1, workers);
        this.zeroDatesToNull = zeroDatesToNull;
    }

    /** One column to compare: the source table and column, the target table and column as converted. */
    private record Pair(Table sourceTable, Column sourceColumn, Table targetTable, Column targetColumn, List<ValueLoss> losses) {
    }

    /** Every column of the conversion whose values could be hurt. */
    public List<ColumnPreview> preview(Catalog sourceCatalog, Conversion conversion) {
        return preview(sourceCatalog, conversion, (t, c) -> true);
    }

    /**
     * The columns {@code wanted} accepts (source table, source column), e.g. one column the reviewer just gave
     * another type.
     */
    public List<ColumnPreview> preview(Catalog sourceCatalog, Conversion conversion, BiPredicate<Table, Column> wanted) {
        if (probe.mode() == ProbeOptions.Mode.OFF) {
            return List.of();
        }
        Map<Table, List<Pair>> byTable = new LinkedHashMap<>();
        List<ColumnPreview> undescribed = new ArrayList<>();
        for (Table st : sourceCatalog.tables()) {
            Optional<Table> tt = conversion.catalog().table(conversion.targetName(st.name()));
            if (tt.isEmpty()) {
                continue;
            }
            for (Column sc : st.columns()) {
                if (sc.isGenerated() || !wanted.test(st, sc)) {
                    continue;
                }
                Optional<Column> tc = tt.get().column(sc.name());
                if (tc.isEmpty() || tc.get().isGenerated()) {
                    continue;
                }
                List<ValueLoss> losses;
                try {
                    Optional<ValueDomain> sd = source.dialect().valueDomain(st, sc);
                    Optional<ValueDomain> td = target.valueDomain(tt.get(), tc.get());
                    if (sd.isEmpty() || td.isEmpty()) {
                        continue;
                    }
                    losses = ValueLosses.between(sd.get(), td.get(), zeroDatesToNull);
                } catch (RuntimeException e) {
                    // a type a dialect cannot describe is reported, and the assessment goes on
                    undescribed.add(new ColumnPreview(st.name(), tt.get().name(), sc.name(), sc.type(), tc.get().type(), 0, false,
                            -1, List.of(), "its values cannot be described: " + e));
                    continue;
                }
                if (!losses.isEmpty()) {
                    byTable.computeIfAbsent(st, k -> new ArrayList<>()).add(new Pair(st, sc, tt.get(), tc.get(), losses));
                }
            }
        }
        if (byTable.isEmpty()) {
            return undescribed;
        }
        Optional<ValueProbeSql> sql = source.dialect().valueProbeSql();
        List<ColumnPreview> out = new ArrayList<>(undescribed);
        if (sql.isEmpty()) {
            byTable.values().forEach(pairs -> pairs.forEach(p -> out.add(failed(p,
                    source.dialect().displayName() + " sources offer no value probes to DBShift yet"))));
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, byTable.size()), r -> {
            Thread t = new Thread(r, "dbshift-probe");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<ColumnPreview>>> futures = new ArrayList<>();
            for (List<Pair> pairs : byTable.values()) {
                futures.add(pool.submit(() -> probeTable(sql.get(), pairs)));
            }
            for (Future<List<ColumnPreview>> f : futures) {
                try {
                    out.addAll(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the value probe failed: " + e.getCause(), e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the value probe was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private ColumnPreview failed(Pair p, String problem) {
        return new ColumnPreview(p.sourceTable().name(), p.targetTable().name(), p.sourceColumn().name(), p.sourceColumn().type(),
                p.targetColumn().type(), 0, false, -1, p.losses().stream().map(l -> new LossCount(l, -1, List.of())).toList(),
                problem);
    }

    /** One table: one bounded scan counting every loss of every column, then a few samples per loss found. */
    private List<ColumnPreview> probeTable(ValueProbeSql sql, List<Pair> pairs) {
        Table table = pairs.get(0).sourceTable();
        List<String> keys = source.dialect().rowReader().keyColumns(table);
        // conditions per pair and loss; a loss the engine cannot express is reported, not guessed
        List<List<String>> conditions = new ArrayList<>();
        LinkedHashSet<String> columns = new LinkedHashSet<>(keys);
        StringBuilder select = new StringBuilder("SELECT COUNT(*)");
        for (Pair p : pairs) {
            columns.add(p.sourceColumn().name());
            List<String> conds = new ArrayList<>();
            for (ValueLoss l : p.losses()) {
                // a check the client evaluates has no condition: its count comes from a read of the values below
                String c = clientSide(l) ? null : sql.condition(table, p.sourceColumn(), l.check()).orElse(null);
                conds.add(c);
                select.append(", SUM(CASE WHEN ").append(c == null ? "1 = 0" : "(" + c + ")").append(" THEN 1 ELSE 0 END)");
            }
            List<String> known = conds.stream().filter(java.util.Objects::nonNull).map(c -> "(" + c + ")").toList();
            select.append(", SUM(CASE WHEN ").append(known.isEmpty() ? "1 = 0" : String.join(" OR ", known))
                    .append(" THEN 1 ELSE 0 END)");
            conditions.add(conds);
        }
        long limit = probe.rowLimit();
        String rows = sql.rows(table, List.copyOf(columns), limit);
        select.append(" FROM ").append(rows);
        List<ColumnPreview> out = new ArrayList<>();
        try (Connection c = source.open()) {
            sql.prepare(c);
            long read;
            List<Long> counts = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(select.toString())) {
                rs.next();
                read = rs.getLong(1);
                for (int i = 2; i <= rs.getMetaData().getColumnCount(); i++) {
                    counts.add(rs.getLong(i));
                }
            }
            boolean whole = limit == 0 || read < limit;
            int at = 0;
            for (int i = 0; i < pairs.size(); i++) {
                Pair p = pairs.get(i);
                List<LossCount> losses = new ArrayList<>();
                List<String> notProbed = new ArrayList<>();
                long clientAffected = 0;
                for (int j = 0; j < p.losses().size(); j++) {
                    ValueLoss l = p.losses().get(j);
                    String cond = conditions.get(i).get(j);
                    long n = counts.get(at++);
                    if (clientSide(l)) {
                        LossCount counted = clientCount(c, sql, table, keys, p, l, rows);
                        losses.add(counted);
                        clientAffected += counted.rows();
                    } else if (cond == null) {
                        notProbed.add(l.description());
                        losses.add(new LossCount(l, -1, List.of()));
                    } else {
                        losses.add(new LossCount(l, n, n == 0 ? List.of() : samples(c, sql, table, keys, p, l, cond, rows)));
                    }
                }
                // the client's checks find documents no SQL condition counted (text that is no document is not one)
                long affected = counts.get(at++) + clientAffected;
                out.add(new ColumnPreview(table.name(), p.targetTable().name(), p.sourceColumn().name(), p.sourceColumn().type(),
                        p.targetColumn().type(), read, whole, affected, losses,
                        notProbed.isEmpty() ? null : "cannot check for " + String.join(", ", notProbed) + " on this source"));
            }
        } catch (SQLException | RuntimeException e) {
            // one table's probe failing must not stop the assessment: its columns are reported as not probed
            String problem = "the probe query failed: " + e.getMessage();
            out.clear();
            pairs.forEach(p -> out.add(failed(p, problem)));
        }
        return out;
    }

    private static boolean clientSide(ValueLoss loss) {
        return loss.check() instanceof ValueCheck.Reparsed;
    }

    /** A check evaluated on each value's text as the source prints it, over the same rows the counts read. */
    private LossCount clientCount(Connection c, ValueProbeSql sql, Table table, List<String> keys, Pair p, ValueLoss loss,
            String rows) throws SQLException {
        String select = keysAndText(sql, table, keys, p, rows,
                source.dialect().quoting().quote(p.sourceColumn().name()) + " IS NOT NULL");
        long n = 0;
        List<Sample> out = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.setFetchSize(1_000);
            try (ResultSet rs = s.executeQuery(select)) {
                while (rs.next()) {
                    String value = rs.getString(keys.size() + 1);
                    if (!JsonReparse.changes(value)) {
                        continue;
                    }
                    n++;
                    if (out.size() < SAMPLES) {
                        out.add(new Sample(keys.isEmpty() ? "(no primary key)" : key(rs, keys), value, loss.after(value)));
                    }
                }
            }
        }
        return new LossCount(loss, n, out);
    }

    /** The keys' and the column's text, in key order, of the probed rows where {@code where} holds. */
    private String keysAndText(ValueProbeSql sql, Table table, List<String> keys, Pair p, String rows, String where) {
        var q = source.dialect().quoting();
        StringBuilder select = new StringBuilder("SELECT ");
        for (String k : keys) {
            select.append(sql.text(table, table.column(k).orElseThrow())).append(", ");
        }
        select.append(sql.text(table, p.sourceColumn())).append(" FROM ").append(rows).append(" WHERE ").append(where);
        if (!keys.isEmpty()) {
            select.append(" ORDER BY ").append(String.join(", ", keys.stream().map(q::quote).toList()));
        }
        return select.toString();
    }

    private static String key(ResultSet rs, List<String> keys) throws SQLException {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            key.append(i == 0 ? "" : ", ").append(keys.get(i)).append('=').append(rs.getString(i + 1));
        }
        return key.toString();
    }

    private List<Sample> samples(Connection c, ValueProbeSql sql, Table table, List<String> keys, Pair p, ValueLoss loss,
            String condition, String rows) throws SQLException {
        String select = keysAndText(sql, table, keys, p, rows, condition);
        List<Sample> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.firstRows(select, SAMPLES))) {
            while (rs.next() && out.size() < SAMPLES) {
                String before = rs.getString(keys.size() + 1);
                out.add(new Sample(keys.isEmpty() ? "(no primary key)" : key(rs, keys), before, loss.after(before)));
            }
        }
        return out;
    }

    /** One finding per column and loss found in the rows read, and one per column that could not be probed. */
    public static List<Finding> findings(List<ColumnPreview> previews) {
        List<Finding> out = new ArrayList<>();
        for (ColumnPreview p : previews) {
            String object = p.targetTable() + ".\"" + p.column() + "\"";
            String types = p.sourceType() + " → " + p.targetType();
            if (p.problem() != null && p.affectedRows() < 0) {
                out.add(new Finding(ValueLoss.NOT_PROBED, Severity.WARNING, "column", object, types
                        + " can change values, but its data was not probed: " + p.problem(),
                        "Check the column's values on the source yourself, or run assess again when the source answers.", null));
                continue;
            }
            if (p.problem() != null) {
                out.add(new Finding(ValueLoss.NOT_PROBED, Severity.INFO, "column", object, types + ": " + p.problem(),
                        "Check those values on the source yourself.", null));
            }
            for (LossCount l : p.losses()) {
                if (l.rows() <= 0) {
                    continue;
                }
                boolean refused = l.loss().effect() == ValueLoss.Effect.REFUSED;
                String scope = p.wholeTable() ? "of the table's " + p.rowsRead() + " rows"
                        : "of the first " + p.rowsRead() + " rows (a sample; --probe full counts them all)";
                StringBuilder m = new StringBuilder();
                m.append(l.rows()).append(' ').append(scope).append(" hold ").append(l.loss().description()).append(": ")
                        .append(types).append(refused ? " refuses them" : " changes them").append(". E.g. ");
                for (int i = 0; i < l.samples().size(); i++) {
                    Sample s = l.samples().get(i);
                    m.append(i == 0 ? "" : "; ").append(s.key()).append(": ").append(shown(s.before())).append(" → ")
                            .append(refused ? "refused" : shown(s.after()));
                }
                out.add(new Finding(l.loss().rule(), refused ? Severity.ERROR : Severity.WARNING, "column", object, m.toString(),
                        refused ? "Choose a target type that holds these values (Override in the schema diff editor), or fix "
                                + "the rows on the source; the copy fails the slices holding them."
                                : "Accept the change, choose a target type that keeps the values (Override in the schema diff "
                                        + "editor), or fix the rows on the source; the copy stops at a value the target changes.",
                        null));
            }
        }
        return out;
    }

    private static String shown(String value) {
        if (value == null) {
            return "NULL";
        }
        String v = value.length() > SHOWN_CHARS ? value.substring(0, SHOWN_CHARS) + "…" : value;
        return "'" + v.replace("'", "''") + "'";
    }
}
