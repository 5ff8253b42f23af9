package dbshift.ui.assess;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.eclipse.ui.PlatformUI;

import dbshift.core.project.MigrationProject;
import dbshift.ui.internal.DBShiftUiPlugin;
import dbshift.ui.project.MigrationProjects;

/**
 * Quick fixes for findings whose rule names an option that resolves them (e.g. {@code definer=strip}): the option
 * is set in the project file and the project assessed again, so the Problems view shows what is left.
 */
public final class FindingResolutions implements IMarkerResolutionGenerator2 {

    @Override
    public boolean hasResolutions(IMarker marker) {
        return MigrationProject.canApply(marker.getAttribute(FindingMarkers.QUICK_FIX, null));
    }

    @Override
    public IMarkerResolution[] getResolutions(IMarker marker) {
        String fix = marker.getAttribute(FindingMarkers.QUICK_FIX, null);
        return MigrationProject.canApply(fix) ? new IMarkerResolution[] { new ApplyOption(fix) } : new IMarkerResolution[0];
    }

    /** Sets the option and assesses again. */
    public static final class ApplyOption implements IMarkerResolution2 {
        private final String quickFix;

        public ApplyOption(String quickFix) {
            this.quickFix = quickFix;
        }

        @Override
        public String getLabel() {
            return "Set " + quickFix + " in the migration project and assess again";
        }

        @Override
        public String getDescription() {
            return "Changes the project's option (" + quickFix + ") in migration.dbshift; the next script, deploy and copy use it. "
                    + "The project is then assessed again.";
        }

        @Override
        public org.eclipse.swt.graphics.Image getImage() {
            return DBShiftUiPlugin.image(DBShiftUiPlugin.IMG_FINDINGS);
        }

        @Override
        public void run(IMarker marker) {
            IProject project = marker.getResource().getProject();
            Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
            try {
                MigrationProject model = MigrationProjects.read(project).withQuickFix(quickFix);
                MigrationProjects.write(project, model, null);
                // findings this option resolves are gone; the new assessment confirms what is left
                for (IMarker m : FindingMarkers.of(project)) {
                    if (quickFix.equals(m.getAttribute(FindingMarkers.QUICK_FIX, null))) {
                        m.delete();
                    }
                }
            } catch (CoreException | IllegalArgumentException e) {
                ErrorDialog.openError(shell, "Quick Fix", "Cannot apply " + quickFix + " to " + project.getName(),
                        DBShiftUiPlugin.error(e.getMessage(), e));
                return;
            }
            AssessHandler.schedule(shell, project);
        }
    }
}
