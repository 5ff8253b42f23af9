package dbshift.ui.navigator;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;

import dbshift.core.project.ConnectionProfile;
import dbshift.ui.connections.Side;
import dbshift.ui.project.MigrationProjects.ProjectElement;

/** The nodes the Migration Navigator adds under a migration project, beside its files. */
public final class MigrationNodes {
    private MigrationNodes() {
    }

    /** The project's source or target; {@code profile} is null while none is linked. */
    public record EndpointNode(IProject project, Side side, ConnectionProfile profile) implements ProjectElement {
    }

    /** The assessment findings of a project (its finding markers). */
    public record FindingsNode(IProject project) implements ProjectElement {
    }

    /** One finding. */
    public record FindingNode(IProject project, IMarker marker) implements ProjectElement {
    }
}
