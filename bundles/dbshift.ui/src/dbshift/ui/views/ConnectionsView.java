package dbshift.ui.views;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.common.NotDefinedException;
import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.DelegatingStyledCellLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.part.ViewPart;

import dbshift.core.project.ConnectionProfile;
import dbshift.ui.connections.CatalogContentProvider;
import dbshift.ui.connections.CatalogLabelProvider;
import dbshift.ui.connections.CatalogNode;
import dbshift.ui.connections.CatalogNode.ProfileNode;
import dbshift.ui.connections.ConnectionStore;
import dbshift.ui.connections.Side;
import dbshift.ui.internal.DBShiftUiPlugin;

/**
 * The connection profiles of one side of a migration, in the spirit of DTP's Data Source Explorer: add, edit,
 * duplicate, delete and test profiles; expanding one connects in a job and browses its catalog.
 */
public abstract class ConnectionsView extends ViewPart {
    public static final String ADD_COMMAND = "dbshift.ui.connection.add";

    private EmptyStatePanel panel;
    private TreeViewer viewer;
    private CatalogContentProvider content;
    private final Map<String, ProfileNode> nodes = new HashMap<>();
    private final Runnable storeChanged = this::storeChanged;

    /** "source" or "target", as the user reads it in hints. */
    protected abstract String side();

    protected abstract String examples();

    public Side connectionSide() {
        return "source".equals(side()) ? Side.SOURCE : Side.TARGET;
    }

    @Override
    public void createPartControl(Composite parent) {
        panel = new EmptyStatePanel(parent);
        viewer = new TreeViewer(panel.container(), SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL);
        content = new CatalogContentProvider(viewer);
        viewer.setContentProvider(content);
        viewer.setLabelProvider(new DelegatingStyledCellLabelProvider(new CatalogLabelProvider()) {
            @Override
            public String getToolTipText(Object element) {
                return ((CatalogNode) element).tooltip();
            }
        });
        ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.setUseHashlookup(true);
        panel.setContent(viewer.getControl());
        panel.setHint("No " + side() + " connections yet.",
                "<a>Add a connection profile</a> for the database you migrate " + ("source".equals(side()) ? "from" : "to")
                        + " (" + examples() + "). Its catalog will be browsable here.",
                this::addConnection);
        viewer.addDoubleClickListener(e -> {
            Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (first != null && viewer.isExpandable(first)) {
                viewer.setExpandedState(first, !viewer.getExpandedState(first));
            }
        });
        MenuManager menu = new MenuManager("#PopupMenu");
        menu.add(new GroupMarker("connection"));
        menu.add(new Separator("link"));
        menu.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        getSite().registerContextMenu(menu, viewer);
        getSite().setSelectionProvider(viewer);
        ConnectionStore.get().addListener(storeChanged);
        getSite().getService(org.eclipse.ui.contexts.IContextService.class).activateContext("dbshift.ui.contexts.connections");
        setInput();
    }

    private void addConnection() {
        try {
            getSite().getService(IHandlerService.class).executeCommand(ADD_COMMAND, null);
        } catch (NotDefinedException e) {
            DBShiftUiPlugin.log("the Add Connection command is missing", e);
        } catch (Exception e) {
            DBShiftUiPlugin.log("cannot add a connection: " + e.getMessage(), e);
        }
    }

    private void storeChanged() {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            viewer.getControl().getDisplay().asyncExec(() -> {
                if (!viewer.getControl().isDisposed()) {
                    setInput();
                }
            });
        }
    }

    private void setInput() {
        List<ProfileNode> list = new ArrayList<>();
        Map<String, ProfileNode> keep = new HashMap<>();
        for (ConnectionProfile p : ConnectionStore.get().profiles(connectionSide())) {
            ProfileNode node = nodes.get(p.id());
            if (node == null || !node.profile().equals(p)) {
                if (node != null) {
                    content.forget(p.id());
                }
                node = newNode(p);
            }
            keep.put(p.id(), node);
            list.add(node);
        }
        nodes.clear();
        nodes.putAll(keep);
        Object[] expanded = viewer.getExpandedElements();
        viewer.setInput(list);
        viewer.setExpandedElements(expanded);
        panel.showContent(!list.isEmpty());
    }

    private ProfileNode newNode(ConnectionProfile p) {
        return dbshift.ui.connections.CatalogNodes.profile(connectionSide(), p);
    }

    /** The tree node of a profile, or null. */
    public ProfileNode node(String profileId) {
        return nodes.get(profileId);
    }

    /** Drops what a profile loaded and reconnects on the next expansion. */
    public void refresh(ProfileNode node) {
        content.forget(node.profile().id());
        node.reset();
        viewer.refresh(node, true);
        viewer.setExpandedState(node, false);
    }

    public EmptyStatePanel panel() {
        return panel;
    }

    public TreeViewer viewer() {
        return viewer;
    }

    @Override
    public void setFocus() {
        if (panel.isShowingHint()) {
            panel.hintLink().setFocus();
        } else {
            viewer.getControl().setFocus();
        }
    }

    @Override
    public void dispose() {
        ConnectionStore.get().removeListener(storeChanged);
        super.dispose();
    }
}
