package dbshift.core.replay;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import dbshift.core.data.ValueKind;
import dbshift.core.data.SliceComparison;
import dbshift.core.engine.ConnectionSpec;
import dbshift.core.engine.Endpoint;

/**
 * Runs a captured workload's read-only statements on the source and on the target and compares them: rows (by
 * value, order-insensitive unless the statement orders), errors per side, latency over several runs, and the
 * servers' plans. Statements that write are never run; procedure calls only when asked, each inside a transaction
 * that is rolled back.
 */
public final class WorkloadReplay {
    private static final Set<String> QUERY_KEYWORDS = Set.of("SELECT", "WITH", "VALUES", "TABLE");
    private static final Set<String> CALL_KEYWORDS = Set.of("CALL", "EXEC", "EXECUTE");

    private final Endpoint source;
    private final Endpoint target;
    private final NameMap names;
    private final ReplayOptions options;
    private Consumer<String> progress = s -> {
    };
    private BooleanSupplier cancelled = () -> false;

    public WorkloadReplay(Endpoint source, Endpoint target, NameMap names, ReplayOptions options) {
        this.source = source;
        this.target = target;
        this.names = names;
        this.options = options;
    }

    /** Called with "n/total" as each statement starts. */
    public WorkloadReplay onProgress(Consumer<String> listener) {
        this.progress = listener;
        return this;
    }

    public WorkloadReplay cancelWhen(BooleanSupplier condition) {
        this.cancelled = condition;
        return this;
    }

    public ReplayResult replay(Workload workload) throws SQLException {
        ReplayEngine sourceEngine = engine(source, "source");
        ReplayEngine targetEngine = engine(target, "target");
        String started = Instant.now().toString();
        List<StatementReplay> results = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (Connection src = source.open(); Connection tgt = target.open()) {
            source.dialect().rowReader().prepareSession(src);
            target.dialect().rowReader().prepareSession(tgt);
            int i = 0;
            for (CapturedStatement s : workload.statements()) {
                if (cancelled.getAsBoolean()) {
                    notes.add("cancelled after " + i + " of " + workload.statements().size() + " statements");
                    break;
                }
                progress.accept(++i + "/" + workload.statements().size());
                results.add(replayOne(s, workload.sourceEngine(), sourceEngine, targetEngine, src, tgt));
            }
        }
        if (!names.isIdentity()) {
            notes.add("names translated through the migration's mapping");
        }
        return new ReplayResult(ConnectionSpec.displayUrl(source.spec().url()), ConnectionSpec.displayUrl(target.spec().url()),
                source.dialect().id(), target.dialect().id(), workload.source(), workload.method(), workload.from(),
                workload.to(), started, Instant.now().toString(), options.runs(), options.regression().ratio(),
                options.regression().minMillis(), results, notes);
    }

    private static ReplayEngine engine(Endpoint e, String role) {
        return e.dialect().replayEngine().orElseThrow(() -> new IllegalArgumentException(
                "the " + role + " is " + e.dialect().displayName() + ", which DBShift cannot replay statements on yet"));
    }

    /** Why a statement is not run, or null when it is a query (or an allowed procedure call). */
    String refusal(SqlText text) {
        String first = text.firstKeyword();
        if (CALL_KEYWORDS.contains(first)) {
            return options.includeProcedures() ? null
                    : "procedure call: pass --include-procedures to run it inside a transaction that is rolled back";
        }
        if (!QUERY_KEYWORDS.contains(first)) {
            return first.isEmpty() ? "not a statement DBShift recognises"
                    : first + " statement: only queries are replayed (it would change data or session state)";
        }
        if (text.hasWords("FOR", "UPDATE") || text.hasWords("FOR", "SHARE") || text.hasWords("LOCK", "IN")) {
            return "the query locks rows (FOR UPDATE/SHARE): not run, so that replay never blocks the applications";
        }
        if (text.hasWord("INTO") && !first.equals("WITH")) {
            return "SELECT … INTO writes a variable, a file or a table";
        }
        return null;
    }

    private StatementReplay replayOne(CapturedStatement s, String workloadEngine, ReplayEngine sourceEngine,
            ReplayEngine targetEngine, Connection src, Connection tgt) {
        if (s.text() == null || s.text().isBlank()) {
            return StatementReplay.notReplayable(s, "the capture kept only the statement's digest, no sample text "
                    + "(the workload file's notes say what the source must record for sample texts; capture again after that)");
        }
        SqlText text = SqlText.of(s.text(), sourceEngine.backslashEscapes());
        String refused = refusal(text);
        if (refused != null) {
            return StatementReplay.notReplayable(s, refused);
        }
        Translation translation = targetEngine.translate(s.text(), workloadEngine, names);
        if (!translation.replayable()) {
            return StatementReplay.notReplayable(s, translation.notReplayable());
        }
        String targetSql = translation.sql();
        boolean call = CALL_KEYWORDS.contains(text.firstKeyword());
        boolean ordered = text.ordersResult();
        String nondeterministic = text.nondeterministicCall();

        String sourceError = null;
        String targetError = null;
        QueryResult sourceRows = null;
        QueryResult targetRows = null;
        try {
            if (s.schema() != null) {
                sourceEngine.useSchema(src, s.schema());
            }
        } catch (SQLException e) {
            sourceError = "cannot use database " + s.schema() + ": " + e.getMessage();
        }
        try {
            if (s.schema() != null) {
                targetEngine.useSchema(tgt, names.schema(s.schema()));
            }
        } catch (SQLException e) {
            targetError = "cannot use database " + names.schema(s.schema()) + ": " + e.getMessage();
        }
        // both sides' statements open at once, so the common value kinds are known before any row is read
        Statement ss = null;
        Statement ts = null;
        ResultSet srs = null;
        ResultSet trs = null;
        try {
            if (sourceError == null) {
                try {
                    ss = src.createStatement();
                    srs = open(src, ss, s.text(), call);
                } catch (SQLException e) {
                    sourceError = error(e);
                }
            }
            if (targetError == null) {
                try {
                    ts = tgt.createStatement();
                    trs = open(tgt, ts, targetSql, call);
                } catch (SQLException e) {
                    targetError = error(e);
                }
            }
            List<ValueKind> sk = srs == null ? null : QueryResult.kindsOf(srs);
            List<ValueKind> tk = trs == null ? null : QueryResult.kindsOf(trs);
            List<ValueKind> common = common(sk, tk);
            try {
                if (srs != null) {
                    sourceRows = QueryResult.read(srs, sk, sk.size() == common.size() ? common : sk, options.maxRowsCompared());
                }
            } catch (SQLException e) {
                sourceError = error(e);
            }
            try {
                if (trs != null) {
                    targetRows = QueryResult.read(trs, tk, tk.size() == common.size() ? common : tk, options.maxRowsCompared());
                }
            } catch (SQLException e) {
                targetError = error(e);
            }
        } catch (SQLException e) {
            sourceError = sourceError == null ? error(e) : sourceError;
        } finally {
            close(srs, ss, src, call);
            close(trs, ts, tgt, call);
        }

        ReplayStatus status;
        String message;
        List<String> differences = List.of();
        if (sourceError != null && targetError != null) {
            status = ReplayStatus.ERROR_BOTH;
            message = "fails on both sides";
        } else if (targetError != null) {
            status = ReplayStatus.ERROR_TARGET;
            message = "fails on the target only" + hint(targetEngine, targetError);
        } else if (sourceError != null) {
            status = ReplayStatus.ERROR_SOURCE;
            message = "fails on the source only" + hint(sourceEngine, sourceError);
        } else if (sourceRows == null || targetRows == null) {
            status = ReplayStatus.EQUAL;
            message = "no result set on either side";
        } else if (nondeterministic != null) {
            status = ReplayStatus.NOT_COMPARED;
            message = "calls " + nondeterministic + ", whose value differs from run to run: timed, not compared";
        } else {
            ResultComparison c = ResultComparison.compare(sourceRows, targetRows, ordered, options.maxRowsShown());
            status = c.equal ? ReplayStatus.EQUAL : ReplayStatus.DIFFERS;
            message = c.message;
            differences = c.differences;
        }

        LatencyStats sl = null;
        LatencyStats tl = null;
        boolean latencyRegression = false;
        List<String> sourcePlan = List.of();
        List<String> targetPlan = List.of();
        String planNote = null;
        if (sourceError == null && targetError == null) {
            List<Long> sn = new ArrayList<>();
            List<Long> tn = new ArrayList<>();
            try {
                // alternate the sides so that load on the machine falls on both alike
                for (int r = 0; r < options.runs(); r++) {
                    sn.add(time(src, s.text(), call));
                    tn.add(time(tgt, targetSql, call));
                }
                sl = LatencyStats.ofNanos(sn);
                tl = LatencyStats.ofNanos(tn);
                latencyRegression = options.regression().regressed(sl, tl);
            } catch (SQLException e) {
                message = message + "; timing stopped: " + e.getMessage();
            }
            if (!call) {
                List<PlanStep> sp = plan(sourceEngine, src, s.text());
                List<PlanStep> tp = plan(targetEngine, tgt, targetSql);
                sourcePlan = sp.stream().map(PlanStep::toString).toList();
                targetPlan = tp.stream().map(PlanStep::toString).toList();
                planNote = planRegression(sp, tp);
            }
            if (latencyRegression) {
                message = message + "; slower on the target: " + options.regression().describe(sl, tl);
            }
        }
        return new StatementReplay(s.id(), s.schema(), s.text(), translation.changed() ? targetSql : null, s.count(), status,
                message, ordered, sourceRows == null ? null : sourceRows.rows, targetRows == null ? null : targetRows.rows,
                differences, sourceError, targetError, sl, tl, latencyRegression, sourcePlan, targetPlan, planNote);
    }

    private static List<ValueKind> common(List<ValueKind> a, List<ValueKind> b) {
        if (a == null || b == null || a.size() != b.size()) {
            return a != null ? a : b == null ? List.of() : b;
        }
        List<ValueKind> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            out.add(SliceComparison.compareKind(a.get(i), b.get(i)));
        }
        return out;
    }

    private ResultSet open(Connection c, Statement st, String sql, boolean call) throws SQLException {
        st.setQueryTimeout(options.timeoutSeconds());
        if (call) {
            c.setAutoCommit(false);
        }
        boolean hasResult = st.execute(sql);
        while (!hasResult && st.getUpdateCount() != -1) {
            hasResult = st.getMoreResults();
        }
        return hasResult ? st.getResultSet() : null;
    }

    private static void close(ResultSet rs, Statement st, Connection c, boolean call) {
        try {
            if (rs != null) {
                rs.close();
            }
            if (st != null) {
                st.close();
            }
            if (call) {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // the next statement reports a broken connection
        }
    }

    private long time(Connection c, String sql, boolean call) throws SQLException {
        long t0 = System.nanoTime();
        try (Statement st = c.createStatement()) {
            ResultSet rs = open(c, st, sql, call);
            if (rs != null) {
                while (rs.next()) {
                    // every row is fetched, as the application fetched them
                }
                rs.close();
            }
            return System.nanoTime() - t0;
        } finally {
            if (call) {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static List<PlanStep> plan(ReplayEngine engine, Connection c, String sql) {
        try {
            return engine.explain(c, sql);
        } catch (SQLException e) {
            return List.of();
        }
    }

    /** Full reads of tables smaller than this are what servers rightly prefer to an index: not a regression. */
    static final long PLAN_ROWS_FLOOR = 1000;

    /** A table the target reads in full where the source used an index: the plan evidence behind a regression. */
    static String planRegression(List<PlanStep> source, List<PlanStep> target) {
        for (PlanStep t : target) {
            if (!t.fullScan() || t.rows() != null && t.rows() < PLAN_ROWS_FLOOR) {
                continue;
            }
            for (PlanStep s : source) {
                if (s.table() != null && s.table().equalsIgnoreCase(t.table()) && !s.fullScan()) {
                    return "the target reads " + t.table() + " in full" + (t.rows() == null ? "" : " (~" + t.rows() + " rows)")
                            + " where the source uses " + (s.index() == null ? s.access() : "index " + s.index())
                            + (s.rows() == null ? "" : " (~" + s.rows() + " rows)") + ": an index missing or unusable on the target?";
                }
            }
        }
        return null;
    }

    private static String error(SQLException e) {
        String state = e.getSQLState();
        return (e.getErrorCode() != 0 ? "error " + e.getErrorCode() + (state == null ? "" : " (" + state + ")") + ": " : "")
                + e.getMessage();
    }

    private static String hint(ReplayEngine engine, String error) {
        String h = engine.explainError(error);
        return h == null || h.isEmpty() ? "" : ": " + h;
    }
}
