package dbshift.ui.run;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.widgets.Shell;

import dbshift.core.engine.Dialect;
import dbshift.core.engine.Dialects;
import dbshift.core.engine.Endpoint;
import dbshift.core.engine.TargetKind;
import dbshift.core.project.ConnectionProfile;
import dbshift.core.project.MigrationProject;
import dbshift.core.project.ReviewedCatalog;
import dbshift.core.run.Migration;
import dbshift.ui.connections.ConnectionStore;
import dbshift.ui.connections.Passwords;
import dbshift.ui.internal.DBShiftUiPlugin;
import dbshift.ui.project.MigrationProjects;

/**
 * What a job needs to run the engine for a project, gathered on the UI thread (the project file, the current
 * connection profiles, their passwords); {@link #open()} then connects, in the job.
 */
public final class ProjectSession {
    private final IProject project;
    private final MigrationProject model;
    private final ConnectionProfile source;
    private final ConnectionProfile target;
    private final char[] sourcePassword;
    private final char[] targetPassword;

    private ProjectSession(IProject project, MigrationProject model, ConnectionProfile source, ConnectionProfile target,
            char[] sourcePassword, char[] targetPassword) {
        this.project = project;
        this.model = model;
        this.source = source;
        this.target = target;
        this.sourcePassword = sourcePassword;
        this.targetPassword = targetPassword;
    }

    /**
     * Reads the project and asks for the passwords not in secure storage. Returns null when the user cancelled a
     * prompt; throws with a message saying what to link first when a needed connection is missing.
     */
    public static ProjectSession prepare(Shell shell, IProject project, boolean needsTarget) throws CoreException {
        MigrationProject model = MigrationProjects.read(project);
        ConnectionProfile source = ConnectionStore.get().current(model.source());
        ConnectionProfile target = ConnectionStore.get().current(model.target());
        if (source == null) {
            throw new CoreException(DBShiftUiPlugin.error("The project '" + project.getName() + "' has no source connection yet: "
                    + "select a profile in the Source Connections view and choose Link to Migration Project.", null));
        }
        if (needsTarget && target == null) {
            throw new CoreException(DBShiftUiPlugin.error("The project '" + project.getName() + "' has no target connection yet: "
                    + "select a profile in the Target Connections view and choose Link to Migration Project.", null));
        }
        char[] sp = Passwords.obtain(shell, source);
        if (sp == null) {
            return null;
        }
        char[] tp = null;
        if (target != null) {
            tp = Passwords.obtain(shell, target);
            if (tp == null) {
                return null;
            }
        }
        return new ProjectSession(project, model.withSource(source).withTarget(target), source, target, sp, tp);
    }

    /**
     * The same connections and passwords with another project model (e.g. the schema diff editor's, with a type
     * override not saved yet); the connection profiles stay this session's.
     */
    public ProjectSession withModel(MigrationProject other) {
        return new ProjectSession(project, other.withSource(source).withTarget(target), source, target, sourcePassword,
                targetPassword);
    }

    public IProject project() {
        return project;
    }

    public MigrationProject model() {
        return model;
    }

    public boolean hasTarget() {
        return target != null;
    }

    public TargetKind targetKind() {
        return Dialects.targetKind(model.targetKind());
    }

    public Dialect targetDialect() {
        return Dialects.require(targetKind().dialect());
    }

    /** Connects both ends (in a job) and returns the migration with the reviewer's choices applied. */
    public Migration open() {
        Endpoint src = Migration.connect("source", source.toSpec(sourcePassword));
        Endpoint tgt = target == null ? null : Migration.connectTarget(target.toSpec(targetPassword));
        return Migration.live(src, tgt, targetKind(), model.toOptions()).mapDatabases(model.databaseMap())
                .adjust(ReviewedCatalog.of(model, targetDialect()));
    }

    /** The target endpoint alone (for validating a script), or null without a target. */
    public Endpoint targetEndpoint() {
        return target == null ? null : Migration.connectTarget(target.toSpec(targetPassword));
    }

    public void forgetPasswords() {
        if (sourcePassword != null) {
            java.util.Arrays.fill(sourcePassword, '\0');
        }
        if (targetPassword != null) {
            java.util.Arrays.fill(targetPassword, '\0');
        }
    }

}
