package dbshift.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.eclipse.core.commands.Command;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.junit.jupiter.api.Test;

import dbshift.core.engine.ConnectionSpec;
import dbshift.core.engine.Endpoint;
import dbshift.core.replay.CapturedStatement;
import dbshift.core.replay.NameMap;
import dbshift.core.replay.RegressionRule;
import dbshift.core.replay.ReplayOptions;
import dbshift.core.replay.ReplayReport;
import dbshift.core.replay.ReplayResult;
import dbshift.core.replay.Workload;
import dbshift.core.replay.WorkloadReplay;
import dbshift.core.run.Migration;
import dbshift.embedded.EmbeddedServer;
import dbshift.embedded.SharedServers;
import dbshift.ui.views.ReplayWorkloadView;

/**
 * Migration > Replay Workload: a real replay (MariaDB source, MySQL 8 target that differs in one row and in
 * sql_mode) shown in the view: each statement with its status, the differing rows of the selected one, and the
 * latency chart with the statements timed on both sides.
 */
class ReplayWorkloadViewTest {

    @Test
    void theViewListsStatementsWithStatusAndChartsTheirLatency() throws Exception {
        EmbeddedServer source = SharedServers.mariaDb();
        EmbeddedServer target = SharedServers.mySqlTarget();
        for (EmbeddedServer s : List.of(source, target)) {
            execute(s, "DROP DATABASE IF EXISTS `uirpl`", "CREATE DATABASE `uirpl`",
                    "CREATE TABLE `uirpl`.`t` (`id` INT PRIMARY KEY, `grp` INT NOT NULL, `name` VARCHAR(20) NOT NULL)",
                    "INSERT INTO `uirpl`.`t` VALUES (1, 1, 'one'), (2, 1, 'two'), (3, 2, 'three')");
        }
        execute(target, "UPDATE `uirpl`.`t` SET `name` = 'TWO' WHERE `id` = 2");
        List<CapturedStatement> statements = List.of(
                statement("s1", "SELECT COUNT(*) FROM t"),
                statement("s2", "SELECT id, name FROM t ORDER BY id"),
                statement("s3", "SELECT grp, name FROM t GROUP BY grp"),
                statement("s4", "DELETE FROM t WHERE id = 3"));
        Workload workload = new Workload(Workload.VERSION, "test", "mariadb", "general_log", "now", null, null, statements, List.of());
        ReplayResult result = new WorkloadReplay(endpoint(source), endpoint(target), NameMap.identity(),
                // timings on a loaded test machine are noise: no latency threshold it could cross
                ReplayOptions.defaults().withRuns(2).withRegression(new RegressionRule(1000, 60_000))).replay(workload);
        Path dir = Files.createTempDirectory("dbshift-replay-ui");
        ReplayReport.write(result, dir);

        ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
        Command replay = commands.getCommand("dbshift.ui.replayWorkload");
        assertTrue(replay.isDefined() && replay.isHandled(), "Migration > Replay Workload… is a command with a handler");

        IWorkbenchPage page = UiTestSupport.page();
        ReplayWorkloadView view = (ReplayWorkloadView) page.showView(ReplayWorkloadView.ID);
        view.open(dir.resolve("replay.json"));
        UiTestSupport.settle(200);

        Table table = view.table().getTable();
        assertEquals(4, table.getItemCount());
        assertEquals("equal", table.getItem(0).getText(1));
        assertEquals("differs", table.getItem(1).getText(1));
        assertEquals("error_target", table.getItem(2).getText(1));
        assertEquals("not_replayable", table.getItem(3).getText(1));
        assertTrue(table.getItem(2).getText(5).contains("ONLY_FULL_GROUP_BY"), table.getItem(2).getText(5));
        assertTrue(view.summaryText().contains("4 statements, 1 equal, 1 differing, 1 failing on the target, 1 not replayable"),
                view.summaryText());
        assertEquals(2, view.chart().statements().size(), "the two statements timed on both sides are charted");
        assertTrue(view.chart().isVisible() && view.chart().getSize().y > 20, "the chart is shown");

        view.table().setSelection(new StructuredSelection(view.result().statements().get(1)), true);
        UiTestSupport.settle(100);
        String details = findDetails(view);
        assertTrue(details.contains("only on the source: (2, 'two')") && details.contains("only on the target: (2, 'TWO')"), details);
        Screenshots.save("replay-workload-view");
    }

    private static String findDetails(ReplayWorkloadView view) {
        for (org.eclipse.swt.widgets.Control c : view.table().getTable().getParent().getChildren()) {
            if (c instanceof org.eclipse.swt.widgets.Text t) {
                return t.getText();
            }
        }
        return "";
    }

    private static CapturedStatement statement(String id, String sql) {
        return new CapturedStatement(id, "uirpl", sql, sql, 1, null, null, null, 0);
    }

    private static Endpoint endpoint(EmbeddedServer server) {
        return Migration.connect("test", new ConnectionSpec(server.jdbcUrl(""), server.user(), new char[0], Map.of()));
    }

    private static void execute(EmbeddedServer server, String... sql) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", server.user());
        p.setProperty("password", "");
        String url = server.jdbcUrl("");
        java.sql.Driver d = url.startsWith("jdbc:mariadb:") ? new org.mariadb.jdbc.Driver() : new com.mysql.cj.jdbc.Driver();
        try (Connection c = d.connect(url, p); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }
}
