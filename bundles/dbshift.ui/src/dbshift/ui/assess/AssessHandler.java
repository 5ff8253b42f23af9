package dbshift.ui.assess;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.swt.widgets.Shell;

import dbshift.ui.internal.ProjectHandler;
import dbshift.ui.run.ProjectSession;

/** Migration > Assess: findings of the selected project, as markers in the Problems view and the navigator. */
public final class AssessHandler extends ProjectHandler {
    public AssessHandler() {
        super("Assess");
    }

    @Override
    protected void run(ExecutionEvent event, Shell shell, IProject project) {
        schedule(shell, project);
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
