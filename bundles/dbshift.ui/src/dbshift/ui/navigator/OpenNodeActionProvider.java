package dbshift.ui.navigator;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.navigator.CommonActionProvider;
import org.eclipse.ui.navigator.ICommonActionConstants;
import org.eclipse.jface.viewers.StructuredSelection;

import dbshift.ui.connections.Side;
import dbshift.ui.internal.DBShiftUiPlugin;
import dbshift.ui.navigator.MigrationNodes.EndpointNode;
import dbshift.ui.navigator.MigrationNodes.FindingNode;
import dbshift.ui.navigator.MigrationNodes.FindingsNode;
import dbshift.ui.views.ConnectionsView;
import dbshift.ui.views.SourceConnectionsView;
import dbshift.ui.views.TargetConnectionsView;

/**
 * Double-click on a migration node: a finding opens the schema diff editor at its object, the findings open the
 * Problems view, a source or target shows its profile in the Connections view.
 */
public final class OpenNodeActionProvider extends CommonActionProvider {
    private final Action open = new Action("Open") {
        @Override
        public void run() {
            openSelection();
        }
    };

    @Override
    public void fillActionBars(IActionBars actionBars) {
        Object first = selection().getFirstElement();
        if (first instanceof EndpointNode || first instanceof FindingsNode || first instanceof FindingNode) {
            actionBars.setGlobalActionHandler(ICommonActionConstants.OPEN, open);
        }
    }

    private IStructuredSelection selection() {
        var s = getContext() == null ? null : getContext().getSelection();
        return s instanceof IStructuredSelection ss ? ss : StructuredSelection.EMPTY;
    }

    void openSelection() {
        Object first = selection().getFirstElement();
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        try {
            if (first instanceof FindingNode f) {
                IDE.openEditor(page, f.marker());
            } else if (first instanceof FindingsNode) {
                page.showView(org.eclipse.ui.IPageLayout.ID_PROBLEM_VIEW);
            } else if (first instanceof EndpointNode e && e.profile() != null) {
                var view = page.showView(e.side() == Side.SOURCE ? SourceConnectionsView.ID : TargetConnectionsView.ID);
                if (view instanceof ConnectionsView cv && cv.node(e.profile().id()) != null) {
                    cv.viewer().setSelection(new StructuredSelection(cv.node(e.profile().id())), true);
                }
            }
        } catch (PartInitException e) {
            DBShiftUiPlugin.log("cannot open " + first + ": " + e.getMessage(), e);
        }
    }
}
