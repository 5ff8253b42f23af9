package dbshift.sqlserver;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import dbshift.core.engine.Jdbc;
import dbshift.core.replay.NameMap;
import dbshift.core.replay.PlanStep;
import dbshift.core.replay.ReplayEngine;
import dbshift.core.replay.Translation;

/**
 * Replays statements on SQL Server and Azure SQL: {@code USE}, and MySQL statements through
 * {@link MySqlQueryToTSql}. No estimated plans yet (SHOWPLAN needs a batch of its own per statement), so plan
 * regressions are not reported for these targets. Not run against a live server here.
 */
final class SqlServerReplayEngine implements ReplayEngine {
    private static final Set<String> MYSQL_FAMILY = Set.of("mysql", "mariadb");

    @Override
    public void useSchema(Connection connection, String schema) throws SQLException {
        Jdbc.execute(connection, "USE " + SqlServerQuoting.INSTANCE.quote(schema));
    }

    @Override
    public Translation translate(String sql, String sourceEngine, NameMap names) {
        if ("sqlserver".equals(sourceEngine) || "sybase".equals(sourceEngine)) {
            return Translation.same(sql);
        }
        if (MYSQL_FAMILY.contains(sourceEngine)) {
            return MySqlQueryToTSql.translate(sql, names);
        }
        return Translation.refused("statements written for " + sourceEngine + " are not translated to T-SQL");
    }

    @Override
    public List<PlanStep> explain(Connection connection, String sql) {
        return List.of();
    }

    @Override
    public boolean backslashEscapes() {
        return false;
    }
}
