package dbshift.ui.navigator;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.dialogs.ElementListSelectionDialog;
import org.eclipse.ui.handlers.HandlerUtil;

import dbshift.core.project.ConnectionProfile;
import dbshift.ui.connections.ConnectionHandlers;
import dbshift.ui.connections.ConnectionStore;
import dbshift.ui.navigator.MigrationNodes.EndpointNode;

/** From the navigator's Source or Target node: choose which connection profile the project uses there. */
public final class LinkConnectionHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        if (!(HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection s)
                || !(s.getFirstElement() instanceof EndpointNode node)) {
            return null;
        }
        Shell shell = HandlerUtil.getActiveShell(event);
        List<ConnectionProfile> profiles = ConnectionStore.get().profiles(node.side());
        if (profiles.isEmpty()) {
            MessageDialog.openInformation(shell, "Link Connection", "There is no " + node.side().role()
                    + " connection yet: add one in the " + node.side().title() + " Connections view.");
            return null;
        }
        ElementListSelectionDialog dialog = new ElementListSelectionDialog(shell, new LabelProvider() {
            @Override
            public String getText(Object element) {
                return ((ConnectionProfile) element).describe();
            }
        });
        dialog.setTitle("Link " + node.side().title() + " Connection");
        dialog.setMessage("The " + node.side().role() + " of " + node.project().getName() + ":");
        dialog.setElements(profiles.toArray());
        if (dialog.open() == Window.OK && dialog.getFirstResult() instanceof ConnectionProfile p) {
            ConnectionHandlers.link(node.project(), node.side(), p);
        }
        return null;
    }
}
