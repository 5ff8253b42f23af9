package dbshift.mysql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dbshift.core.engine.Jdbc;
import dbshift.core.model.QualifiedName;
import dbshift.core.replay.NameMap;
import dbshift.core.replay.PlanStep;
import dbshift.core.replay.ReplayEngine;
import dbshift.core.replay.SqlText;
import dbshift.core.replay.Translation;

/**
 * Replays statements on MySQL and MariaDB: {@code USE}, EXPLAIN's table access, and statements from the MySQL
 * family with schema names mapped as the migration mapped them. T-SQL statements from SQL Server sources go
 * through {@link TSqlQueryToMySql}, which takes the simple ones and says why it refuses the rest.
 */
final class MySqlReplayEngine implements ReplayEngine {
    private static final Set<String> MYSQL_FAMILY = Set.of("mysql", "mariadb");

    @Override
    public void useSchema(Connection connection, String schema) throws SQLException {
        Jdbc.execute(connection, "USE " + MySqlQuoting.INSTANCE.quote(schema));
    }

    @Override
    public boolean backslashEscapes() {
        return true;
    }

    @Override
    public Translation translate(String sql, String sourceEngine, NameMap names) {
        if (MYSQL_FAMILY.contains(sourceEngine)) {
            return names.isIdentity() ? Translation.same(sql) : renameQualified(sql, names);
        }
        if ("sqlserver".equals(sourceEngine) || "sybase".equals(sourceEngine)) {
            return TSqlQueryToMySql.translate(sql, names);
        }
        return Translation.refused("statements written for " + sourceEngine + " are not translated to MySQL");
    }

    /** {@code schema.table} references whose schema or table the migration renamed. */
    private static Translation renameQualified(String sql, NameMap names) {
        List<SqlText.Token> tokens = SqlText.of(sql, true).tokens();
        StringBuilder out = new StringBuilder();
        int copied = 0;
        boolean changed = false;
        for (int i = 0; i + 2 < tokens.size(); i++) {
            SqlText.Token a = tokens.get(i);
            SqlText.Token dot = tokens.get(i + 2 - 1);
            SqlText.Token b = tokens.get(i + 2);
            if (isName(a) && dot.text().equals(".") && dot.start() == a.end() && isName(b) && b.start() == dot.end()
                    && (i == 0 || !tokens.get(i - 1).text().equals("."))) {
                QualifiedName mapped = names.table(unquote(a), unquote(b));
                if (!mapped.schema().equals(unquote(a)) || !mapped.name().equals(unquote(b))) {
                    out.append(sql, copied, a.start()).append(MySqlQuoting.INSTANCE.quote(mapped));
                    copied = b.end();
                    changed = true;
                }
                i += 2;
            }
        }
        out.append(sql.substring(copied));
        return changed ? Translation.translated(out.toString()) : Translation.same(sql);
    }

    private static boolean isName(SqlText.Token t) {
        return t.kind() == SqlText.Kind.WORD || t.kind() == SqlText.Kind.QUOTED_NAME && t.text().startsWith("`");
    }

    private static String unquote(SqlText.Token t) {
        return t.kind() == SqlText.Kind.QUOTED_NAME ? t.text().substring(1, t.text().length() - 1).replace("``", "`") : t.text();
    }

    /** EXPLAIN's rows: one per table read, with the access type (ALL and index read every row) and the index used. */
    @Override
    public List<PlanStep> explain(Connection connection, String sql) throws SQLException {
        List<PlanStep> steps = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
            while (rs.next()) {
                String table = rs.getString("table");
                String type = rs.getString("type");
                if (table == null || type == null) {
                    continue;
                }
                String rows = rs.getString("rows");
                Long estimate = rows == null ? null : Long.valueOf(rows.trim());
                // ALL reads every row, index every entry of an index: both read the whole table
                steps.add(new PlanStep(table, type, rs.getString("key"), estimate,
                        type.equalsIgnoreCase("ALL") || type.equalsIgnoreCase("index")));
            }
        }
        return steps;
    }

    @Override
    public String explainError(String error) {
        String lower = error.toLowerCase(Locale.ROOT);
        if (lower.contains("only_full_group_by")) {
            return "the target runs with sql_mode ONLY_FULL_GROUP_BY and the source did not: there the statement got any "
                    + "row's value for the columns it neither groups nor aggregates (use ANY_VALUE() or group by them)";
        }
        if (lower.contains("illegal mix of collations")) {
            return "the collations of the compared columns cannot be mixed on the target (the conversion changed one of them)";
        }
        if (lower.contains("doesn't exist")) {
            return "an object the statement reads is missing on the target";
        }
        if (lower.contains("is not valid for this") || lower.contains("syntax")) {
            return "the target's SQL does not accept it as written";
        }
        return "";
    }
}
