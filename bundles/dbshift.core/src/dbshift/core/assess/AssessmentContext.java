package dbshift.core.assess;

import dbshift.core.engine.TargetKind;
import dbshift.core.model.Catalog;
import dbshift.core.run.MigrationOptions;

/**
 * What a rule may look at: the source catalog, the target kind, the live target's catalog when connected
 * (settings such as sql_mode, existing objects), and the options the user chose.
 */
public record AssessmentContext(Catalog source, TargetKind target, Catalog liveTarget, MigrationOptions options,
        DataProbe probe) {

    /** Looks at the source's data where a rule needs more than the catalog (e.g. are there zero dates?). */
    @FunctionalInterface
    public interface DataProbe {
        /** Whether any row of the table matches the predicate (SQL in the source's dialect). */
        boolean anyRow(dbshift.core.model.Table table, String predicate);
    }

    /** A target setting (e.g. {@code sql_mode}) from the live target, or the given default when not connected. */
    public String targetSetting(String key, String fallback) {
        if (liveTarget == null) {
            return fallback;
        }
        String value = liveTarget.setting(key);
        return value == null ? fallback : value;
    }
}
