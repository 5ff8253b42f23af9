package dbshift.mysql;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dbshift.core.engine.Jdbc;
import dbshift.core.engine.SqlResources;
import dbshift.core.replay.CapturedStatement;
import dbshift.core.replay.SecretFilter;
import dbshift.core.replay.SqlText;
import dbshift.core.replay.Workload;
import dbshift.core.replay.WorkloadCapture;

/**
 * MySQL and MariaDB workloads: statement digests with their counts and times from performance_schema, and sample
 * texts with literals from the digest summary (MySQL 8) or the statement histories; or a general or slow query log
 * ({@link MySqlQueryLog}). Statements of system schemas, of drivers setting up sessions, and those handling
 * credentials are left out and counted.
 */
final class MySqlWorkloadCapture implements WorkloadCapture {
    static final Set<String> SYSTEM_SCHEMAS = Set.of("mysql", "sys", "performance_schema", "information_schema", "_dbshift");
    /** performance_schema_max_sql_text_length's default: a text this long was probably cut off. */
    private static final int TRUNCATED_LENGTH = 1024;

    private final String engine;

    MySqlWorkloadCapture(String engine) {
        this.engine = engine;
    }

    @Override
    public Workload capture(Connection c, List<String> schemas, String source) throws SQLException {
        String on = Jdbc.scalar(c, "SELECT @@performance_schema");
        if (!"1".equals(on)) {
            throw new SQLException("performance_schema is OFF on the source, and it cannot be switched on while the server runs: "
                    + "start it with performance_schema=ON (and the events_statements_history_long consumer), or capture "
                    + "from a query log with --from-log FILE");
        }
        String capturedAt = Instant.now().toString();
        Map<String, String> samples = new HashMap<>();
        // the newest text of each digest: the histories in time order, then MySQL 8's own sample where the histories have none
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SqlResources.load(MySqlWorkloadCapture.class, "workload-history"))) {
            while (rs.next()) {
                samples.put(rs.getString("SCHEMA_NAME") + "\u0000" + rs.getString("DIGEST"), rs.getString("SQL_TEXT"));
            }
        }
        if (!"0".equals(Jdbc.scalar(c, SqlResources.load(MySqlWorkloadCapture.class, "workload-sample-column")))) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(SqlResources.load(MySqlWorkloadCapture.class, "workload-digest-samples"))) {
                while (rs.next()) {
                    samples.putIfAbsent(rs.getString("SCHEMA_NAME") + "\u0000" + rs.getString("DIGEST"), rs.getString("SQL_TEXT"));
                }
            }
        }
        Filter filter = new Filter(schemas);
        String from = null;
        String to = null;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SqlResources.load(MySqlWorkloadCapture.class, "workload-digests"))) {
            while (rs.next()) {
                String schema = rs.getString("SCHEMA_NAME");
                String digest = rs.getString("DIGEST");
                String digestText = rs.getString("DIGEST_TEXT");
                String sample = samples.get(schema + "\u0000" + digest);
                boolean truncated = sample != null && sample.length() >= TRUNCATED_LENGTH;
                String firstSeen = iso(rs.getTimestamp("FIRST_SEEN"));
                String lastSeen = iso(rs.getTimestamp("LAST_SEEN"));
                if (filter.accept(schema, digestText, truncated ? null : sample, digest, rs.getLong("COUNT_STAR"),
                        rs.getDouble("TOTAL_MS"), firstSeen, lastSeen)) {
                    from = from == null || firstSeen != null && firstSeen.compareTo(from) < 0 ? firstSeen : from;
                    to = to == null || lastSeen != null && lastSeen.compareTo(to) > 0 ? lastSeen : to;
                }
                if (truncated) {
                    filter.truncated++;
                }
            }
        }
        List<String> notes = filter.notes();
        notes.add(0, "statements the server ran since performance_schema's statistics were last reset (or the server started)");
        long withoutText = filter.kept.stream().filter(s -> s.text() == null).count();
        if (withoutText > 0) {
            notes.add(withoutText + " statement shape(s) without a sample text: the events_statements_current and "
                    + "events_statements_history_long consumers must be on while the application runs "
                    + "(performance_schema.setup_consumers)");
        }
        return new Workload(Workload.VERSION, source, engine, "performance_schema", capturedAt, from, to, filter.kept, notes);
    }

    @Override
    public Workload fromLog(Path file, List<String> schemas) throws IOException {
        return MySqlQueryLog.read(file, schemas, engine);
    }

    private static String iso(Timestamp t) {
        return t == null ? null : t.toLocalDateTime().toString();
    }

    /** Which statements a workload keeps, and the counts of those left out (for the file's notes). */
    static final class Filter {
        final List<CapturedStatement> kept = new ArrayList<>();
        private final List<String> schemas;
        int system;
        int session;
        int credentials;
        int otherSchemas;
        int redacted;
        int truncated;

        Filter(List<String> schemas) {
            this.schemas = schemas.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        }

        boolean accept(String schema, String shape, String sample, String id, long count, Double totalMillis, String first,
                String last) {
            String text = sample != null ? sample : shape;
            if (text == null) {
                return false;
            }
            SqlText lexed = SqlText.of(text, true);
            String keyword = lexed.firstKeyword();
            if (schema != null && SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT)) || touchesSystem(lexed)) {
                system++;
                return false;
            }
            if (Set.of("SET", "SHOW", "USE", "COMMIT", "ROLLBACK", "START", "BEGIN", "KILL", "FLUSH", "").contains(keyword)
                    || lexed.tokens().stream().anyMatch(t -> t.text().startsWith("@@"))) {
                session++;
                return false;
            }
            if (!schemas.isEmpty() && (schema == null || !schemas.contains(schema.toLowerCase(Locale.ROOT)))) {
                otherSchemas++;
                return false;
            }
            SecretFilter.Result safe = sample == null ? null : SecretFilter.filter(sample, true);
            SecretFilter.Result safeShape = SecretFilter.filter(shape == null ? sample : shape, true);
            if (safeShape.dropped() || safe != null && safe.dropped()) {
                credentials++;
                return false;
            }
            int r = safe == null ? 0 : safe.redacted();
            redacted += r > 0 ? 1 : 0;
            kept.add(new CapturedStatement(id, schema, safe == null ? null : safe.text(),
                    SqlText.of(shape == null ? sample : shape, true).shape(), count, totalMillis, first, last, r));
            return true;
        }

        private static boolean touchesSystem(SqlText text) {
            List<SqlText.Token> tokens = text.tokens();
            for (int i = 0; i + 1 < tokens.size(); i++) {
                SqlText.Token t = tokens.get(i);
                String name = t.kind() == SqlText.Kind.QUOTED_NAME ? t.text().substring(1, t.text().length() - 1) : t.text();
                if ((t.kind() == SqlText.Kind.WORD || t.kind() == SqlText.Kind.QUOTED_NAME)
                        && SYSTEM_SCHEMAS.contains(name.toLowerCase(Locale.ROOT)) && tokens.get(i + 1).text().equals(".")) {
                    return true;
                }
            }
            return false;
        }

        List<String> notes() {
            List<String> notes = new ArrayList<>();
            if (system > 0) {
                notes.add(system + " statement shape(s) on system schemas left out");
            }
            if (session > 0) {
                notes.add(session + " session and transaction statement shape(s) (SET, SHOW, USE, COMMIT, …) left out");
            }
            if (otherSchemas > 0) {
                notes.add(otherSchemas + " statement shape(s) on other databases left out");
            }
            if (credentials > 0) {
                notes.add(credentials + " statement shape(s) handling credentials left out (never stored)");
            }
            if (redacted > 0) {
                notes.add(redacted + " statement(s) with secret-looking literals, replaced by " + SecretFilter.REDACTED);
            }
            if (truncated > 0) {
                notes.add(truncated + " sample text(s) cut off at " + TRUNCATED_LENGTH
                        + " characters (performance_schema_max_sql_text_length) kept as digests only");
            }
            return notes;
        }
    }
}
