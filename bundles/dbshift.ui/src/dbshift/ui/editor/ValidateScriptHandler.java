package dbshift.ui.editor;

import java.sql.Connection;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;

import dbshift.core.engine.Dialect;
import dbshift.core.engine.Endpoint;
import dbshift.core.project.ScriptValidator;
import dbshift.ui.internal.DBShiftUiPlugin;
import dbshift.ui.internal.ProjectHandler;
import dbshift.ui.preferences.MigrationPreferences;
import dbshift.ui.project.MigrationProjects;
import dbshift.ui.run.EngineJob;
import dbshift.ui.run.ProjectSession;

/**
 * Validates a project's script with the engine: parse with the target dialect's script syntax and, with a linked
 * target (and the preference on), a dry run of each statement there. Problems become markers on the script.
 */
public final class ValidateScriptHandler extends ProjectHandler {
    public ValidateScriptHandler() {
        super("Validate Script");
    }

    private static volatile ScriptValidator.Result last;

    @Override
    protected void run(ExecutionEvent event, Shell shell, IProject project) {
        String text = null;
        IEditorPart editor = HandlerUtil.getActiveEditor(event);
        SqlEditor sql = editor instanceof SqlEditor s ? s : editor instanceof SchemaDiffEditor d ? d.scriptEditor() : null;
        if (sql != null && sql.file() != null && sql.file().equals(MigrationProjects.script(project))) {
            text = sql.text();
        }
        try {
            if (text == null) {
                text = MigrationProjects.readText(MigrationProjects.script(project));
            }
        } catch (CoreException e) {
            ErrorDialog.openError(shell, "Validate Script", "Cannot read the script of " + project.getName(), e.getStatus());
            return;
        }
        schedule(shell, project, text == null ? "" : text, true);
    }

    /** Validation after a save: silent unless it cannot even start. */
    static void validateQuietly(Shell shell, IProject project, String text) {
        schedule(shell, project, text, false);
    }

    static Job schedule(Shell shell, IProject project, String text, boolean user) {
        ProjectSession session;
        try {
            session = ProjectSession.prepare(shell, project, false);
        } catch (CoreException e) {
            // no source linked yet: the script can still be parsed, offline
            session = null;
        }
        ProjectSession s = session;
        Job job = new Job("Validate the script of " + project.getName()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    Dialect dialect = s != null ? s.targetDialect()
                            : dbshift.core.engine.Dialects.require(dbshift.core.engine.Dialects
                                    .targetKind(MigrationProjects.read(project).targetKind()).dialect());
                    Endpoint target = s != null && s.hasTarget() && MigrationPreferences.dryRunOnValidate() ? s.targetEndpoint() : null;
                    ScriptValidator.Result result;
                    if (target != null) {
                        try (Connection c = target.open()) {
                            result = ScriptValidator.validate(text, dialect, c, monitor::isCanceled);
                        }
                    } else {
                        result = ScriptValidator.validate(text, dialect, null, monitor::isCanceled);
                    }
                    ScriptMarkers.replaceProblems(MigrationProjects.script(project), result.problems());
                    last = result;
                    String summary = "Validated: " + result.summary();
                    shell.getDisplay().asyncExec(() -> {
                        var window = org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow();
                        if (window != null && window.getActivePage() != null) {
                            dbshift.ui.internal.StatusLine.show(window.getActivePage().getActivePart(), summary);
                        }
                    });
                    return Status.OK_STATUS;
                } catch (Exception e) {
                    return DBShiftUiPlugin.error("Cannot validate the script of " + project.getName() + ": " + e.getMessage(), e);
                } finally {
                    if (s != null) {
                        s.forgetPasswords();
                    }
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == EngineJob.FAMILY;
            }
        };
        job.setUser(user);
        job.setRule(project);
        job.schedule();
        return job;
    }

    /** What the last validation found (for the status line and tests). */
    public static ScriptValidator.Result last() {
        return last;
    }
}
