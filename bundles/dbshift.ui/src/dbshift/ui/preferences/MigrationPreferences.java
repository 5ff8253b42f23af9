package dbshift.ui.preferences;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.jface.preference.IPreferenceStore;

import dbshift.core.project.MigrationProject;
import dbshift.core.run.MigrationOptions;
import dbshift.ui.internal.DBShiftUiPlugin;

/** The defaults new migration projects start from (Window > Preferences > DBShift). */
public final class MigrationPreferences extends AbstractPreferenceInitializer {
    public static final String CHUNK_ROWS = "chunkRows";
    public static final String JOBS = "jobs";
    public static final String DEFINER = "definer";
    public static final String ZERO_DATES = "zeroDates";
    public static final String CONTINUE_ON_ERROR = "continueOnError";
    public static final String DRY_RUN = "dryRunOnValidate";

    @Override
    public void initializeDefaultPreferences() {
        IPreferenceStore store = store();
        MigrationOptions d = MigrationOptions.defaults();
        store.setDefault(CHUNK_ROWS, d.chunkRows());
        store.setDefault(JOBS, d.jobs());
        store.setDefault(DEFINER, d.definerMode().name().toLowerCase());
        store.setDefault(ZERO_DATES, d.zeroDates().name().toLowerCase());
        store.setDefault(CONTINUE_ON_ERROR, d.continueOnError());
        store.setDefault(DRY_RUN, true);
    }

    public static IPreferenceStore store() {
        return DBShiftUiPlugin.getDefault().getPreferenceStore();
    }

    /** A new project's settings, from the preferences. */
    public static MigrationProject.Settings defaults() {
        IPreferenceStore s = store();
        return MigrationProject.Settings.defaults()
                .withDefiner(MigrationOptions.DefinerMode.parse(s.getString(DEFINER)))
                .withZeroDates(MigrationOptions.ZeroDates.parse(s.getString(ZERO_DATES)))
                .withJobs(s.getInt(JOBS)).withChunkRows(s.getInt(CHUNK_ROWS))
                .withContinueOnError(s.getBoolean(CONTINUE_ON_ERROR));
    }

    public static boolean dryRunOnValidate() {
        return store().getBoolean(DRY_RUN);
    }
}
