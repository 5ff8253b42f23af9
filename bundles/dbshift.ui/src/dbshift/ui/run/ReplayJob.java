package dbshift.ui.run;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import dbshift.core.replay.NameMap;
import dbshift.core.replay.ReplayOptions;
import dbshift.core.replay.ReplayReport;
import dbshift.core.replay.ReplayResult;
import dbshift.core.replay.WorkloadFile;
import dbshift.core.replay.WorkloadReplay;
import dbshift.core.run.Migration;
import dbshift.ui.views.ReplayWorkloadView;

/**
 * Replays a captured workload on the project's source and target (names mapped through the project's conversion),
 * writes replay.json/.csv/.html into the project's {@code runs/} folder and shows the Replay Workload view.
 */
public final class ReplayJob extends EngineJob {
    private final Path workload;
    private final AtomicReference<ReplayResult> result = new AtomicReference<>();

    public ReplayJob(ProjectSession session, Path workload) {
        super("Replay Workload", "replay", session);
        this.workload = workload;
    }

    @Override
    protected boolean writesReport() {
        return false;
    }

    @Override
    protected void work(Migration migration) throws Exception {
        NameMap names;
        try {
            names = NameMap.of(migration.convert().tableNames());
        } catch (RuntimeException e) {
            names = NameMap.identity();
        }
        result.set(new WorkloadReplay(migration.sourceEndpoint(), migration.targetEndpoint(), names, ReplayOptions.defaults())
                .cancelWhen(() -> migration.run().progress().isCancelled()).replay(WorkloadFile.read(workload)));
    }

    @Override
    protected void after(Migration migration, Throwable failure, IProgressMonitor monitor) throws CoreException {
        ReplayResult r = result.get();
        if (r == null) {
            return;
        }
        IFolder runs = session.project().getFolder("runs");
        IFolder folder = runs.getFolder("replay-" + java.time.LocalDateTime.now().format(
                java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try {
            ReplayReport.write(r, folder.getLocation().toFile().toPath());
        } catch (java.io.IOException e) {
            throw new CoreException(dbshift.ui.internal.DBShiftUiPlugin.error("cannot write the replay report: " + e.getMessage(), e));
        }
        session.project().refreshLocal(IResource.DEPTH_INFINITE, monitor);
        Display.getDefault().asyncExec(() -> {
            try {
                ReplayWorkloadView view = (ReplayWorkloadView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
                        .showView(ReplayWorkloadView.ID);
                view.show(r);
            } catch (PartInitException | RuntimeException e) {
                // the report files are there all the same
            }
        });
    }

    /** The replay's outcome once the job is done. */
    public ReplayResult result() {
        return result.get();
    }
}
