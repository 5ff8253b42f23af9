package dbshift.ui.preferences;

import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/** Defaults for new migration projects: batch size, parallel jobs, DEFINER handling, zero dates, error handling. */
public final class MigrationPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {
    public static final String ID = "dbshift.ui.preferences";

    public MigrationPreferencePage() {
        super(GRID);
        setDescription("Defaults for new migration projects; each project keeps its own copy in its migration.dbshift file.");
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(MigrationPreferences.store());
    }

    @Override
    protected void createFieldEditors() {
        IntegerFieldEditor chunk = new IntegerFieldEditor(MigrationPreferences.CHUNK_ROWS, "&Rows per copy slice (batch size):",
                getFieldEditorParent());
        chunk.setValidRange(0, 100_000_000);
        chunk.getTextControl(getFieldEditorParent()).setToolTipText(
                "How many rows one slice of a large table holds; a slice is committed and checkpointed at once. 0 lets DBShift choose.");
        addField(chunk);
        IntegerFieldEditor jobs = new IntegerFieldEditor(MigrationPreferences.JOBS, "Parallel &jobs:", getFieldEditorParent());
        jobs.setValidRange(1, 64);
        jobs.getTextControl(getFieldEditorParent()).setToolTipText("How many tables or slices are copied at the same time.");
        addField(jobs);
        addField(new ComboFieldEditor(MigrationPreferences.DEFINER, "&DEFINER clauses:", new String[][] {
                { "Strip (objects owned by the deploying user; what Azure needs)", "strip" },
                { "Keep as on the source (needs SUPER or SET_USER_ID)", "keep" },
                { "Rewrite to the deploying user", "rewrite" } }, getFieldEditorParent()));
        addField(new ComboFieldEditor(MigrationPreferences.ZERO_DATES, "&Zero dates ('0000-00-00'):", new String[][] {
                { "Keep them as they are", "keep" }, { "Copy them as NULL", "null" } }, getFieldEditorParent()));
        addField(new BooleanFieldEditor(MigrationPreferences.CONTINUE_ON_ERROR, "&Continue deploying after a failed statement",
                getFieldEditorParent()));
        addField(new BooleanFieldEditor(MigrationPreferences.DRY_RUN,
                "Dry-run each statement on the live target when &validating a script (nothing is executed)",
                getFieldEditorParent()));
    }
}
