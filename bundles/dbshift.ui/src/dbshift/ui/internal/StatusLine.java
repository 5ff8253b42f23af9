package dbshift.ui.internal;

import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPart;

/** Short messages in the status line of the part the user works in. */
public final class StatusLine {
    private StatusLine() {
    }

    public static void show(IWorkbenchPart part, String message) {
        if (part instanceof IViewPart v) {
            v.getViewSite().getActionBars().getStatusLineManager().setMessage(message);
        } else if (part instanceof IEditorPart e) {
            e.getEditorSite().getActionBars().getStatusLineManager().setMessage(message);
        }
    }
}
