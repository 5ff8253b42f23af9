package dbshift.sqlserver.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWiring;

import dbshift.core.engine.SqlResources;
import dbshift.sqlserver.SqlServerChangeCapture;
import dbshift.sqlserver.SqlServerDialect;
import dbshift.sybase.SybaseDialect;
import dbshift.core.model.Catalog;
import dbshift.core.model.Table;
import dbshift.core.sync.SourcePosition;

/**
 * The SQL the SQL Server dialect sends to a live server, checked without one: every catalog query in its
 * {@code sql/} folder and the change tracking read parse with the independent T-SQL grammar.
 */
class SqlServerQueriesTest {

    @Test
    void everyCatalogQueryParses() {
        ScriptCheck.assertParses("the SQL Server reader's catalog queries", queries(SqlServerDialect.class, 30));
    }

    /** SAP ASE speaks an older Transact-SQL; its catalog queries keep to what both servers accept. */
    @Test
    void everySybaseCatalogQueryParses() {
        ScriptCheck.assertParses("the SAP ASE reader's catalog queries", queries(SybaseDialect.class, 9));
    }

    /** The queries in {@code sql/} beside a dialect: the class path's resources, wherever the build put them. */
    private static List<String> queries(Class<?> dialect, int atLeast) {
        String folder = dialect.getPackageName().replace('.', '/') + "/sql";
        Collection<String> files = FrameworkUtil.getBundle(dialect).adapt(BundleWiring.class).listResources(folder, "*.sql", 0);
        assertTrue(files.size() >= atLeast, "the reader's queries are found in " + folder + ": " + files);
        List<String> queries = new ArrayList<>();
        for (String path : files) {
            String name = path.substring(path.lastIndexOf('/') + 1, path.length() - ".sql".length());
            queries.add(SqlResources.load(dialect, name));
        }
        return queries;
    }

    @Test
    void changeTrackingReadsTheKeysChangedUpToAVersion() {
        Catalog sales = Resources.readTSql(Resources.text("sales.sql"));
        Table lines = sales.tables().stream().filter(t -> t.name().name().equals("OrderLines")).findFirst().orElseThrow();
        Table odd = sales.tables().stream().filter(t -> t.name().name().startsWith("Odd Name")).findFirst().orElseThrow();
        String query = SqlServerChangeCapture.changesQuery(lines, List.of("OrderID", "LineNo"));
        assertEquals("SELECT CT.[OrderID], CT.[LineNo] FROM CHANGETABLE(CHANGES [sales].[OrderLines], ?) AS CT "
                + "WHERE CT.SYS_CHANGE_VERSION <= ?", query);
        String oddQuery = SqlServerChangeCapture.changesQuery(odd, odd.primaryKey().columnNames());
        assertTrue(oddQuery.contains("CHANGES [dbo].[Odd Name ]] Table]"), oddQuery);
        // the grammar checks literals where the driver binds parameters
        ScriptCheck.assertParses("change tracking reads", List.of(query.replace("?", "42"), oddQuery.replace("?", "42")));
    }

    @Test
    void changeTrackingPositionsCompareAsVersionNumbers() {
        assertTrue(new SourcePosition("ct:9").compareTo(new SourcePosition("ct:10")) < 0);
        assertTrue(new SourcePosition("ct:100").compareTo(new SourcePosition("ct:99")) > 0);
        assertEquals(0, new SourcePosition("ct:7").compareTo(new SourcePosition("ct:7")));
        assertFalse(new SourcePosition("ct:7").equals(new SourcePosition("ct:8")));
    }
}
