package dbshift.ui.editor;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import dbshift.ui.internal.ProjectHandler;
import dbshift.ui.project.MigrationProjects;
import dbshift.ui.run.ProjectSession;

/** Migration > Generate Script: (re)generates the reviewed script, keeping the reviewer's edits where they still apply. */
public final class GenerateScriptHandler extends ProjectHandler {
    public GenerateScriptHandler() {
        super("Generate Script");
    }

    @Override
    protected void run(ExecutionEvent event, Shell shell, IProject project) {
        schedule(shell, project);
    }

    /** Saves unsaved edits of the project's script first (the merge works on the saved script), then generates. */
    public static GenerateScriptJob schedule(Shell shell, IProject project) {
        var window = org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (window != null && window.getActivePage() != null) {
            for (var ref : window.getActivePage().getEditorReferences()) {
                var editor = ref.getEditor(false);
                if (editor != null && editor.isDirty() && MigrationProjects.of(
                        editor.getEditorInput().getAdapter(org.eclipse.core.resources.IFile.class)) == project) {
                    if (!MessageDialog.openQuestion(shell, "Generate Script", "Save the changes to '" + editor.getTitle()
                            + "' first? The regenerated script keeps your saved edits.")) {
                        return null;
                    }
                    editor.doSave(null);
                }
            }
        }
        try {
            ProjectSession session = ProjectSession.prepare(shell, project, false);
            if (session == null) {
                return null;
            }
            GenerateScriptJob job = new GenerateScriptJob(session);
            // a fresh script is validated at once, so that its markers are there when the reviewer opens it
            job.addJobChangeListener(new org.eclipse.core.runtime.jobs.JobChangeAdapter() {
                @Override
                public void done(org.eclipse.core.runtime.jobs.IJobChangeEvent event) {
                    if (event.getResult().isOK() && !shell.isDisposed()) {
                        shell.getDisplay().asyncExec(() -> {
                            try {
                                String text = MigrationProjects.readText(MigrationProjects.script(project));
                                if (text != null && !shell.isDisposed()) {
                                    ValidateScriptHandler.schedule(shell, project, text, false);
                                }
                            } catch (CoreException e) {
                                dbshift.ui.internal.DBShiftUiPlugin.log("cannot validate the new script of " + project.getName(), e);
                            }
                        });
                    }
                }
            });
            job.schedule();
            return job;
        } catch (CoreException e) {
            ErrorDialog.openError(shell, "Generate Script", "Cannot generate the script of " + project.getName(), e.getStatus());
            return null;
        }
    }
}
