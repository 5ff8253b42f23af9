package dbshift.ui.connections;

import org.eclipse.jface.viewers.DelegatingStyledCellLabelProvider.IStyledLabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StyledString;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

import dbshift.ui.connections.CatalogNode.ProfileNode;
import dbshift.ui.internal.DBShiftUiPlugin;

/** Names in black, what they are (type, count, server) in grey; a failed connection shows the error icon. */
public final class CatalogLabelProvider extends LabelProvider implements IStyledLabelProvider {

    @Override
    public StyledString getStyledText(Object element) {
        CatalogNode n = (CatalogNode) element;
        StyledString s = new StyledString(n.label());
        if (n.detail() != null) {
            s.append("  " + n.detail(), StyledString.DECORATIONS_STYLER);
        }
        return s;
    }

    @Override
    public String getText(Object element) {
        return getStyledText(element).getString();
    }

    @Override
    public Image getImage(Object element) {
        CatalogNode n = (CatalogNode) element;
        if (n instanceof ProfileNode p && p.error() != null) {
            return PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJS_ERROR_TSK);
        }
        if (n.image() == null) {
            return n.label().startsWith("Loading") ? null
                    : PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJS_WARN_TSK);
        }
        return DBShiftUiPlugin.image(n.image());
    }
}
