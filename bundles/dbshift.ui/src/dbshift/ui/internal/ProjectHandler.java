package dbshift.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

/** A command on one migration project: finds it (see {@link ProjectSelection}) or says to select one first. */
public abstract class ProjectHandler extends AbstractHandler {
    private final String title;

    protected ProjectHandler(String title) {
        this.title = title;
    }

    @Override
    public final Object execute(ExecutionEvent event) throws ExecutionException {
        Shell shell = HandlerUtil.getActiveShell(event);
        IProject project = ProjectSelection.of(event);
        if (project == null) {
            MessageDialog.openInformation(shell, title, "Select a migration project first (in the Migration Navigator).");
            return null;
        }
        run(event, shell, project);
        return null;
    }

    protected abstract void run(ExecutionEvent event, Shell shell, IProject project) throws ExecutionException;
}
