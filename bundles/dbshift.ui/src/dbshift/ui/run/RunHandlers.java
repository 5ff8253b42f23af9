package dbshift.ui.run;

import java.util.EnumSet;
import java.util.Set;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import dbshift.core.project.MigrationProject;
import dbshift.core.script.Phase;
import dbshift.core.script.Script;
import dbshift.ui.assess.FindingMarkers;
import dbshift.ui.internal.DBShiftUiPlugin;
import dbshift.ui.internal.ProjectHandler;
import dbshift.ui.project.MigrationProjects;
import dbshift.ui.views.MigrationResultsView;

/** Migration > Deploy Script and Migration > Migrate Data: confirm, then run as jobs with progress and cancel. */
public final class RunHandlers {
    private RunHandlers() {
    }

    /** The saved reviewed script of a project, parsed; asks to save an unsaved editor of it first. */
    static Script reviewedScript(Shell shell, IProject project, ProjectSession session) throws CoreException {
        IFile file = MigrationProjects.script(project);
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        for (var ref : page.getEditorReferences()) {
            var editor = ref.getEditor(false);
            if (editor != null && editor.isDirty() && MigrationProjects.of(
                    editor.getEditorInput().getAdapter(IFile.class)) == project) {
                if (!MessageDialog.openQuestion(shell, "Unsaved Script", "Save '" + editor.getTitle() + "' first? Only the saved script is run.")) {
                    return null;
                }
                editor.doSave(null);
            }
        }
        String text = MigrationProjects.readText(file);
        if (text == null || text.isBlank()) {
            return null;
        }
        return session.targetDialect().scriptSyntax().parse(text);
    }

    static void showResults() {
        try {
            PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().showView(MigrationResultsView.ID, null,
                    IWorkbenchPage.VIEW_VISIBLE);
        } catch (PartInitException e) {
            DBShiftUiPlugin.log("cannot show the results", e);
        }
    }

    static long blocking(IProject project) {
        return java.util.Arrays.stream(FindingMarkers.of(project))
                .filter(m -> "BLOCKING".equals(m.getAttribute(FindingMarkers.ENGINE_SEVERITY, ""))).count();
    }

    /**
     * A run on the project's target: connects the session (asking for passwords), lets the subclass confirm with
     * the user and build its job, then schedules the job and shows the results. Whatever is not run forgets the
     * passwords at once.
     */
    abstract static class TargetRunHandler extends ProjectHandler {
        private final String title;
        /** The command's parameters, for confirm() of handlers that take one (e.g. a file). */
        private volatile ExecutionEvent event;

        TargetRunHandler(String title) {
            super(title);
            this.title = title;
        }

        /** Asks the user; returns the job to run, or null when there is nothing to do or the user said no. */
        abstract EngineJob confirm(Shell shell, IProject project, ProjectSession session) throws CoreException;

        /** Asks a question with the command's title and an action button; true when the user chose the action. */
        boolean ask(Shell shell, String question, String action) {
            return MessageDialog.open(MessageDialog.QUESTION, shell, title, question, SWT.NONE, action, "Cancel") == 0;
        }

        /** A parameter of the command being run, or null. */
        String parameter(String id) {
            ExecutionEvent e = event;
            return e == null ? null : e.getParameter(id);
        }

        @Override
        protected final void run(ExecutionEvent event, Shell shell, IProject project) {
            this.event = event;
            try {
                ProjectSession session = ProjectSession.prepare(shell, project, true);
                if (session == null) {
                    return;
                }
                EngineJob job = confirm(shell, project, session);
                if (job == null) {
                    session.forgetPasswords();
                    return;
                }
                job.schedule();
                showResults();
            } catch (CoreException e) {
                ErrorDialog.openError(shell, title, title + " failed for " + project.getName(), e.getStatus());
            }
        }
    }

    /** Deploys the reviewed script: before the data when the project copies data, else all of it. */
    public static final class Deploy extends TargetRunHandler {
        public Deploy() {
            super("Deploy Script");
        }

        @Override
        EngineJob confirm(Shell shell, IProject project, ProjectSession session) throws CoreException {
            Script script = reviewedScript(shell, project, session);
            if (script == null) {
                MessageDialog.openInformation(shell, "Deploy Script", "The project has no script to deploy yet: Generate Script first.");
                return null;
            }
            MigrationProject model = session.model();
            Set<Phase> phases = model.scope().includesData() ? EnumSet.copyOf(dbshift.core.run.Migration.BEFORE_DATA)
                    : EnumSet.allOf(Phase.class);
            long count = script.statements().stream().filter(s -> phases.contains(s.phase())).count();
            long rest = script.statements().size() - count;
            long blocking = blocking(project);
            String question = "Deploy " + count + " statement(s) of the reviewed script to " + model.target().name() + " ("
                    + model.target().jdbcUrl() + ")?"
                    + (rest > 0 ? "\n\nThe other " + rest + " statement(s) (indexes, foreign keys, views, routines, triggers) "
                            + "follow the data: Migrate Data runs them." : "")
                    + (blocking > 0 ? "\n\nWarning: " + blocking + " blocking finding(s) remain (see the Problems view)." : "");
            return ask(shell, question, "Deploy") && count > 0 ? new DeployJob(session, script, phases) : null;
        }
    }

    /** Copies and verifies the data, then runs what follows it. */
    public static final class MigrateData extends TargetRunHandler {
        public MigrateData() {
            super("Migrate Data");
        }

        @Override
        EngineJob confirm(Shell shell, IProject project, ProjectSession session) throws CoreException {
            MigrationProject model = session.model();
            if (!model.scope().includesData()) {
                MessageDialog.openInformation(shell, "Migrate Data", "The project '" + project.getName()
                        + "' migrates the schema only (its scope); change the scope in the project's Properties > DBShift Migration to copy data.");
                return null;
            }
            Script script = model.scope().includesSchema() ? reviewedScript(shell, project, session) : null;
            Set<Phase> afterData = MigrateDataJob.afterData(model.settings().deferTriggers());
            long after = script == null ? 0 : script.statements().stream().filter(s -> afterData.contains(s.phase())).count();
            String question = "Copy the data from " + model.source().name() + " to " + model.target().name()
                    + " with " + model.settings().jobs() + " parallel job(s), verify counts and checksums"
                    + (after > 0 ? ", and run the " + after + " statement(s) that follow the data" : "") + "?";
            return ask(shell, question, "Migrate") ? new MigrateDataJob(session, script) : null;
        }
    }

    /** Applies the changes the source made since the copy, up to where its change log is now. */
    public static final class Sync extends TargetRunHandler {
        public Sync() {
            super("Sync Changes");
        }

        @Override
        EngineJob confirm(Shell shell, IProject project, ProjectSession session) {
            MigrationProject model = session.model();
            String question = "Apply to " + model.target().name() + " every change " + model.source().name()
                    + " made since the data was copied (up to now)?\n\nRun it as often as you like; each run goes on from "
                    + "where the last one stopped. The applications may keep writing to the source.";
            return ask(shell, question, "Sync") ? new SyncJob(session) : null;
        }
    }

    /** The switch-over: last changes, the triggers and events held back, and a verification of every table. */
    public static final class Cutover extends TargetRunHandler {
        public Cutover() {
            super("Cut Over");
        }

        @Override
        EngineJob confirm(Shell shell, IProject project, ProjectSession session) throws CoreException {
            MigrationProject model = session.model();
            Script script = model.scope().includesSchema() ? reviewedScript(shell, project, session) : null;
            String question = "Cut over from " + model.source().name() + " to " + model.target().name() + "?\n\n"
                    + "Stop the applications' writes to the source first. DBShift then applies the last changes, creates "
                    + "the triggers and events held back for cutover and verifies every table: the results say whether "
                    + "the target is ready to take over.";
            int choice = new org.eclipse.jface.dialogs.MessageDialog(shell, "Cut Over", null, question
                    + "\n\nWith fallback, DBShift also records where the target's change log is at the switch, so that "
                    + "Sync Back to Source can keep the old source in step during the bake-in period.",
                    org.eclipse.jface.dialogs.MessageDialog.QUESTION, 0, "Cut Over", "Cut Over with Fallback", "Cancel").open();
            return choice == 0 || choice == 1 ? new CutoverJob(session, script, choice == 1) : null;
        }
    }

    /** Copies again exactly the slices that differ from the source, then verifies every table. */
    public static final class Repair extends TargetRunHandler {
        public Repair() {
            super("Repair Data");
        }

        @Override
        EngineJob confirm(Shell shell, IProject project, ProjectSession session) {
            MigrationProject model = session.model();
            String question = "Compare every slice of every table on " + model.target().name() + " with "
                    + model.source().name() + " and copy again exactly the slices that differ?\n\nEach slice is replaced in "
                    + "one transaction; every table is verified afterwards.";
            return ask(shell, question, "Repair") ? new RepairJob(session) : null;
        }
    }

    /** After a cutover with fallback: the target's changes since the switch, applied to the old source. */
    public static final class FallbackSync extends TargetRunHandler {
        public FallbackSync() {
            super("Sync Back to Source");
        }

        @Override
        EngineJob confirm(Shell shell, IProject project, ProjectSession session) {
            MigrationProject model = session.model();
            String question = "Apply to " + model.source().name() + " (the old source) every change made on "
                    + model.target().name() + " since the cutover (up to now)?\n\nRun it as often as you like during the "
                    + "bake-in period; each run goes on from where the last one stopped.";
            return ask(shell, question, "Sync Back") ? new FallbackSyncJob(session) : null;
        }
    }

    /** Switches back to the old source after verifying it against the target. */
    public static final class FallbackCutover extends TargetRunHandler {
        public FallbackCutover() {
            super("Fall Back");
        }

        @Override
        EngineJob confirm(Shell shell, IProject project, ProjectSession session) {
            MigrationProject model = session.model();
            String question = "Fall back from " + model.target().name() + " to " + model.source().name() + "?\n\n"
                    + "Stop the applications' writes to the target first. DBShift applies its last changes to the old source "
                    + "and verifies every table: the results say whether the old source is ready to take over again.";
            return ask(shell, question, "Fall Back") ? new FallbackCutoverJob(session) : null;
        }
    }
}
