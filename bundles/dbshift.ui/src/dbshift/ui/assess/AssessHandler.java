package dbshift.ui.assess;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

import dbshift.ui.internal.ProjectSelection;
import dbshift.ui.run.ProjectSession;

/** Migration > Assess: findings of the selected project, as markers in the Problems view and the navigator. */
public final class AssessHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        Shell shell = HandlerUtil.getActiveShell(event);
        IProject project = ProjectSelection.of(event);
        if (project == null) {
            MessageDialog.openInformation(shell, "Assess", "Select a migration project first.");
            return null;
        }
        schedule(shell, project);
        return null;
    }

    /** Gathers passwords on the UI thread and starts the assessment; returns the job, or null when cancelled. */
    public static AssessJob schedule(Shell shell, IProject project) {
        try {
            ProjectSession session = ProjectSession.prepare(shell, project, false);
            if (session == null) {
                return null;
            }
            AssessJob job = new AssessJob(session);
            job.schedule();
            return job;
        } catch (CoreException e) {
            ErrorDialog.openError(shell, "Assess", "Cannot assess " + project.getName(), e.getStatus());
            return null;
        }
    }
}
