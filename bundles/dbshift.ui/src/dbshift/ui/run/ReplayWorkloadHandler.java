package dbshift.ui.run;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IProject;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * Migration > Replay Workload…: asks for a {@code workload.json} written by {@code dbshift capture} (or takes the
 * command's file parameter) and replays it on the project's source and target.
 */
public final class ReplayWorkloadHandler extends RunHandlers.TargetRunHandler {
    public ReplayWorkloadHandler() {
        super("Replay Workload");
    }

    @Override
    EngineJob confirm(Shell shell, IProject project, ProjectSession session) {
        // the command's file parameter (tests, scripts); else a file dialog asks
        String file = parameter("dbshift.ui.path");
        if (file == null) {
            FileDialog dialog = new FileDialog(shell, SWT.OPEN);
            dialog.setText("Workload to replay (workload.json from 'dbshift capture')");
            dialog.setFilterExtensions(new String[] { "*.json", "*" });
            file = dialog.open();
        }
        if (file == null || !Files.isRegularFile(Path.of(file))) {
            return null;
        }
        return new ReplayJob(session, Path.of(file));
    }
}
