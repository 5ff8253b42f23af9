package dbshift.ui.assess;

import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;

import dbshift.core.assess.Finding;
import dbshift.core.run.Migration;
import dbshift.ui.run.EngineJob;
import dbshift.ui.run.ProjectSession;

/** Reads the source (and the target, when linked), runs the target kind's rules and turns the findings into markers. */
public final class AssessJob extends EngineJob {
    private volatile List<Finding> findings;

    public AssessJob(ProjectSession session) {
        super("Assess " + session.project().getName(), "assess", session);
    }

    @Override
    protected void work(Migration migration) {
        findings = migration.assess();
    }

    @Override
    protected void after(Migration migration, Throwable failure, IProgressMonitor monitor) throws CoreException {
        if (findings != null) {
            FindingMarkers.replace(session.project(), findings);
        }
    }

    public List<Finding> findings() {
        return findings;
    }
}
