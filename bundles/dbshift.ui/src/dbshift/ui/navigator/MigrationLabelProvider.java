package dbshift.ui.navigator;

import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.navigator.IDescriptionProvider;

import dbshift.ui.assess.FindingMarkers;
import dbshift.ui.connections.Side;
import dbshift.ui.internal.DBShiftUiPlugin;
import dbshift.ui.navigator.MigrationNodes.EndpointNode;
import dbshift.ui.navigator.MigrationNodes.FindingNode;
import dbshift.ui.navigator.MigrationNodes.FindingsNode;

/** Labels of the navigator's migration nodes; the description goes to the status line. */
public final class MigrationLabelProvider extends LabelProvider implements IDescriptionProvider {

    @Override
    public String getText(Object element) {
        if (element instanceof EndpointNode e) {
            return e.side().title() + ": " + (e.profile() == null ? "(not linked)" : e.profile().describe());
        }
        if (element instanceof FindingsNode f) {
            IMarker[] markers = FindingMarkers.of(f.project());
            long errors = java.util.Arrays.stream(markers).filter(m -> m.getAttribute(IMarker.SEVERITY, 0) == IMarker.SEVERITY_ERROR).count();
            return markers.length == 0 ? "Findings (not assessed yet)" : "Findings (" + markers.length + ", " + errors + " error(s))";
        }
        if (element instanceof FindingNode f) {
            return f.marker().getAttribute(IMarker.MESSAGE, "");
        }
        return null;
    }

    @Override
    public Image getImage(Object element) {
        if (element instanceof EndpointNode e) {
            return DBShiftUiPlugin.image(e.side() == Side.SOURCE ? DBShiftUiPlugin.IMG_SOURCE : DBShiftUiPlugin.IMG_TARGET);
        }
        if (element instanceof FindingsNode) {
            return DBShiftUiPlugin.image(DBShiftUiPlugin.IMG_FINDINGS);
        }
        if (element instanceof FindingNode f) {
            ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
            return switch (f.marker().getAttribute(IMarker.SEVERITY, IMarker.SEVERITY_INFO)) {
                case IMarker.SEVERITY_ERROR -> images.getImage(ISharedImages.IMG_OBJS_ERROR_TSK);
                case IMarker.SEVERITY_WARNING -> images.getImage(ISharedImages.IMG_OBJS_WARN_TSK);
                default -> images.getImage(ISharedImages.IMG_OBJS_INFO_TSK);
            };
        }
        return null;
    }

    @Override
    public String getDescription(Object element) {
        if (element instanceof FindingNode f) {
            String hint = f.marker().getAttribute(FindingMarkers.FIX_HINT, null);
            return f.marker().getAttribute(FindingMarkers.RULE_ID, "") + " " + f.marker().getAttribute(IMarker.LOCATION, "")
                    + (hint == null ? "" : " - fix: " + hint);
        }
        if (element instanceof EndpointNode e) {
            return e.profile() == null ? "Link a " + e.side().role() + " connection from the " + e.side().title() + " Connections view"
                    : e.profile().jdbcUrl();
        }
        return getText(element);
    }
}
