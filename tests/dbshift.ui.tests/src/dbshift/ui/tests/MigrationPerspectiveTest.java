package dbshift.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import dbshift.ui.navigator.MigrationNavigator;
import dbshift.ui.perspective.MigrationPerspective;
import dbshift.ui.views.ConnectionsView;
import dbshift.ui.views.EmptyStatePanel;
import dbshift.ui.views.MigrationResultsView;
import dbshift.ui.views.SourceConnectionsView;
import dbshift.ui.views.TargetConnectionsView;

/** The product opens on the migration perspective with its four parts visible, each with a useful empty state. */
class MigrationPerspectiveTest {

    @Test
    void productOpensOnTheMigrationPerspective() {
        IWorkbenchPage page = UiTestSupport.page();
        assertEquals(MigrationPerspective.ID, page.getPerspective().getId());
        assertEquals(MigrationPerspective.ID, PlatformUI.getWorkbench().getPerspectiveRegistry().getDefaultPerspective());
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        assertTrue(shell.getText().contains("DBShift"), shell.getText());
    }

    @Test
    void allFourPartsAreVisibleWithTheirEmptyStateHints() {
        IWorkbenchPage page = UiTestSupport.page();
        page.resetPerspective();
        UiTestSupport.settle(200);

        EmptyStatePanel navigator = visible(page, MigrationNavigator.ID, MigrationNavigator.class).panel();
        EmptyStatePanel sources = visible(page, SourceConnectionsView.ID, ConnectionsView.class).panel();
        EmptyStatePanel targets = visible(page, TargetConnectionsView.ID, ConnectionsView.class).panel();
        EmptyStatePanel results = visible(page, MigrationResultsView.ID, MigrationResultsView.class).panel();

        assertHint(navigator, "No migration projects yet", "File > New > Migration Project");
        assertHint(sources, "No source connections yet", "migrate from");
        assertHint(targets, "No target connections yet", "migrate to");
        assertHint(results, "No migration has run yet", "report.json");

        Path shot = Screenshots.save("migration-perspective-empty");
        assertTrue(Files.exists(shot));
    }

    private static <T extends IViewPart> T visible(IWorkbenchPage page, String id, Class<T> type) {
        IViewPart part = page.findView(id);
        assertTrue(part != null, id + " is not open in the perspective");
        assertTrue(page.isPartVisible(part), id + " is open but hidden behind another part");
        assertTrue(type.isInstance(part), id + " is " + part.getClass());
        return type.cast(part);
    }

    private static void assertHint(EmptyStatePanel panel, String title, String nextStep) {
        assertTrue(panel.isShowingHint(), "the empty part shows no hint");
        assertTrue(panel.control().isVisible(), "the part's body is not visible");
        String text = panel.hintText();
        assertTrue(text.contains(title), text);
        assertTrue(text.contains(nextStep), text);
    }
}
