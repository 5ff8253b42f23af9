package dbshift.mysql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dbshift.core.engine.Dialects;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationOptions;
import dbshift.core.run.MigrationRun;
import dbshift.core.run.TableResult;
import dbshift.embedded.EmbeddedServer;
import dbshift.embedded.SharedServers;

/**
 * A table with every column type and its edge values (extremes, NULLs, zero dates, 4-byte UTF-8, NUL bytes,
 * backslashes, tabs and newlines, JSON, spatial) copies with identical values. The comparison is independent of
 * DBShift's own verification: each column is read on both servers with an SQL expression that shows its exact
 * value (HEX for bytes, full-precision casts for floating point, parsed documents for JSON).
 */
class TypeFidelityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyMysqlTypeCopiesWithIdenticalValues() throws SQLException {
        Fixtures.runScript(SharedServers.mySql(), "types-mysql.sql");
        copyAndCompare(SharedServers.mySql(), "fid_mysql", "mysql");
        // a table without a primary key but with a unique key of NOT NULL columns is sliced by that key
        assertEquals(String.valueOf(1500 / 300 + 1), Fixtures.scalar(SharedServers.mySqlTarget(),
                "SELECT COUNT(*) FROM `_dbshift`.`copy_slice` WHERE table_key = 'fid_mysql.by_unique'"));
    }

    @Test
    void everyMariaDbTypeCopiesWithIdenticalValues() throws SQLException {
        Fixtures.runScript(SharedServers.mariaDb(), "types-mariadb.sql");
        copyAndCompare(SharedServers.mariaDb(), "fid_maria", "mysql");
    }

    private void copyAndCompare(EmbeddedServer source, String database, String kind) throws SQLException {
        Fixtures.execute(SharedServers.mySqlTarget(), "DROP DATABASE IF EXISTS `" + database + "`");
        clearCopyState(database);
        // small slices, so that slice bounds on the key are exercised too
        MigrationOptions options = MigrationOptions.defaults().withSchemas(List.of(database)).withChunkRows(300).withJobs(3);
        Migration m = Migration.live(Fixtures.endpoint(source), Fixtures.endpoint(SharedServers.mySqlTarget()),
                Dialects.targetKind(kind), options);
        m.migrate();
        MigrationRun run = m.run();
        assertFalse(run.hasFailures(), () -> run.steps() + " " + run.tables());
        TableResult types = run.table(database, "types");
        assertEquals("match", types.checksum(), types.mismatches().toString());
        assertTrue(types.sourceRows() > 2000, "rows: " + types.sourceRows());

        // the target's types decide how to show a value (MariaDB's JSON is LONGTEXT, MySQL's is JSON)
        Map<String, String> columns = columnTypes(SharedServers.mySqlTarget(), database);
        for (Map.Entry<String, String> column : columns.entrySet()) {
            String name = column.getKey();
            String expression = exactValue(name, column.getValue());
            String sql = "SELECT `id`, " + expression + " FROM `" + database + "`.`types` ORDER BY `id`";
            List<List<String>> expected = values(source, sql);
            List<List<String>> actual = values(SharedServers.mySqlTarget(), sql);
            assertEquals(expected.size(), actual.size(), "rows of column " + name);
            for (int i = 0; i < expected.size(); i++) {
                String e = expected.get(i).get(1);
                String a = actual.get(i).get(1);
                if (column.getValue().equals("float") || column.getValue().equals("double")) {
                    // servers spell the same number differently (1e-38 / 1E-38): compare the bits
                    assertEquals(e == null ? null : Double.doubleToLongBits(Double.parseDouble(e)),
                            a == null ? null : Double.doubleToLongBits(Double.parseDouble(a)),
                            "column " + name + " row id " + expected.get(i).get(0) + ": " + e + " vs " + a);
                } else if (column.getValue().equals("json")) {
                    assertEquals(e == null ? null : json(e), a == null ? null : json(a),
                            "JSON column " + name + " row id " + expected.get(i).get(0));
                } else {
                    assertEquals(e, a, "column " + name + " (" + column.getValue() + ") row id " + expected.get(i).get(0));
                }
            }
        }
    }

    /** An SQL expression that shows the stored value exactly, the same way on MariaDB and MySQL. */
    private static String exactValue(String column, String dataType) {
        String q = "`" + column.replace("`", "``") + "`";
        return switch (dataType) {
            case "float", "double" -> "CAST(" + q + " AS DOUBLE)";
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob", "bit", "geometry", "point",
                    "linestring", "polygon" -> "HEX(" + q + ")";
            case "json" -> "CAST(" + q + " AS CHAR)";
            default -> "HEX(CAST(" + q + " AS CHAR))";
        };
    }

    private static Map<String, String> columnTypes(EmbeddedServer server, String database) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        for (List<String> row : Fixtures.rows(server, "SELECT COLUMN_NAME, DATA_TYPE FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = '" + database + "' AND TABLE_NAME = 'types' ORDER BY ORDINAL_POSITION")) {
            types.put(row.get(0), row.get(1).toLowerCase());
        }
        assertTrue(types.size() > 25, "columns: " + types);
        return types;
    }

    private static List<List<String>> values(EmbeddedServer server, String sql) throws SQLException {
        try (Connection c = Fixtures.connect(server); Statement s = c.createStatement()) {
            s.execute("SET time_zone = '+00:00'");
            try (ResultSet rs = s.executeQuery(sql)) {
                List<List<String>> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(java.util.Arrays.asList(rs.getString(1), rs.getString(2)));
                }
                return rows;
            }
        }
    }

    private static Object json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            return text;
        }
    }

    static void clearCopyState(String database) throws SQLException {
        Fixtures.execute(SharedServers.mySqlTarget(), "CREATE DATABASE IF NOT EXISTS `_dbshift`",
                "DROP TABLE IF EXISTS `_dbshift`.`copy_slice`", "DROP TABLE IF EXISTS `_dbshift`.`copy_table`");
    }
}
