package dbshift.ui.project;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.runtime.CoreException;

/** Marks an Eclipse project as a DBShift migration project (it has a migration.dbshift file at its root). */
public final class MigrationNature implements IProjectNature {
    public static final String ID = "dbshift.ui.migrationNature";

    private IProject project;

    @Override
    public void configure() throws CoreException {
        // nothing to install: the navigator, markers and editors key on the nature and the project file
    }

    @Override
    public void deconfigure() throws CoreException {
    }

    @Override
    public IProject getProject() {
        return project;
    }

    @Override
    public void setProject(IProject value) {
        this.project = value;
    }

    public static boolean has(IProject project) {
        try {
            return project != null && project.isOpen() && project.hasNature(ID);
        } catch (CoreException e) {
            return false;
        }
    }
}
