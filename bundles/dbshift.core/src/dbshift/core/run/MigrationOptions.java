package dbshift.core.run;

import java.util.List;
import java.util.function.Consumer;

/**
 * What the user chose for a migration. Defaults are what a careful DBA would pick: keep data exactly (zero dates
 * kept), strip DEFINERs the target cannot honour, indexes and foreign keys after the data, stop at the first
 * failed statement.
 */
public record MigrationOptions(List<String> schemas, List<String> users, DefinerMode definerMode, String definerUser,
        ZeroDates zeroDates, int jobs, int chunkRows, boolean continueOnError, boolean indexesAfterData,
        boolean truncateTarget, boolean convertUtf8mb3, boolean deferTriggers, java.util.Map<String, String> engineOptions,
        dbshift.core.preview.ProbeOptions probe) {

    /** What to do with DEFINER clauses of views, routines, triggers and events. */
    public enum DefinerMode {
        /** Remove DEFINER: objects are owned by the deploying user (what Azure needs without SUPER). */
        STRIP,
        /** Keep DEFINER as on the source (needs SUPER or SET_USER_ID on the target when it names another user). */
        KEEP,
        /** Rewrite every DEFINER to {@code definerUser} (by default the deploying user). */
        REWRITE;

        public static DefinerMode parse(String text) {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** What to do with MySQL zero dates ('0000-00-00') in the data. */
    public enum ZeroDates {
        /** Copy them as they are; the copy session allows them whatever the target's sql_mode. */
        KEEP,
        /** Copy them as NULL (fails for NOT NULL columns, which is reported). */
        NULL;

        public static ZeroDates parse(String text) {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** The options with the default lossy-value probe (the shape before {@code probe} existed). */
    public MigrationOptions(List<String> schemas, List<String> users, DefinerMode definerMode, String definerUser,
            ZeroDates zeroDates, int jobs, int chunkRows, boolean continueOnError, boolean indexesAfterData,
            boolean truncateTarget, boolean convertUtf8mb3, boolean deferTriggers, java.util.Map<String, String> engineOptions) {
        this(schemas, users, definerMode, definerUser, zeroDates, jobs, chunkRows, continueOnError, indexesAfterData,
                truncateTarget, convertUtf8mb3, deferTriggers, engineOptions, dbshift.core.preview.ProbeOptions.defaults());
    }

    /** The options without engine-specific ones (the shape before {@code engineOptions} existed). */
    public MigrationOptions(List<String> schemas, List<String> users, DefinerMode definerMode, String definerUser,
            ZeroDates zeroDates, int jobs, int chunkRows, boolean continueOnError, boolean indexesAfterData,
            boolean truncateTarget, boolean convertUtf8mb3, boolean deferTriggers) {
        this(schemas, users, definerMode, definerUser, zeroDates, jobs, chunkRows, continueOnError, indexesAfterData,
                truncateTarget, convertUtf8mb3, deferTriggers, java.util.Map.of());
    }

    public MigrationOptions {
        engineOptions = engineOptions == null ? java.util.Map.of() : java.util.Map.copyOf(engineOptions);
        probe = probe == null ? dbshift.core.preview.ProbeOptions.defaults() : probe;
        schemas = schemas == null ? List.of() : List.copyOf(schemas);
        users = users == null ? List.of() : List.copyOf(users);
        definerMode = definerMode == null ? DefinerMode.STRIP : definerMode;
        zeroDates = zeroDates == null ? ZeroDates.KEEP : zeroDates;
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
        }
        if (chunkRows < 0) {
            throw new IllegalArgumentException("chunk size must not be negative, got " + chunkRows);
        }
    }

    public static MigrationOptions defaults() {
        return new MigrationOptions(List.of(), List.of(), DefinerMode.STRIP, null, ZeroDates.KEEP,
                Math.max(2, Runtime.getRuntime().availableProcessors()), 0, false, true, false, true, false);
    }

    /** A mutable copy, for the with-methods. */
    private static final class Builder {
        List<String> schemas;
        List<String> users;
        DefinerMode definerMode;
        String definerUser;
        ZeroDates zeroDates;
        int jobs;
        int chunkRows;
        boolean continueOnError;
        boolean indexesAfterData;
        boolean truncateTarget;
        boolean convertUtf8mb3;
        boolean deferTriggers;
        java.util.Map<String, String> engineOptions;
        dbshift.core.preview.ProbeOptions probe;
    }

    private MigrationOptions with(Consumer<Builder> change) {
        Builder b = new Builder();
        b.schemas = schemas;
        b.users = users;
        b.definerMode = definerMode;
        b.definerUser = definerUser;
        b.zeroDates = zeroDates;
        b.jobs = jobs;
        b.chunkRows = chunkRows;
        b.continueOnError = continueOnError;
        b.indexesAfterData = indexesAfterData;
        b.truncateTarget = truncateTarget;
        b.convertUtf8mb3 = convertUtf8mb3;
        b.deferTriggers = deferTriggers;
        b.engineOptions = engineOptions;
        b.probe = probe;
        change.accept(b);
        return new MigrationOptions(b.schemas, b.users, b.definerMode, b.definerUser, b.zeroDates, b.jobs, b.chunkRows,
                b.continueOnError, b.indexesAfterData, b.truncateTarget, b.convertUtf8mb3, b.deferTriggers, b.engineOptions, b.probe);
    }

    public MigrationOptions withSchemas(List<String> v) {
        return with(b -> b.schemas = v);
    }

    public MigrationOptions withUsers(List<String> v) {
        return with(b -> b.users = v);
    }

    public MigrationOptions withDefiner(DefinerMode mode, String user) {
        return with(b -> {
            b.definerMode = mode;
            b.definerUser = user;
        });
    }

    public MigrationOptions withZeroDates(ZeroDates v) {
        return with(b -> b.zeroDates = v);
    }

    public MigrationOptions withJobs(int v) {
        return with(b -> b.jobs = v);
    }

    public MigrationOptions withChunkRows(int v) {
        return with(b -> b.chunkRows = v);
    }

    public MigrationOptions withContinueOnError(boolean v) {
        return with(b -> b.continueOnError = v);
    }

    public MigrationOptions withIndexesAfterData(boolean v) {
        return with(b -> b.indexesAfterData = v);
    }

    public MigrationOptions withTruncateTarget(boolean v) {
        return with(b -> b.truncateTarget = v);
    }

    public MigrationOptions withConvertUtf8mb3(boolean v) {
        return with(b -> b.convertUtf8mb3 = v);
    }

    /** Leave triggers and events for cutover, so that replicated changes do not fire them on the target. */
    public MigrationOptions withDeferTriggers(boolean v) {
        return with(b -> b.deferTriggers = v);
    }

    /** How much of the source the lossy-value preview of {@code assess} reads (sample, full or off). */
    public MigrationOptions withProbe(dbshift.core.preview.ProbeOptions v) {
        return with(b -> b.probe = v);
    }

    /**
     * An option one dialect reads by name, e.g. {@code sqlserver.bulk.batchSize}; the engine passes it through
     * without knowing it. A null value removes it.
     */
    public MigrationOptions withEngineOption(String key, String value) {
        java.util.Map<String, String> m = new java.util.TreeMap<>(engineOptions);
        if (value == null) {
            m.remove(key);
        } else {
            m.put(key, value);
        }
        return with(b -> b.engineOptions = m);
    }

    public String engineOption(String key, String fallback) {
        return engineOptions.getOrDefault(key, fallback);
    }
}
