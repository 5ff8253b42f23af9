package dbshift.ui.views;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;

/** What the last migration run did: per step and object status, rows, time, throughput and validation. */
public final class MigrationResultsView extends ViewPart {
    public static final String ID = "dbshift.ui.views.results";
    private EmptyStatePanel panel;
    private TableViewer viewer;

    @Override
    public void createPartControl(Composite parent) {
        panel = new EmptyStatePanel(parent);
        viewer = new TableViewer(panel.container(), SWT.FULL_SELECTION | SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setInput(new Object[0]);
        panel.setContent(viewer.getControl());
        panel.setHint("No migration has run yet.",
                "Assess, deploy or migrate data from a migration project, or open a report.json written by "
                        + "'dbshift migrate --out DIR'; per-object status, rows, throughput and validation appear here.",
                null);
        panel.showContent(false);
    }

    public EmptyStatePanel panel() {
        return panel;
    }

    @Override
    public void setFocus() {
        panel.control().setFocus();
    }
}
