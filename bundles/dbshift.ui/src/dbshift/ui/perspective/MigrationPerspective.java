package dbshift.ui.perspective;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

import dbshift.ui.navigator.MigrationNavigator;
import dbshift.ui.views.MigrationResultsView;
import dbshift.ui.views.SourceConnectionsView;
import dbshift.ui.views.TargetConnectionsView;

/**
 * Source on the left, target on the right, the schema diff editor between them and the results underneath:
 * the layout follows the direction a migration runs.
 */
public final class MigrationPerspective implements IPerspectiveFactory {
    public static final String ID = "dbshift.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editors = layout.getEditorArea();
        layout.setEditorAreaVisible(true);

        IFolderLayout navigator = layout.createFolder("dbshift.navigatorFolder", IPageLayout.LEFT, 0.25f, editors);
        navigator.addView(MigrationNavigator.ID);
        IFolderLayout sources = layout.createFolder("dbshift.sourceFolder", IPageLayout.BOTTOM, 0.5f, "dbshift.navigatorFolder");
        sources.addView(SourceConnectionsView.ID);

        IFolderLayout targets = layout.createFolder("dbshift.targetFolder", IPageLayout.RIGHT, 0.7f, editors);
        targets.addView(TargetConnectionsView.ID);
        // the script's outline opens under the target when asked for (Window > Show View > Outline)
        layout.addPlaceholder(IPageLayout.ID_OUTLINE, IPageLayout.BOTTOM, 0.55f, "dbshift.targetFolder");

        IFolderLayout results = layout.createFolder("dbshift.resultsFolder", IPageLayout.BOTTOM, 0.62f, editors);
        results.addView(MigrationResultsView.ID);
        results.addPlaceholder(dbshift.ui.views.ReplayWorkloadView.ID);
        results.addPlaceholder(IPageLayout.ID_PROBLEM_VIEW);
        results.addPlaceholder(IPageLayout.ID_PROGRESS_VIEW);

        layout.addNewWizardShortcut(dbshift.ui.project.NewMigrationProjectWizard.ID);
        layout.addShowViewShortcut(MigrationNavigator.ID);
        layout.addShowViewShortcut(SourceConnectionsView.ID);
        layout.addShowViewShortcut(TargetConnectionsView.ID);
        layout.addShowViewShortcut(MigrationResultsView.ID);
        layout.addShowViewShortcut(dbshift.ui.views.ReplayWorkloadView.ID);
        layout.addShowViewShortcut(IPageLayout.ID_PROBLEM_VIEW);
        layout.addShowViewShortcut(IPageLayout.ID_PROGRESS_VIEW);
        layout.addShowViewShortcut(IPageLayout.ID_OUTLINE);
        layout.addPerspectiveShortcut(ID);
    }
}
