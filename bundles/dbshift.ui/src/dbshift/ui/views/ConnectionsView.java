package dbshift.ui.views;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;

/** The connection profiles of one side of a migration, source or target. */
public abstract class ConnectionsView extends ViewPart {
    private EmptyStatePanel panel;
    private TreeViewer viewer;

    /** "source" or "target", as the user reads it in hints. */
    protected abstract String side();

    protected abstract String examples();

    @Override
    public void createPartControl(Composite parent) {
        panel = new EmptyStatePanel(parent);
        viewer = new TreeViewer(panel.container(), SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL);
        viewer.setContentProvider(new org.eclipse.jface.viewers.ITreeContentProvider() {
            private final ArrayContentProvider flat = ArrayContentProvider.getInstance();

            @Override
            public Object[] getElements(Object input) {
                return flat.getElements(input);
            }

            @Override
            public Object[] getChildren(Object parentElement) {
                return new Object[0];
            }

            @Override
            public Object getParent(Object element) {
                return null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return false;
            }
        });
        viewer.setInput(new Object[0]);
        panel.setContent(viewer.getControl());
        panel.setHint("No " + side() + " connections yet.",
                "Add a connection profile for the database you migrate " + ("source".equals(side()) ? "from" : "to")
                        + " (" + examples() + "). Its catalog will be browsable here.",
                null);
        panel.showContent(false);
    }

    public EmptyStatePanel panel() {
        return panel;
    }

    public TreeViewer viewer() {
        return viewer;
    }

    @Override
    public void setFocus() {
        panel.control().setFocus();
    }
}
