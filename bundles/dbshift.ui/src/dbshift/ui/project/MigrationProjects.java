package dbshift.ui.project;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;

import dbshift.core.project.MigrationProject;
import dbshift.core.project.ProjectFile;
import dbshift.ui.internal.DBShiftUiPlugin;

/**
 * Where a migration project keeps things, and reading and writing its project file through the workspace:
 * {@code migration.dbshift}, the reviewed script {@code scripts/migration.sql}, what was generated last in
 * {@code .dbshift/} (the base for merging a regenerated script) and one folder per run under {@code runs/}.
 */
public final class MigrationProjects {
    public static final String SCRIPT = "scripts/migration.sql";
    public static final String GENERATED = ".dbshift/generated.sql";
    public static final String DEFINITIONS = ".dbshift/definitions.json";
    public static final String RUNS = "runs";

    private MigrationProjects() {
    }

    public static IFile projectFile(IProject project) {
        return project.getFile(ProjectFile.NAME);
    }

    public static IFile script(IProject project) {
        return project.getFile(SCRIPT);
    }

    public static IFile generated(IProject project) {
        return project.getFile(GENERATED);
    }

    public static IFile definitions(IProject project) {
        return project.getFile(DEFINITIONS);
    }

    public static IFolder runs(IProject project) {
        return project.getFolder(RUNS);
    }

    public static MigrationProject read(IProject project) throws CoreException {
        IFile file = projectFile(project);
        try (InputStream in = file.getContents(true)) {
            return ProjectFile.read(in);
        } catch (IOException e) {
            throw new CoreException(DBShiftUiPlugin.error(file.getFullPath() + ": " + e.getMessage(), e));
        }
    }

    public static void write(IProject project, MigrationProject model, IProgressMonitor monitor) throws CoreException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ProjectFile.write(model, out);
        } catch (IOException e) {
            throw new CoreException(DBShiftUiPlugin.error("cannot write the project file of " + project.getName(), e));
        }
        writeFile(projectFile(project), out.toByteArray(), monitor);
    }

    public static String readText(IFile file) throws CoreException {
        if (!file.exists()) {
            return null;
        }
        try (InputStream in = file.getContents(true)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CoreException(DBShiftUiPlugin.error("cannot read " + file.getFullPath() + ": " + e.getMessage(), e));
        }
    }

    public static void writeText(IFile file, String text, IProgressMonitor monitor) throws CoreException {
        writeFile(file, text.getBytes(StandardCharsets.UTF_8), monitor);
    }

    public static void writeFile(IFile file, byte[] bytes, IProgressMonitor monitor) throws CoreException {
        if (file.exists()) {
            file.setContents(new ByteArrayInputStream(bytes), IResource.KEEP_HISTORY, monitor);
        } else {
            createParents(file.getParent(), monitor);
            file.create(new ByteArrayInputStream(bytes), true, monitor);
        }
    }

    public static void createParents(org.eclipse.core.resources.IContainer c, IProgressMonitor monitor) throws CoreException {
        if (c instanceof IFolder f && !f.exists()) {
            createParents(f.getParent(), monitor);
            f.create(true, true, monitor);
        }
    }

    /** Creates the Eclipse project with the DBShift nature and its project file. */
    public static IProject create(MigrationProject model, java.net.URI location, IProgressMonitor monitor) throws CoreException {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(model.name());
        IProjectDescription description = ResourcesPlugin.getWorkspace().newProjectDescription(model.name());
        description.setLocationURI(location);
        description.setNatureIds(new String[] { MigrationNature.ID });
        project.create(description, monitor);
        project.open(monitor);
        write(project, model, monitor);
        createParents(project.getFolder("scripts"), monitor);
        createParents(runs(project), monitor);
        return project;
    }

    /** All open migration projects of the workspace. */
    public static List<IProject> all() {
        List<IProject> list = new ArrayList<>();
        for (IProject p : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
            if (MigrationNature.has(p)) {
                list.add(p);
            }
        }
        return list;
    }

    /** The migration project an element of a selection belongs to (a project, a file in it, a navigator node), or null. */
    public static IProject of(Object element) {
        if (element instanceof ProjectElement pe) {
            return pe.project();
        }
        IResource r = element instanceof IResource res ? res
                : element instanceof IAdaptable a ? a.getAdapter(IResource.class) : null;
        return r != null && MigrationNature.has(r.getProject()) ? r.getProject() : null;
    }

    /** A navigator node that belongs to a migration project. */
    public interface ProjectElement {
        IProject project();
    }
}
