package dbshift.ui.connections;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.ElementListSelectionDialog;
import org.eclipse.ui.handlers.HandlerUtil;

import dbshift.core.project.ConnectionProfile;
import dbshift.core.project.MigrationProject;
import dbshift.ui.connections.CatalogNode.ProfileNode;
import dbshift.ui.internal.DBShiftUiPlugin;
import dbshift.ui.internal.StatusLine;
import dbshift.ui.project.MigrationProjects;
import dbshift.ui.views.ConnectionsView;
import dbshift.ui.views.SourceConnectionsView;
import dbshift.ui.views.TargetConnectionsView;

/** The commands of the Source and Target Connections views. */
public final class ConnectionHandlers {
    /** Command parameter: {@code source} or {@code target}, when the command is not run from a Connections view. */
    public static final String SIDE_PARAMETER = "dbshift.ui.side";
    /** Command parameter of Link: the migration project's name (else a dialog asks). */
    public static final String PROJECT_PARAMETER = "dbshift.ui.project";

    private ConnectionHandlers() {
    }

    static ConnectionsView view(ExecutionEvent event, Side side) {
        IWorkbenchPart part = HandlerUtil.getActivePart(event);
        if (part instanceof ConnectionsView v && (side == null || v.connectionSide() == side)) {
            return v;
        }
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        if (window == null || side == null) {
            return null;
        }
        try {
            IViewPart v = window.getActivePage().showView(side == Side.SOURCE ? SourceConnectionsView.ID : TargetConnectionsView.ID);
            return v instanceof ConnectionsView cv ? cv : null;
        } catch (PartInitException e) {
            return null;
        }
    }

    static ProfileNode selectedProfile(ExecutionEvent event) {
        var selection = HandlerUtil.getCurrentSelection(event);
        if (selection instanceof IStructuredSelection s && s.getFirstElement() instanceof CatalogNode n) {
            return n.profileNode();
        }
        return null;
    }

    static Side side(ExecutionEvent event) {
        String p = event.getParameter(SIDE_PARAMETER);
        if (p != null) {
            return "target".equalsIgnoreCase(p) ? Side.TARGET : Side.SOURCE;
        }
        IWorkbenchPart part = HandlerUtil.getActivePart(event);
        return part instanceof ConnectionsView v ? v.connectionSide() : Side.SOURCE;
    }

    /** New profile. */
    public static final class Add extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) {
            Side side = side(event);
            ConnectionDialog dialog = new ConnectionDialog(HandlerUtil.getActiveShell(event), side, null);
            if (dialog.open() == Window.OK && dialog.result() != null) {
                reveal(event, side, dialog.result());
                StatusLine.show(HandlerUtil.getActivePart(event), "Saved connection " + dialog.result().name());
            }
            return null;
        }
    }

    static void reveal(ExecutionEvent event, Side side, ConnectionProfile profile) {
        ConnectionsView v = view(event, side);
        if (v != null) {
            v.viewer().getControl().getDisplay().asyncExec(() -> {
                ProfileNode node = v.node(profile.id());
                if (node != null) {
                    v.viewer().setSelection(new StructuredSelection(node), true);
                }
            });
        }
    }

    /** Edit the selected profile. */
    public static final class Edit extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) {
            ProfileNode node = selectedProfile(event);
            if (node == null) {
                return null;
            }
            ConnectionDialog dialog = new ConnectionDialog(HandlerUtil.getActiveShell(event), node.side(), node.profile());
            if (dialog.open() == Window.OK) {
                ConnectionsView v = view(event, node.side());
                if (v != null && v.node(node.profile().id()) != null) {
                    v.refresh(v.node(node.profile().id()));
                }
            }
            return null;
        }
    }

    /** A copy of the selected profile, password included (in secure storage). */
    public static final class Duplicate extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) throws ExecutionException {
            ProfileNode node = selectedProfile(event);
            if (node == null) {
                return null;
            }
            ConnectionProfile copy = node.profile().duplicate(node.profile().name() + " (copy)");
            char[] pw = ConnectionSecrets.load(node.profile().id());
            if (pw != null) {
                try {
                    ConnectionSecrets.store(copy.id(), pw);
                } catch (StorageException e) {
                    throw new ExecutionException("cannot copy the password of " + node.profile().name() + ": " + e.getMessage(), e);
                }
            }
            ConnectionStore.get().save(node.side(), copy);
            reveal(event, node.side(), copy);
            return null;
        }
    }

    /** Delete the selected profile and its stored password, after asking. */
    public static final class Delete extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) {
            ProfileNode node = selectedProfile(event);
            if (node == null) {
                return null;
            }
            if (MessageDialog.openConfirm(HandlerUtil.getActiveShell(event), "Delete Connection", "Delete the connection '"
                    + node.profile().name() + "' and its saved password? Projects linked to it keep their copy (without password).")) {
                ConnectionStore.get().remove(node.profile().id());
            }
            return null;
        }
    }

    /** Connect once, in a job, and say what answered or why not. */
    public static final class Test extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) {
            ProfileNode node = selectedProfile(event);
            if (node == null) {
                return null;
            }
            Shell shell = HandlerUtil.getActiveShell(event);
            char[] pw = Passwords.obtain(shell, node.profile());
            if (pw == null) {
                return null;
            }
            ConnectionProfile profile = node.profile();
            IWorkbenchPart part = HandlerUtil.getActivePart(event);
            Job job = Job.create("Testing connection " + profile.name(), (IProgressMonitor monitor) -> {
                try {
                    String ok = ConnectionTester.test(node.side(), profile, pw);
                    shell.getDisplay().asyncExec(() -> {
                        StatusLine.show(part, profile.name() + ": " + ok);
                        MessageDialog.openInformation(shell, "Test Connection", profile.name() + ": " + ok);
                    });
                } catch (RuntimeException e) {
                    shell.getDisplay().asyncExec(() -> ErrorDialog.openError(shell, "Test Connection",
                            "The connection '" + profile.name() + "' failed.", DBShiftUiPlugin.error(e.getMessage(), e)));
                }
                return Status.OK_STATUS;
            });
            job.setUser(true);
            job.schedule();
            return null;
        }
    }

    /** Forget what was loaded and reconnect on the next expansion. */
    public static final class Refresh extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) {
            ProfileNode node = selectedProfile(event);
            ConnectionsView v = node == null ? null : view(event, node.side());
            if (v != null) {
                v.refresh(node);
            }
            return null;
        }
    }

    /** Use the selected profile as the source or target of a migration project. */
    public static final class Link extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) throws ExecutionException {
            ProfileNode node = selectedProfile(event);
            if (node == null) {
                return null;
            }
            Shell shell = HandlerUtil.getActiveShell(event);
            List<IProject> projects = MigrationProjects.all();
            if (projects.isEmpty()) {
                MessageDialog.openInformation(shell, "Link to Migration Project",
                        "There is no migration project yet. Create one with File > New > Migration Project.");
                return null;
            }
            IProject chosen = null;
            String named = event.getParameter(PROJECT_PARAMETER);
            if (named != null) {
                chosen = projects.stream().filter(p -> p.getName().equals(named)).findFirst().orElse(null);
            } else {
                ElementListSelectionDialog dialog = new ElementListSelectionDialog(shell, new LabelProvider() {
                    @Override
                    public String getText(Object element) {
                        return ((IProject) element).getName();
                    }
                });
                dialog.setTitle("Link to Migration Project");
                dialog.setMessage("Use '" + node.profile().name() + "' as the " + node.side().role() + " of:");
                dialog.setElements(projects.toArray());
                dialog.setMultipleSelection(false);
                if (dialog.open() == Window.OK) {
                    chosen = (IProject) dialog.getFirstResult();
                }
            }
            if (chosen == null) {
                return null;
            }
            link(chosen, node.side(), node.profile());
            StatusLine.show(HandlerUtil.getActivePart(event), node.profile().name() + " is now the " + node.side().role() + " of "
                    + chosen.getName());
            return null;
        }
    }

    /** Writes a profile (without password) into a project's file as its source or target. */
    public static void link(IProject project, Side side, ConnectionProfile profile) throws ExecutionException {
        try {
            MigrationProject model = MigrationProjects.read(project);
            model = side == Side.SOURCE ? model.withSource(profile) : model.withTarget(profile);
            MigrationProjects.write(project, model, null);
        } catch (CoreException e) {
            throw new ExecutionException("cannot link " + profile.name() + " to " + project.getName() + ": " + e.getMessage(), e);
        }
    }

}
