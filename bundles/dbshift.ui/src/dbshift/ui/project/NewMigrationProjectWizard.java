package dbshift.ui.project;

import java.lang.reflect.InvocationTargetException;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.WorkspaceModifyOperation;
import org.eclipse.ui.part.ISetSelectionTarget;

import dbshift.core.engine.Dialect;
import dbshift.core.engine.Dialects;
import dbshift.core.engine.TargetKind;
import dbshift.core.project.ConnectionProfile;
import dbshift.core.project.MigrationProject;
import dbshift.core.project.Scope;
import dbshift.ui.connections.ConnectionStore;
import dbshift.ui.connections.Side;
import dbshift.ui.internal.DBShiftUiPlugin;
import dbshift.ui.internal.Widgets;
import dbshift.ui.navigator.MigrationNavigator;
import dbshift.ui.preferences.MigrationPreferences;

/**
 * File > New > Migration Project: a name, the source engine, the target kind, the scope and, optionally, existing
 * connection profiles. Engines and kinds are whatever dialects are registered, so new engines appear by themselves.
 */
public final class NewMigrationProjectWizard extends Wizard implements INewWizard {
    public static final String ID = "dbshift.ui.wizards.newProject";

    private Page page;
    private IWorkbench workbench;
    private IProject created;

    public NewMigrationProjectWizard() {
        setWindowTitle("New Migration Project");
        setNeedsProgressMonitor(true);
        setDefaultPageImageDescriptor(DBShiftUiPlugin.descriptor(DBShiftUiPlugin.IMG_PROJECT));
    }

    @Override
    public void init(IWorkbench wb, IStructuredSelection selection) {
        this.workbench = wb;
    }

    @Override
    public void addPages() {
        page = new Page();
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        MigrationProject model = page.model();
        WorkspaceModifyOperation op = new WorkspaceModifyOperation() {
            @Override
            protected void execute(org.eclipse.core.runtime.IProgressMonitor monitor) throws org.eclipse.core.runtime.CoreException {
                created = MigrationProjects.create(model, null, monitor);
            }
        };
        try {
            getContainer().run(true, false, op);
        } catch (InvocationTargetException e) {
            ErrorDialog.openError(getShell(), "New Migration Project", "Cannot create the project '" + model.name() + "'",
                    DBShiftUiPlugin.error(String.valueOf(e.getCause().getMessage()), e.getCause()));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        revealInNavigator();
        return true;
    }

    private void revealInNavigator() {
        IWorkbench wb = workbench != null ? workbench : PlatformUI.getWorkbench();
        var window = wb.getActiveWorkbenchWindow();
        if (window == null || window.getActivePage() == null) {
            return;
        }
        var view = window.getActivePage().findView(MigrationNavigator.ID);
        if (view instanceof ISetSelectionTarget target) {
            target.selectReveal(new StructuredSelection(created));
        }
    }

    public IProject createdProject() {
        return created;
    }

    /** The one page: what the project migrates, from where to where. */
    static final class Page extends org.eclipse.jface.wizard.WizardPage {
        private Text name;
        private Combo sourceEngine;
        private Combo targetKind;
        private Button[] scopes;
        private Combo sourceProfile;
        private Combo targetProfile;
        private Text databaseMap;
        /** What the field was last filled with from the profiles; a user's own text is never overwritten. */
        private String suggested = "";
        private List<Dialect> sourceDialects;
        private List<TargetKind> kinds;
        private List<ConnectionProfile> sources;
        private List<ConnectionProfile> targets;

        Page() {
            super("migrationProject");
            setTitle("Migration Project");
            setDescription("Name the migration, pick the source engine, the target and what to migrate.");
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(2, false));
            new Label(c, SWT.NONE).setText("Project &name:");
            name = new Text(c, SWT.BORDER);
            name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            name.setToolTipText("The Eclipse project that holds the migration: its project file, scripts and run reports.");
            Widgets.name(name, "projectName");

            new Label(c, SWT.NONE).setText("&Source engine:");
            sourceEngine = new Combo(c, SWT.READ_ONLY);
            sourceDialects = Dialects.all().stream().filter(d -> d.catalogReader().isPresent()).toList();
            sourceDialects.forEach(d -> sourceEngine.add(d.displayName()));
            sourceEngine.select(0);
            sourceEngine.setToolTipText("The engine DBShift reads the schema and data from.");
            Widgets.name(sourceEngine, "sourceEngine");

            new Label(c, SWT.NONE).setText("&Target:");
            targetKind = new Combo(c, SWT.READ_ONLY);
            kinds = Dialects.targetKinds();
            kinds.forEach(k -> targetKind.add(k.displayName()));
            int azure = indexOf(kinds, "azure-mysql");
            targetKind.select(Math.max(0, azure));
            targetKind.setToolTipText("The kind of target decides the assessment rules and what the service refuses (e.g. SUPER on Azure).");
            Widgets.name(targetKind, "targetKind");

            Group scope = new Group(c, SWT.NONE);
            scope.setText("Scope");
            scope.setLayout(new GridLayout(3, false));
            scope.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            scopes = new Button[Scope.values().length];
            for (Scope s : Scope.values()) {
                Button b = new Button(scope, SWT.RADIO);
                b.setText(s.label());
                b.setData(s);
                b.setSelection(s == Scope.SCHEMA_AND_DATA);
                Widgets.name(b, "scope." + s.id());
                scopes[s.ordinal()] = b;
            }

            Group links = new Group(c, SWT.NONE);
            links.setText("Connections (optional; link them later from the Connections views)");
            links.setLayout(new GridLayout(2, false));
            links.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            new Label(links, SWT.NONE).setText("Source connection:");
            sources = ConnectionStore.get().profiles(Side.SOURCE);
            sourceProfile = profileCombo(links, sources, "sourceProfile");
            new Label(links, SWT.NONE).setText("Target connection:");
            targets = ConnectionStore.get().profiles(Side.TARGET);
            targetProfile = profileCombo(links, targets, "targetProfile");

            new Label(c, SWT.NONE).setText("Target &databases:");
            databaseMap = new Text(c, SWT.BORDER);
            databaseMap.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            databaseMap.setMessage("source=target, e.g. shop=shop_v2 (empty: the same names)");
            databaseMap.setToolTipText("The target database each source database goes to, SRC=DST separated by commas "
                    + "(SRC.SCHEMA=DST.SCHEMA where the unit is a schema). Views, routines, triggers, events, foreign keys, grants, "
                    + "the copy, verification and sync all follow it. A source database not named keeps its name; a single "
                    + "source database goes to the database the target connection names.");
            Widgets.name(databaseMap, "databaseMap");
            sourceProfile.addListener(SWT.Selection, e -> suggestTargetNames());
            targetProfile.addListener(SWT.Selection, e -> suggestTargetNames());

            name.addModifyListener(e -> validate());
            databaseMap.addModifyListener(e -> validate());
            setControl(c);
            setPageComplete(false);
            setErrorMessage(null);
            name.setFocus();
        }

        /**
         * Shows where the source connection's database will go (the target connection's database, or the same name),
         * ready to be edited; only while the field holds what was suggested before.
         */
        private void suggestTargetNames() {
            if (!databaseMap.getText().equals(suggested)) {
                return;
            }
            ConnectionProfile from = sourceProfile.getSelectionIndex() > 0 ? sources.get(sourceProfile.getSelectionIndex() - 1) : null;
            ConnectionProfile to = targetProfile.getSelectionIndex() > 0 ? targets.get(targetProfile.getSelectionIndex() - 1) : null;
            String db = from == null ? null : from.database();
            String targetDb = to == null || to.database() == null || to.database().isBlank() ? db : to.database();
            suggested = db == null || db.isBlank() ? "" : db + "=" + targetDb;
            databaseMap.setText(suggested);
        }

        private static Combo profileCombo(Composite parent, List<ConnectionProfile> profiles, String id) {
            Combo combo = new Combo(parent, SWT.READ_ONLY);
            combo.add("(none)");
            profiles.forEach(p -> combo.add(p.name()));
            combo.select(0);
            combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            Widgets.name(combo, id);
            return combo;
        }

        private static int indexOf(List<TargetKind> kinds, String id) {
            for (int i = 0; i < kinds.size(); i++) {
                if (kinds.get(i).id().equals(id)) {
                    return i;
                }
            }
            return -1;
        }

        private void validate() {
            String n = name.getText().trim();
            String problem = null;
            if (n.isEmpty()) {
                problem = "Enter a project name.";
            } else {
                var status = ResourcesPlugin.getWorkspace().validateName(n, org.eclipse.core.resources.IResource.PROJECT);
                if (!status.isOK()) {
                    problem = status.getMessage();
                } else if (ResourcesPlugin.getWorkspace().getRoot().getProject(n).exists()) {
                    problem = "A project named '" + n + "' exists already.";
                }
            }
            if (problem == null) {
                try {
                    dbshift.core.convert.DatabaseMap.parse(databaseMap.getText(), "Target databases");
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage();
                }
            }
            setErrorMessage(problem);
            setPageComplete(problem == null);
        }

        MigrationProject model() {
            Scope scope = Scope.SCHEMA_AND_DATA;
            for (Button b : scopes) {
                if (b.getSelection()) {
                    scope = (Scope) b.getData();
                }
            }
            MigrationProject p = MigrationProject.create(name.getText().trim(),
                    sourceDialects.get(sourceEngine.getSelectionIndex()).id(), kinds.get(targetKind.getSelectionIndex()).id(),
                    scope, MigrationPreferences.defaults());
            if (sourceProfile.getSelectionIndex() > 0) {
                p = p.withSource(sources.get(sourceProfile.getSelectionIndex() - 1));
            }
            if (targetProfile.getSelectionIndex() > 0) {
                p = p.withTarget(targets.get(targetProfile.getSelectionIndex() - 1));
            }
            return p.withSettings(p.settings().withDatabaseMap(
                    dbshift.core.convert.DatabaseMap.parse(databaseMap.getText(), "Target databases").names()));
        }
    }
}
