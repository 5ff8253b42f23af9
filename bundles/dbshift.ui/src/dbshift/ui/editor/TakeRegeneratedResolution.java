package dbshift.ui.editor;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.eclipse.ui.PlatformUI;

import dbshift.core.engine.Dialects;
import dbshift.core.project.MigrationProject;
import dbshift.core.project.ScriptMerge;
import dbshift.core.script.Script;
import dbshift.core.script.ScriptSyntax;
import dbshift.ui.internal.DBShiftUiPlugin;
import dbshift.ui.project.MigrationProjects;

/** Quick fix of a review conflict: replace the reviewer's statements of the object by the regenerated ones. */
public final class TakeRegeneratedResolution implements IMarkerResolutionGenerator2 {

    @Override
    public boolean hasResolutions(IMarker marker) {
        return marker.getAttribute(ScriptMarkers.OBJECT_KEY, null) != null;
    }

    @Override
    public IMarkerResolution[] getResolutions(IMarker marker) {
        return new IMarkerResolution[] { new Take(marker.getAttribute(ScriptMarkers.OBJECT_KEY, "")) };
    }

    static final class Take implements IMarkerResolution2 {
        private final String key;

        Take(String key) {
            this.key = key;
        }

        @Override
        public String getLabel() {
            return "Take the regenerated statements of " + key;
        }

        @Override
        public String getDescription() {
            return "Replaces your edit of " + key + " in the script by what DBShift generated last.";
        }

        @Override
        public org.eclipse.swt.graphics.Image getImage() {
            return DBShiftUiPlugin.image(DBShiftUiPlugin.IMG_SCRIPT);
        }

        @Override
        public void run(IMarker marker) {
            IFile script = (IFile) marker.getResource();
            IProject project = script.getProject();
            try {
                MigrationProject model = MigrationProjects.read(project);
                ScriptSyntax syntax = Dialects.require(Dialects.targetKind(model.targetKind()).dialect()).scriptSyntax();
                Script reviewed = syntax.parse(MigrationProjects.readText(script));
                Script generated = syntax.parse(MigrationProjects.readText(MigrationProjects.generated(project)));
                Script merged = ScriptMerge.replace(reviewed, key, ScriptMerge.statementsOf(generated, key));
                MigrationProjects.writeText(script, syntax.render(merged), null);
                marker.delete();
            } catch (CoreException | RuntimeException e) {
                ErrorDialog.openError(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), "Quick Fix",
                        "Cannot take the regenerated statements of " + key, DBShiftUiPlugin.error(e.getMessage(), e));
            }
        }
    }
}
