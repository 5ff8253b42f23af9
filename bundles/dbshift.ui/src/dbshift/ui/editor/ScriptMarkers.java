package dbshift.ui.editor;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;

import dbshift.core.project.ScriptValidator;

/**
 * Markers on a migration script: validation problems (what the engine's parse and the target's dry run found) and
 * review conflicts (an object edited by the reviewer whose regenerated definition differs).
 */
public final class ScriptMarkers {
    public static final String PROBLEM = "dbshift.ui.scriptProblem";
    public static final String CONFLICT = "dbshift.ui.scriptConflict";
    public static final String OBJECT_KEY = "objectKey";

    private ScriptMarkers() {
    }

    public static void replaceProblems(IFile script, List<ScriptValidator.Problem> problems) throws CoreException {
        org.eclipse.core.resources.ResourcesPlugin.getWorkspace().run(m -> writeProblems(script, problems), script, 0, null);
    }

    private static void writeProblems(IFile script, List<ScriptValidator.Problem> problems) throws CoreException {
        script.deleteMarkers(PROBLEM, false, IResource.DEPTH_ZERO);
        for (ScriptValidator.Problem p : problems) {
            IMarker m = script.createMarker(PROBLEM);
            m.setAttribute(IMarker.MESSAGE, p.message());
            m.setAttribute(IMarker.LINE_NUMBER, p.line());
            m.setAttribute(IMarker.LOCATION, "line " + p.line() + ", " + p.objectKey());
            m.setAttribute(OBJECT_KEY, p.objectKey());
            m.setAttribute(IMarker.SEVERITY, switch (p.severity()) {
                case ERROR -> IMarker.SEVERITY_ERROR;
                case WARNING -> IMarker.SEVERITY_WARNING;
                case INFO -> IMarker.SEVERITY_INFO;
            });
        }
    }

    public static void replaceConflicts(IFile script, String text, List<String> conflicts) throws CoreException {
        org.eclipse.core.resources.ResourcesPlugin.getWorkspace().run(m -> writeConflicts(script, text, conflicts), script, 0, null);
    }

    private static void writeConflicts(IFile script, String text, List<String> conflicts) throws CoreException {
        script.deleteMarkers(CONFLICT, false, IResource.DEPTH_ZERO);
        for (String key : conflicts) {
            IMarker m = script.createMarker(CONFLICT);
            m.setAttribute(IMarker.MESSAGE, key + " changed on the source (or in the conversion) since you edited it; your edit is kept. "
                    + "Compare it with the regenerated definition, then keep it or take the regenerated statements (Quick Fix).");
            m.setAttribute(IMarker.LINE_NUMBER, Math.max(1, ScriptValidator.headerLine(text, key)));
            m.setAttribute(IMarker.LOCATION, key);
            m.setAttribute(OBJECT_KEY, key);
            m.setAttribute(IMarker.SEVERITY, IMarker.SEVERITY_WARNING);
        }
    }

    public static IMarker[] conflicts(IFile script) {
        try {
            return script.exists() ? script.findMarkers(CONFLICT, false, IResource.DEPTH_ZERO) : new IMarker[0];
        } catch (CoreException e) {
            return new IMarker[0];
        }
    }

    public static IMarker[] problems(IFile script) {
        try {
            return script.exists() ? script.findMarkers(PROBLEM, false, IResource.DEPTH_ZERO) : new IMarker[0];
        } catch (CoreException e) {
            return new IMarker[0];
        }
    }
}
