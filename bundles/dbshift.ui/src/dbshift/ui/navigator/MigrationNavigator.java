package dbshift.ui.navigator;

import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.navigator.CommonNavigator;

import dbshift.ui.views.EmptyStatePanel;

/** Migration projects with their source, target, findings, scripts and past runs (Common Navigator Framework). */
public final class MigrationNavigator extends CommonNavigator {
    public static final String ID = "dbshift.ui.views.navigator";
    private EmptyStatePanel panel;
    private final IResourceChangeListener projectsChanged = this::projectsChanged;

    @Override
    public void createPartControl(Composite parent) {
        panel = new EmptyStatePanel(parent);
        super.createPartControl(panel.container());
        panel.setContent(getCommonViewer().getControl());
        panel.setHint("No migration projects yet.",
                "Create one with <a>File > New > Migration Project</a>: name it, pick the source and target engines and the "
                        + "scope (schema, data or both).",
                this::newProject);
        updateEmptyState();
        getSite().getService(org.eclipse.ui.contexts.IContextService.class).activateContext("dbshift.ui.contexts.migration");
        workspace().addResourceChangeListener(projectsChanged, IResourceChangeEvent.POST_CHANGE);
    }

    private void newProject() {
        try {
            var commands = getSite().getService(org.eclipse.ui.commands.ICommandService.class);
            var command = org.eclipse.core.commands.ParameterizedCommand.generateCommand(
                    commands.getCommand("org.eclipse.ui.newWizard"),
                    java.util.Map.of("newWizardId", dbshift.ui.project.NewMigrationProjectWizard.ID));
            getSite().getService(org.eclipse.ui.handlers.IHandlerService.class).executeCommand(command, null);
        } catch (Exception e) {
            dbshift.ui.internal.DBShiftUiPlugin.log("cannot open the New Migration Project wizard", e);
        }
    }

    @Override
    protected Object getInitialInput() {
        return workspace().getRoot();
    }

    private void projectsChanged(IResourceChangeEvent event) {
        if (panel != null && !panel.control().isDisposed()) {
            panel.control().getDisplay().asyncExec(this::updateEmptyState);
        }
    }

    private void updateEmptyState() {
        if (!panel.control().isDisposed()) {
            panel.showContent(workspace().getRoot().getProjects().length > 0);
        }
    }

    public EmptyStatePanel panel() {
        return panel;
    }

    @Override
    public void dispose() {
        workspace().removeResourceChangeListener(projectsChanged);
        super.dispose();
    }

    private static IWorkspace workspace() {
        return ResourcesPlugin.getWorkspace();
    }
}
