package dbshift.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.Test;

import dbshift.core.project.MigrationProject;
import dbshift.ui.preferences.MigrationPreferencePage;
import dbshift.ui.preferences.MigrationPreferences;

/** Window > Preferences > DBShift: the defaults new projects start from. */
class PreferencesTest {

    @Test
    void theDefaultsPageSetsWhatNewProjectsStartFrom() {
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(
                PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), MigrationPreferencePage.ID,
                new String[] { MigrationPreferencePage.ID }, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            UiTestSupport.settle(300);
            Combo definer = combos(dialog).stream().filter(c -> Arrays.stream(c.getItems()).anyMatch(i -> i.startsWith("Strip")))
                    .findFirst().orElseThrow(() -> new AssertionError("no DEFINER choice on the page"));
            assertTrue(Arrays.asList(definer.getItems()).containsAll(java.util.List.of(
                    "Strip (objects owned by the deploying user; what Azure needs)", "Keep as on the source (needs SUPER or SET_USER_ID)",
                    "Rewrite to the deploying user")));
            Text jobs = texts(dialog).stream().filter(t -> t.getToolTipText() != null && t.getToolTipText().contains("same time"))
                    .findFirst().orElseThrow();
            Text chunk = texts(dialog).stream().filter(t -> t.getToolTipText() != null && t.getToolTipText().contains("slice"))
                    .findFirst().orElseThrow();
            jobs.setText("3");
            chunk.setText("50000");
            definer.select(2);
            definer.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
            Screenshots.save("00-preferences");
            UiTestSupport.click(UiTestSupport.button(dialog.getShell(), "Apply and Close"));
            MigrationProject.Settings defaults = MigrationPreferences.defaults();
            assertEquals(3, defaults.jobs());
            assertEquals(50000, defaults.chunkRows());
            assertEquals("REWRITE", defaults.definer().name());
        } finally {
            if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
                dialog.close();
            }
            MigrationPreferences.store().setToDefault(MigrationPreferences.JOBS);
            MigrationPreferences.store().setToDefault(MigrationPreferences.CHUNK_ROWS);
            MigrationPreferences.store().setToDefault(MigrationPreferences.DEFINER);
        }
    }

    private static java.util.List<Combo> combos(PreferenceDialog d) {
        java.util.List<Combo> out = new java.util.ArrayList<>();
        collect(d.getShell(), Combo.class, out);
        return out;
    }

    private static java.util.List<Text> texts(PreferenceDialog d) {
        java.util.List<Text> out = new java.util.ArrayList<>();
        collect(d.getShell(), Text.class, out);
        return out;
    }

    private static <T> void collect(org.eclipse.swt.widgets.Composite parent, Class<T> type, java.util.List<T> out) {
        for (Control c : parent.getChildren()) {
            if (type.isInstance(c)) {
                out.add(type.cast(c));
            }
            if (c instanceof org.eclipse.swt.widgets.Composite comp) {
                collect(comp, type, out);
            }
        }
    }
}
