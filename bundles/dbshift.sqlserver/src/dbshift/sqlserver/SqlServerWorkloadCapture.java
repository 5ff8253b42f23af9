package dbshift.sqlserver;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dbshift.core.engine.Jdbc;
import dbshift.core.engine.SqlResources;
import dbshift.core.replay.CapturedStatement;
import dbshift.core.replay.SecretFilter;
import dbshift.core.replay.SqlText;
import dbshift.core.replay.Workload;
import dbshift.core.replay.WorkloadCapture;

/**
 * SQL Server and Azure SQL workloads from Query Store, database by database (the connection's database when none
 * are named). Query Store keeps the text as the application sent it: statements sent with parameters keep their
 * {@code @P0} placeholders and no values, so they are recorded as shapes only and reported as not replayable.
 * Written against the documented catalog views; not run against a live server here (none can run on this
 * machine), only parsed by the T-SQL grammar in the tests.
 */
final class SqlServerWorkloadCapture implements WorkloadCapture {
    private static final Set<String> SESSION = Set.of("SET", "USE", "BEGIN", "COMMIT", "ROLLBACK", "DECLARE", "PRINT", "");

    @Override
    public Workload capture(Connection c, List<String> schemas, String source) throws SQLException {
        List<String> databases = schemas.isEmpty() ? List.of(c.getCatalog()) : schemas;
        List<CapturedStatement> kept = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        notes.add("statements Query Store recorded (within its retention: stale_query_threshold_days)");
        String from = null;
        String to = null;
        int parameterized = 0;
        int credentials = 0;
        int session = 0;
        for (String db : databases) {
            Jdbc.execute(c, "USE " + SqlServerQuoting.INSTANCE.quote(db));
            String state = Jdbc.scalar(c, SqlResources.load(SqlServerWorkloadCapture.class, "workload-query-store-state"));
            if (state == null || state.equalsIgnoreCase("OFF") || state.equalsIgnoreCase("ERROR")) {
                throw new SQLException("Query Store is " + (state == null ? "not available" : state) + " in database " + db
                        + ": turn it on with ALTER DATABASE " + SqlServerQuoting.INSTANCE.quote(db)
                        + " SET QUERY_STORE = ON (and let the applications run) before capturing");
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(SqlResources.load(SqlServerWorkloadCapture.class, "workload-query-store"))) {
                while (rs.next()) {
                    String text = rs.getString("query_sql_text");
                    SqlText lexed = SqlText.of(text, false);
                    if (SESSION.contains(lexed.firstKeyword())) {
                        session++;
                        continue;
                    }
                    SecretFilter.Result safe = SecretFilter.filter(text, false);
                    if (safe.dropped()) {
                        credentials++;
                        continue;
                    }
                    boolean withParameters = text.stripLeading().startsWith("(@");
                    parameterized += withParameters ? 1 : 0;
                    String first = rs.getString("first_seen");
                    String last = rs.getString("last_seen");
                    from = from == null || first != null && first.compareTo(from) < 0 ? first : from;
                    to = to == null || last != null && last.compareTo(to) > 0 ? last : to;
                    kept.add(new CapturedStatement("qs-" + db.toLowerCase(Locale.ROOT) + "-" + rs.getLong("query_id"), db,
                            withParameters ? null : safe.text(), lexed.shape(), rs.getLong("executions"), rs.getDouble("total_ms"),
                            first, last, safe.redacted()));
                }
            }
        }
        if (parameterized > 0) {
            notes.add(parameterized + " parameterized statement(s) kept as shapes only: Query Store records no parameter values");
        }
        if (session > 0) {
            notes.add(session + " session statement(s) (SET, USE, transactions) left out");
        }
        if (credentials > 0) {
            notes.add(credentials + " statement(s) handling credentials left out (never stored)");
        }
        return new Workload(Workload.VERSION, source, "sqlserver", "query_store", Instant.now().toString(), from, to, kept, notes);
    }
}
