package dbshift.core.project;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dbshift.core.run.MigrationOptions;
import dbshift.core.run.MigrationOptions.DefinerMode;
import dbshift.core.run.MigrationOptions.ZeroDates;

/**
 * A migration project as its file keeps it: name, source engine, target kind, scope, the source and target
 * connections (never their passwords), the options, and the reviewer's choices (objects left out, column types
 * overridden). The workbench edits it; the command line can run it.
 */
public record MigrationProject(String name, String sourceEngine, String targetKind, Scope scope, ConnectionProfile source,
        ConnectionProfile target, Settings settings, List<String> excluded, List<TypeOverride> typeOverrides) {

    /**
     * The options a project runs with (a subset of {@link MigrationOptions} a person chooses per project). {@code deferTriggers}: triggers and events wait for cutover, so that changes
     * replicated by sync do not fire them on the target.
     */
    public record Settings(DefinerMode definer, String definerUser, ZeroDates zeroDates, int jobs, int chunkRows,
            boolean continueOnError, List<String> schemas, List<String> users, boolean deferTriggers,
            java.util.Map<String, String> databaseMap) {

        /** The settings without target database names (the shape before {@code databaseMap} existed). */
        public Settings(DefinerMode definer, String definerUser, ZeroDates zeroDates, int jobs, int chunkRows,
                boolean continueOnError, List<String> schemas, List<String> users, boolean deferTriggers) {
            this(definer, definerUser, zeroDates, jobs, chunkRows, continueOnError, schemas, users, deferTriggers, null);
        }

        public Settings {
            // source database → target database, in the order the user gave them (see DatabaseMap)
            databaseMap = databaseMap == null ? java.util.Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(databaseMap));
            definer = definer == null ? DefinerMode.STRIP : definer;
            zeroDates = zeroDates == null ? ZeroDates.KEEP : zeroDates;
            jobs = Math.max(1, jobs);
            chunkRows = Math.max(0, chunkRows);
            schemas = schemas == null ? List.of() : List.copyOf(schemas);
            users = users == null ? List.of() : List.copyOf(users);
        }

        public static Settings defaults() {
            MigrationOptions d = MigrationOptions.defaults();
            return new Settings(d.definerMode(), null, d.zeroDates(), d.jobs(), d.chunkRows(), d.continueOnError(), List.of(),
                    List.of(), d.deferTriggers());
        }

        public Settings withDefiner(DefinerMode v) {
            return new Settings(v, definerUser, zeroDates, jobs, chunkRows, continueOnError, schemas, users, deferTriggers, databaseMap);
        }

        public Settings withZeroDates(ZeroDates v) {
            return new Settings(definer, definerUser, v, jobs, chunkRows, continueOnError, schemas, users, deferTriggers, databaseMap);
        }

        public Settings withJobs(int v) {
            return new Settings(definer, definerUser, zeroDates, v, chunkRows, continueOnError, schemas, users, deferTriggers, databaseMap);
        }

        public Settings withChunkRows(int v) {
            return new Settings(definer, definerUser, zeroDates, jobs, v, continueOnError, schemas, users, deferTriggers, databaseMap);
        }

        public Settings withContinueOnError(boolean v) {
            return new Settings(definer, definerUser, zeroDates, jobs, chunkRows, v, schemas, users, deferTriggers, databaseMap);
        }

        public Settings withDeferTriggers(boolean v) {
            return new Settings(definer, definerUser, zeroDates, jobs, chunkRows, continueOnError, schemas, users, v, databaseMap);
        }

        /** Which target database each source database goes to; sources not named keep their names. */
        public Settings withDatabaseMap(java.util.Map<String, String> v) {
            return new Settings(definer, definerUser, zeroDates, jobs, chunkRows, continueOnError, schemas, users, deferTriggers, v);
        }

        public Settings withSchemas(List<String> v) {
            return new Settings(definer, definerUser, zeroDates, jobs, chunkRows, continueOnError, v, users, deferTriggers, databaseMap);
        }
    }

    public MigrationProject {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a migration project needs a name");
        }
        scope = scope == null ? Scope.SCHEMA_AND_DATA : scope;
        settings = settings == null ? Settings.defaults() : settings;
        excluded = excluded == null ? List.of() : List.copyOf(new LinkedHashSet<>(excluded));
        typeOverrides = typeOverrides == null ? List.of() : List.copyOf(typeOverrides);
    }

    public static MigrationProject create(String name, String sourceEngine, String targetKind, Scope scope, Settings settings) {
        return new MigrationProject(name, sourceEngine, targetKind, scope, null, null, settings, List.of(), List.of());
    }

    /** The engine's options for a run of this project. */
    public MigrationOptions toOptions() {
        MigrationOptions o = MigrationOptions.defaults().withDefiner(settings.definer(), settings.definerUser())
                .withZeroDates(settings.zeroDates()).withJobs(settings.jobs()).withChunkRows(settings.chunkRows())
                .withContinueOnError(settings.continueOnError()).withUsers(settings.users())
                .withDeferTriggers(settings.deferTriggers());
        List<String> schemas = new ArrayList<>(settings.schemas());
        if (schemas.isEmpty() && source != null && source.database() != null && !source.database().isBlank()) {
            // a profile pointing at one database migrates that database unless the project says otherwise
            schemas.add(source.database());
        }
        return o.withSchemas(schemas);
    }

    /** The target database names the project chose, for {@link dbshift.core.run.Migration#mapDatabases}. */
    public dbshift.core.convert.DatabaseMap databaseMap() {
        return dbshift.core.convert.DatabaseMap.of(settings.databaseMap());
    }

    public boolean isExcluded(String objectKey) {
        return excluded.contains(objectKey);
    }

    public MigrationProject withSource(ConnectionProfile v) {
        return new MigrationProject(name, v == null ? sourceEngine : v.engine(), targetKind, scope, v, target, settings, excluded,
                typeOverrides);
    }

    public MigrationProject withTarget(ConnectionProfile v) {
        return new MigrationProject(name, sourceEngine, targetKind, scope, source, v, settings, excluded, typeOverrides);
    }

    public MigrationProject withSettings(Settings v) {
        return new MigrationProject(name, sourceEngine, targetKind, scope, source, target, v, excluded, typeOverrides);
    }

    public MigrationProject withScope(Scope v) {
        return new MigrationProject(name, sourceEngine, targetKind, v, source, target, settings, excluded, typeOverrides);
    }

    public MigrationProject withTargetKind(String v) {
        return new MigrationProject(name, sourceEngine, v, scope, source, target, settings, excluded, typeOverrides);
    }

    public MigrationProject withExcluded(String objectKey, boolean exclude) {
        Set<String> set = new LinkedHashSet<>(excluded);
        if (exclude) {
            set.add(objectKey);
        } else {
            set.remove(objectKey);
        }
        return new MigrationProject(name, sourceEngine, targetKind, scope, source, target, settings, List.copyOf(set),
                typeOverrides);
    }

    /** Sets (or, with a blank type, removes) the override of one column. */
    public MigrationProject withTypeOverride(String schema, String table, String column, String type) {
        List<TypeOverride> list = new ArrayList<>(typeOverrides.stream().filter(o -> !o.matches(schema, table, column)).toList());
        if (type != null && !type.isBlank()) {
            list.add(new TypeOverride(schema, table, column, type));
        }
        return new MigrationProject(name, sourceEngine, targetKind, scope, source, target, settings, excluded, list);
    }

    public java.util.Optional<TypeOverride> typeOverride(String schema, String table, String column) {
        return typeOverrides.stream().filter(o -> o.matches(schema, table, column)).findFirst();
    }

    /**
     * Applies an assessment quick fix ({@code definer=strip}, {@code zero-dates=null}, …), the engine's way of saying
     * which option resolves a finding.
     */
    public MigrationProject withQuickFix(String quickFix) {
        int eq = quickFix == null ? -1 : quickFix.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("not a quick fix: '" + quickFix + "'");
        }
        String key = quickFix.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String value = quickFix.substring(eq + 1).trim();
        return switch (key) {
            case "definer" -> withSettings(settings.withDefiner(DefinerMode.parse(value)));
            case "zero-dates" -> withSettings(settings.withZeroDates(ZeroDates.parse(value)));
            case "jobs" -> withSettings(settings.withJobs(Integer.parseInt(value)));
            case "continue-on-error" -> withSettings(settings.withContinueOnError(Boolean.parseBoolean(value)));
            default -> throw new IllegalArgumentException("unknown quick fix option '" + key + "' in '" + quickFix + "'");
        };
    }

    /** Whether a quick fix names an option a project can take. */
    public static boolean canApply(String quickFix) {
        if (quickFix == null || !quickFix.contains("=")) {
            return false;
        }
        try {
            create("probe", "probe", "probe", Scope.SCHEMA, null).withQuickFix(quickFix);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
