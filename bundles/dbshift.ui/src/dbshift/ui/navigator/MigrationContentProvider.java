package dbshift.ui.navigator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredViewer;
import org.eclipse.jface.viewers.Viewer;

import dbshift.core.project.MigrationProject;
import dbshift.ui.assess.FindingMarkers;
import dbshift.ui.connections.ConnectionStore;
import dbshift.ui.connections.Side;
import dbshift.ui.navigator.MigrationNodes.EndpointNode;
import dbshift.ui.navigator.MigrationNodes.FindingNode;
import dbshift.ui.navigator.MigrationNodes.FindingsNode;
import dbshift.ui.project.MigrationNature;
import dbshift.ui.project.MigrationProjects;

/**
 * Adds Source, Target and Findings under each migration project (the files — scripts and runs with their reports —
 * come from the resource content), and refreshes them when the project file or its markers change.
 */
public final class MigrationContentProvider implements ITreeContentProvider, IResourceChangeListener {
    private StructuredViewer viewer;

    @Override
    public void inputChanged(Viewer v, Object oldInput, Object newInput) {
        if (viewer == null && v instanceof StructuredViewer sv) {
            ResourcesPlugin.getWorkspace().addResourceChangeListener(this, IResourceChangeEvent.POST_CHANGE);
        }
        viewer = v instanceof StructuredViewer sv ? sv : null;
    }

    @Override
    public void dispose() {
        ResourcesPlugin.getWorkspace().removeResourceChangeListener(this);
    }

    @Override
    public Object[] getElements(Object input) {
        return getChildren(input);
    }

    @Override
    public Object[] getChildren(Object parent) {
        if (parent instanceof IProject p && MigrationNature.has(p)) {
            MigrationProject model = null;
            try {
                model = MigrationProjects.read(p);
            } catch (CoreException e) {
                // a broken project file still shows the project's files; the problem shows when it is opened
            }
            List<Object> kids = new ArrayList<>();
            kids.add(new EndpointNode(p, Side.SOURCE, model == null ? null : ConnectionStore.get().current(model.source())));
            kids.add(new EndpointNode(p, Side.TARGET, model == null ? null : ConnectionStore.get().current(model.target())));
            kids.add(new FindingsNode(p));
            return kids.toArray();
        }
        if (parent instanceof FindingsNode f) {
            IMarker[] markers = FindingMarkers.of(f.project());
            return Arrays.stream(markers)
                    .sorted(Comparator.comparingInt((IMarker m) -> -m.getAttribute(IMarker.SEVERITY, 0))
                            .thenComparing(m -> m.getAttribute(IMarker.MESSAGE, "")))
                    .map(m -> new FindingNode(f.project(), m)).toArray();
        }
        return new Object[0];
    }

    @Override
    public Object getParent(Object element) {
        if (element instanceof EndpointNode e) {
            return e.project();
        }
        if (element instanceof FindingsNode f) {
            return f.project();
        }
        if (element instanceof FindingNode f) {
            return new FindingsNode(f.project());
        }
        return null;
    }

    @Override
    public boolean hasChildren(Object element) {
        if (element instanceof FindingsNode f) {
            return FindingMarkers.of(f.project()).length > 0;
        }
        return element instanceof IProject p && MigrationNature.has(p);
    }

    @Override
    public void resourceChanged(IResourceChangeEvent event) {
        if (viewer == null || event.getDelta() == null) {
            return;
        }
        List<IProject> changed = new ArrayList<>();
        for (IResourceDelta projectDelta : event.getDelta().getAffectedChildren()) {
            IResourceDelta file = projectDelta.findMember(new org.eclipse.core.runtime.Path(dbshift.core.project.ProjectFile.NAME));
            if (file != null) {
                boolean markers = Arrays.stream(file.getMarkerDeltas()).anyMatch(d -> isFinding(d));
                if (markers || (file.getFlags() & IResourceDelta.CONTENT) != 0 || file.getKind() != IResourceDelta.CHANGED) {
                    changed.add((IProject) projectDelta.getResource());
                }
            }
        }
        if (!changed.isEmpty() && viewer.getControl() != null && !viewer.getControl().isDisposed()) {
            viewer.getControl().getDisplay().asyncExec(() -> {
                if (!viewer.getControl().isDisposed()) {
                    changed.forEach(p -> viewer.refresh(p, true));
                }
            });
        }
    }

    private static boolean isFinding(IMarkerDelta d) {
        return FindingMarkers.TYPE.equals(d.getType());
    }
}
