package dbshift.ui.navigator;

import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;

import dbshift.ui.navigator.MigrationNodes.EndpointNode;
import dbshift.ui.navigator.MigrationNodes.FindingsNode;

/** Under a migration project: Source, Target and Findings first, then the files and folders by name. */
public final class MigrationSorter extends ViewerComparator {
    @Override
    public int category(Object element) {
        if (element instanceof EndpointNode e) {
            return e.side().ordinal();
        }
        if (element instanceof FindingsNode) {
            return 2;
        }
        return 3;
    }

    @Override
    public int compare(Viewer viewer, Object a, Object b) {
        int c = Integer.compare(category(a), category(b));
        return c != 0 ? c : super.compare(viewer, a, b);
    }
}
