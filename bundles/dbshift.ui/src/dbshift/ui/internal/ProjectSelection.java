package dbshift.ui.internal;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;

import dbshift.ui.project.MigrationProjects;

/** The migration project a command is about: the selected element's, else the active editor's, else the only one. */
public final class ProjectSelection {
    /** Command parameter naming the project explicitly. */
    public static final String PARAMETER = "dbshift.ui.project";

    private ProjectSelection() {
    }

    public static IProject of(ExecutionEvent event) {
        String named = event.getParameter(PARAMETER);
        if (named != null) {
            return MigrationProjects.all().stream().filter(p -> p.getName().equals(named)).findFirst().orElse(null);
        }
        ISelection selection = HandlerUtil.getCurrentSelection(event);
        if (selection instanceof IStructuredSelection s && !s.isEmpty()) {
            IProject p = MigrationProjects.of(s.getFirstElement());
            if (p != null) {
                return p;
            }
        }
        IEditorPart editor = HandlerUtil.getActiveEditor(event);
        if (editor != null) {
            IFile file = editor.getEditorInput().getAdapter(IFile.class);
            IProject p = file == null ? null : MigrationProjects.of(file);
            if (p != null) {
                return p;
            }
        }
        var all = MigrationProjects.all();
        return all.size() == 1 ? all.get(0) : null;
    }
}
