package dbshift.ui.project;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.PropertyPage;

import dbshift.core.engine.Dialects;
import dbshift.core.engine.TargetKind;
import dbshift.core.project.MigrationProject;
import dbshift.core.project.Scope;
import dbshift.core.run.MigrationOptions.DefinerMode;
import dbshift.core.run.MigrationOptions.ZeroDates;
import dbshift.ui.internal.DBShiftUiPlugin;
import dbshift.ui.internal.Widgets;

/**
 * Project > Properties > DBShift Migration: the target, the scope and the options a project runs with, written to
 * its migration.dbshift.
 */
public final class MigrationPropertyPage extends PropertyPage {
    public static final String ID = "dbshift.ui.properties.migration";

    private MigrationProject model;
    private List<TargetKind> kinds;
    private Combo target;
    private Button[] scopes;
    private Combo definer;
    private Text definerUser;
    private Combo zeroDates;
    private Spinner jobs;
    private Spinner chunkRows;
    private Button continueOnError;
    private Button deferTriggers;
    private Text schemas;
    private Text databaseMap;

    private IProject project() {
        return getElement().getAdapter(IProject.class);
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        try {
            model = MigrationProjects.read(project());
        } catch (CoreException e) {
            new Label(c, SWT.WRAP).setText("The project file cannot be read: " + e.getMessage());
            return c;
        }
        label(c, "Source engine:");
        new Label(c, SWT.NONE).setText(Dialects.byId(model.sourceEngine()).map(d -> d.displayName()).orElse(model.sourceEngine())
                + (model.source() == null ? "" : " (" + model.source().name() + ")"));
        label(c, "&Target:");
        target = new Combo(c, SWT.READ_ONLY);
        kinds = Dialects.targetKinds();
        kinds.forEach(k -> target.add(k.displayName()));
        for (int i = 0; i < kinds.size(); i++) {
            if (kinds.get(i).id().equals(model.targetKind())) {
                target.select(i);
            }
        }
        Widgets.name(target, "targetKind");
        label(c, "Scope:");
        Composite scope = new Composite(c, SWT.NONE);
        scope.setLayout(new GridLayout(3, false));
        scopes = new Button[Scope.values().length];
        for (Scope s : Scope.values()) {
            Button b = new Button(scope, SWT.RADIO);
            b.setText(s.label());
            b.setData(s);
            b.setSelection(s == model.scope());
            Widgets.name(b, "scope." + s.id());
            scopes[s.ordinal()] = b;
        }
        label(c, "&DEFINER clauses:");
        definer = combo(c, "definer", DefinerMode.values(), model.settings().definer().ordinal(),
                "Strip: objects run as the deploying user (what Azure needs). Keep: as on the source. Rewrite: to the user below.");
        label(c, "Rewrite DEFINER &to:");
        definerUser = new Text(c, SWT.BORDER);
        definerUser.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        definerUser.setText(model.settings().definerUser() == null ? "" : model.settings().definerUser());
        definerUser.setMessage("the deploying user");
        label(c, "&Zero dates:");
        zeroDates = combo(c, "zeroDates", ZeroDates.values(), model.settings().zeroDates().ordinal(),
                "Keep '0000-00-00' as it is, or copy it as NULL");
        label(c, "Parallel &jobs:");
        jobs = new Spinner(c, SWT.BORDER);
        jobs.setValues(model.settings().jobs(), 1, 64, 0, 1, 4);
        Widgets.name(jobs, "jobs");
        label(c, "&Rows per copy slice (0 = automatic):");
        chunkRows = new Spinner(c, SWT.BORDER);
        chunkRows.setValues(model.settings().chunkRows(), 0, 100_000_000, 0, 10_000, 100_000);
        Widgets.name(chunkRows, "chunkRows");
        new Label(c, SWT.NONE);
        continueOnError = new Button(c, SWT.CHECK);
        continueOnError.setText("&Continue deploying after a failed statement");
        continueOnError.setSelection(model.settings().continueOnError());
        Widgets.name(continueOnError, "continueOnError");
        new Label(c, SWT.NONE);
        deferTriggers = new Button(c, SWT.CHECK);
        deferTriggers.setText("Create triggers and events at cut&over");
        deferTriggers.setToolTipText("Migrate Data leaves triggers and events out, so that changes applied by Sync Changes do not "
                + "fire them on the target a second time; Cut Over creates them");
        deferTriggers.setSelection(model.settings().deferTriggers());
        Widgets.name(deferTriggers, "deferTriggers");
        label(c, "D&atabases to migrate:");
        schemas = new Text(c, SWT.BORDER);
        schemas.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        schemas.setText(String.join(", ", model.settings().schemas()));
        schemas.setMessage("all, or the source profile's database");
        schemas.setToolTipText("Comma-separated database names; empty migrates the source profile's database, or all user databases");
        Widgets.name(schemas, "schemas");
        label(c, "Target data&bases:");
        databaseMap = new Text(c, SWT.BORDER);
        databaseMap.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        databaseMap.setText(dbshift.core.convert.DatabaseMap.of(model.settings().databaseMap()).text());
        databaseMap.setMessage("source=target, e.g. shop=shop_v2 (empty: the same names)");
        databaseMap.setToolTipText("The target database each source database goes to (SRC=DST, separated by commas); every "
                + "reference follows. A source database not named keeps its name.");
        databaseMap.addModifyListener(e -> {
            try {
                dbshift.core.convert.DatabaseMap.parse(databaseMap.getText(), "Target databases");
                setErrorMessage(null);
                setValid(true);
            } catch (IllegalArgumentException ex) {
                setErrorMessage(ex.getMessage());
                setValid(false);
            }
        });
        Widgets.name(databaseMap, "databaseMap");
        return c;
    }

    private static void label(Composite c, String text) {
        new Label(c, SWT.NONE).setText(text);
    }

    private static Combo combo(Composite c, String name, Enum<?>[] values, int selected, String tooltip) {
        Combo combo = new Combo(c, SWT.READ_ONLY);
        for (Enum<?> v : values) {
            combo.add(v.name().toLowerCase(java.util.Locale.ROOT));
        }
        combo.select(selected);
        combo.setToolTipText(tooltip);
        Widgets.name(combo, name);
        return combo;
    }

    /** Restore Defaults: the options of Window > Preferences > DBShift (target and scope stay as they are). */
    @Override
    protected void performDefaults() {
        MigrationProject.Settings d = dbshift.ui.preferences.MigrationPreferences.defaults();
        if (definer != null) {
            definer.select(d.definer().ordinal());
            definerUser.setText("");
            zeroDates.select(d.zeroDates().ordinal());
            jobs.setSelection(d.jobs());
            chunkRows.setSelection(d.chunkRows());
            continueOnError.setSelection(d.continueOnError());
            deferTriggers.setSelection(d.deferTriggers());
            schemas.setText("");
            databaseMap.setText("");
        }
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        if (model == null) {
            return true;
        }
        Scope scope = model.scope();
        for (Button b : scopes) {
            if (b.getSelection()) {
                scope = (Scope) b.getData();
            }
        }
        List<String> schemaList = Arrays.stream(schemas.getText().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        String user = definerUser.getText().trim();
        MigrationProject.Settings s = new MigrationProject.Settings(DefinerMode.values()[definer.getSelectionIndex()],
                user.isEmpty() ? null : user, ZeroDates.values()[zeroDates.getSelectionIndex()], jobs.getSelection(),
                chunkRows.getSelection(), continueOnError.getSelection(), schemaList, model.settings().users(),
                deferTriggers.getSelection(),
                dbshift.core.convert.DatabaseMap.parse(databaseMap.getText(), "Target databases").names());
        MigrationProject updated = model.withTargetKind(kinds.get(target.getSelectionIndex()).id()).withScope(scope).withSettings(s);
        try {
            MigrationProjects.write(project(), updated, null);
            model = updated;
            return true;
        } catch (CoreException e) {
            ErrorDialog.openError(getShell(), "DBShift Migration", "Cannot save the options of " + project().getName(),
                    DBShiftUiPlugin.error(e.getMessage(), e));
            return false;
        }
    }
}
