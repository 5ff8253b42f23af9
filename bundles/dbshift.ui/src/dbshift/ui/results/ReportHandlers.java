package dbshift.ui.results;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorLauncher;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.HandlerUtil;

import dbshift.ui.internal.DBShiftUiPlugin;
import dbshift.ui.internal.StatusLine;
import dbshift.ui.views.MigrationResultsView;

/** Open a past run's report, and export the shown run as .json or .csv. */
public final class ReportHandlers {
    /** Parameter of Export: {@code json} or {@code csv}. */
    public static final String FORMAT = "dbshift.ui.format";
    /** Parameter of Export and Open: the file (else a file dialog asks). */
    public static final String PATH = "dbshift.ui.path";

    private ReportHandlers() {
    }

    /** Shows a report.json in the Migration Results view. */
    public static MigrationResultsView open(Path reportJson) throws IOException, PartInitException {
        RunRecord record = RunRecord.read(reportJson);
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        MigrationResultsView view = (MigrationResultsView) page.showView(MigrationResultsView.ID);
        Runs.show(record);
        view.show(record);
        return view;
    }

    /** File > Open Report…, or the selected report.json. */
    public static final class Open extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) throws ExecutionException {
            Shell shell = HandlerUtil.getActiveShell(event);
            String path = event.getParameter(PATH);
            if (path == null && HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection s
                    && s.getFirstElement() instanceof IFile f && f.getName().equals("report.json")) {
                path = f.getLocation().toOSString();
            }
            if (path == null) {
                FileDialog dialog = new FileDialog(shell, SWT.OPEN);
                dialog.setText("Open Migration Report");
                dialog.setFilterNames(new String[] { "DBShift report (report.json)", "JSON files" });
                dialog.setFilterExtensions(new String[] { "report.json", "*.json" });
                path = dialog.open();
            }
            if (path == null) {
                return null;
            }
            try {
                open(Paths.get(path));
            } catch (IOException | PartInitException | RuntimeException e) {
                ErrorDialog.openError(shell, "Open Report", "Cannot open the report " + path, DBShiftUiPlugin.error(e.getMessage(), e));
            }
            return null;
        }
    }

    /** Export the shown run as report.json or report.csv. */
    public static final class Export extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) throws ExecutionException {
            Shell shell = HandlerUtil.getActiveShell(event);
            String format = event.getParameter(FORMAT) == null ? "json" : event.getParameter(FORMAT);
            MigrationResultsView view;
            try {
                view = (MigrationResultsView) HandlerUtil.getActiveWorkbenchWindow(event).getActivePage().showView(MigrationResultsView.ID);
            } catch (PartInitException e) {
                throw new ExecutionException("cannot show the results", e);
            }
            if (view.record() == null) {
                MessageDialog.openInformation(shell, "Export Report", "No run is shown; run a step or open a report first.");
                return null;
            }
            String path = event.getParameter(PATH);
            if (path == null) {
                FileDialog dialog = new FileDialog(shell, SWT.SAVE);
                dialog.setText("Export Migration Report as " + format.toUpperCase());
                dialog.setFileName("report." + format);
                dialog.setFilterExtensions(new String[] { "*." + format });
                dialog.setOverwrite(true);
                path = dialog.open();
            }
            if (path == null) {
                return null;
            }
            try {
                view.export(Paths.get(path), format);
                StatusLine.show(view, "Report exported to " + path);
            } catch (IOException e) {
                ErrorDialog.openError(shell, "Export Report", "Cannot export the report to " + path, DBShiftUiPlugin.error(e.getMessage(), e));
            }
            return null;
        }
    }

    /** Double-click on a report.json in the navigator opens it in the Migration Results view. */
    public static final class Launcher implements IEditorLauncher {
        @Override
        public void open(IPath file) {
            try {
                ReportHandlers.open(file.toFile().toPath());
            } catch (IOException | PartInitException e) {
                ErrorDialog.openError(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), "Open Report",
                        "Cannot open the report " + file, DBShiftUiPlugin.error(e.getMessage(), e));
            }
        }
    }
}
