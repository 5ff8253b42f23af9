package dbshift.ui.run;

import org.eclipse.core.resources.IProject;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

import dbshift.core.project.MigrationProject;

/** Migration &gt; Run on Kafka Connect…: asks where the cluster is, then runs {@link ConnectPipelineJob}. */
public final class RunOnKafkaConnect extends RunHandlers.TargetRunHandler {
    public RunOnKafkaConnect() {
        super("Run on Kafka Connect");
    }

    @Override
    EngineJob confirm(Shell shell, IProject project, ProjectSession session) {
        MigrationProject model = session.model();
        ConnectPipelineDialog dialog = new ConnectPipelineDialog(shell, project.getName(), Math.max(1, model.settings().jobs()));
        if (dialog.open() != Window.OK) {
            return null;
        }
        return new ConnectPipelineJob(session, dialog.options());
    }
}
