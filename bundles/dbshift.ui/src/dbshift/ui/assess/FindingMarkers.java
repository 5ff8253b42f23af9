package dbshift.ui.assess;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;

import dbshift.core.assess.Finding;
import dbshift.ui.project.MigrationProjects;

/**
 * Assessment findings as problem markers on a project's migration.dbshift: they show in the Problems view and in
 * the Migration Navigator, with the rule id, the object and the fix hint; a quick fix where the engine names one.
 */
public final class FindingMarkers {
    public static final String TYPE = "dbshift.ui.finding";
    public static final String RULE_ID = "ruleId";
    public static final String OBJECT_TYPE = "objectType";
    public static final String OBJECT = "object";
    public static final String FIX_HINT = "fixHint";
    public static final String QUICK_FIX = "quickFix";
    public static final String ENGINE_SEVERITY = "engineSeverity";

    private FindingMarkers() {
    }

    /** Replaces the project's finding markers with these findings. */
    public static void replace(IProject project, List<Finding> findings) throws CoreException {
        IFile file = MigrationProjects.projectFile(project);
        // one resource delta for the whole set, so views refresh once and never see half of it
        org.eclipse.core.resources.ResourcesPlugin.getWorkspace().run(monitor -> write(file, findings), file, 0, null);
    }

    private static void write(IFile file, List<Finding> findings) throws CoreException {
        file.deleteMarkers(TYPE, true, IResource.DEPTH_ZERO);
        for (Finding f : findings) {
            IMarker m = file.createMarker(TYPE);
            m.setAttribute(IMarker.MESSAGE, "[" + f.ruleId() + "] " + f.objectType() + " " + f.object() + ": " + f.message()
                    + (f.fixHint() == null ? "" : " Fix: " + f.fixHint()));
            m.setAttribute(IMarker.SEVERITY, switch (f.severity()) {
                case BLOCKING, ERROR -> IMarker.SEVERITY_ERROR;
                case WARNING -> IMarker.SEVERITY_WARNING;
                case INFO -> IMarker.SEVERITY_INFO;
            });
            m.setAttribute(IMarker.LOCATION, f.objectType() + " " + f.object());
            m.setAttribute(RULE_ID, f.ruleId());
            m.setAttribute(OBJECT_TYPE, f.objectType());
            m.setAttribute(OBJECT, f.object());
            m.setAttribute(ENGINE_SEVERITY, f.severity().name());
            if (f.fixHint() != null) {
                m.setAttribute(FIX_HINT, f.fixHint());
            }
            if (f.quickFix() != null) {
                m.setAttribute(QUICK_FIX, f.quickFix());
            }
        }
    }

    public static IMarker[] of(IProject project) {
        try {
            IFile file = MigrationProjects.projectFile(project);
            return file.exists() ? file.findMarkers(TYPE, true, IResource.DEPTH_ZERO) : new IMarker[0];
        } catch (CoreException e) {
            return new IMarker[0];
        }
    }
}
