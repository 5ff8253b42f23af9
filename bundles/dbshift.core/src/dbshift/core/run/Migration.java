package dbshift.core.run;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dbshift.core.assess.AssessmentContext;
import dbshift.core.assess.Assessor;
import dbshift.core.assess.Finding;
import dbshift.core.assess.Severity;
import dbshift.core.convert.Converter;
import dbshift.core.convert.Converter.Conversion;
import dbshift.core.data.CopyEngine;
import dbshift.core.data.TableMapping;
import dbshift.core.data.Verifier;
import dbshift.core.deploy.Deployer;
import dbshift.core.diff.SchemaDiff;
import dbshift.core.engine.CatalogReader;
import dbshift.core.engine.ConnectionErrors;
import dbshift.core.engine.ConnectionSpec;
import dbshift.core.engine.Dialect;
import dbshift.core.engine.Dialects;
import dbshift.core.engine.Endpoint;
import dbshift.core.engine.TargetKind;
import dbshift.core.model.Catalog;
import dbshift.core.model.Grant;
import dbshift.core.model.Principal;
import dbshift.core.model.QualifiedName;
import dbshift.core.model.Table;
import dbshift.core.script.Phase;
import dbshift.core.script.Script;
import dbshift.core.script.ScriptBuilder;
import dbshift.core.script.ScriptStatement;

/**
 * One migration from a source to a target, step by step: read, assess, convert, plan (diff against the live
 * target), deploy, copy, verify, users. Each step records into the {@link MigrationRun}; the CLI and the workbench
 * only choose which steps to call. Everything is plain Java: no UI, no OSGi.
 */
public final class Migration {
    /** Phases deployed before the data is copied; the rest follow it. */
    public static final Set<Phase> BEFORE_DATA = EnumSet.of(Phase.SCHEMAS, Phase.TYPES, Phase.SEQUENCES, Phase.TABLES);

    private final Endpoint source;
    private final Catalog offlineSource;
    private final Endpoint target;
    private final TargetKind kind;
    private MigrationOptions options;
    private final MigrationRun run;
    private Catalog sourceCatalog;
    private Catalog liveTarget;
    private Conversion conversion;
    private List<Finding> findings;
    private List<dbshift.core.preview.ColumnPreview> lossyValues;
    private java.util.function.UnaryOperator<Catalog> adjustment;
    private dbshift.core.convert.DatabaseMap databaseMap = dbshift.core.convert.DatabaseMap.none();
    private dbshift.core.convert.DatabaseMap resolvedMap;
    private boolean overlapChecked;
    private long syncReconnectMillis = 300_000;
    private boolean recordFallback;
    private long verifySettleMillis;
    /** Set by {@link #migrate} around its copy: fingerprint the source rows the copy reads, for the verification after it. */
    private boolean fingerprintCopy;
    /** The source fingerprints of the last copy (empty unless {@link #fingerprintCopy}); used once, by migrate's verify. */
    private Map<String, Map<dbshift.core.data.KeyRange, dbshift.core.data.RowHasher>> copyFingerprints = Map.of();

    private Migration(Endpoint source, Catalog offlineSource, Endpoint target, TargetKind kind, MigrationOptions options,
            MigrationRun run) {
        this.source = source;
        this.offlineSource = offlineSource;
        this.target = target;
        this.kind = kind;
        this.options = options;
        this.run = run;
    }

    /** A migration from a live source; {@code target} may be null for assess/script without a target. */
    public static Migration live(Endpoint source, Endpoint target, TargetKind kind, MigrationOptions options) {
        MigrationRun run = new MigrationRun(source.spec().displayUrl(), target == null ? null : target.spec().displayUrl(),
                kind.id(), options);
        return new Migration(source, null, target, kind, options, run);
    }

    /** A migration from a catalog read offline (a schema script): assess, convert, script and deploy, no data. */
    public static Migration offline(Catalog source, String sourceName, Endpoint target, TargetKind kind,
            MigrationOptions options) {
        MigrationRun run = new MigrationRun(sourceName, target == null ? null : target.spec().displayUrl(), kind.id(), options);
        return new Migration(null, source, target, kind, options, run);
    }

    /**
     * Connects once to find out which server is behind the URL (a jdbc:mysql: URL may lead to MariaDB) and returns
     * the endpoint with that server's dialect. Connection problems become a {@link MigrationException} naming the
     * endpoint and the cause.
     */
    public static Endpoint connect(String role, ConnectionSpec spec) {
        Dialect urlDialect;
        try {
            spec.validate();
            urlDialect = Dialects.forUrl(spec.url());
        } catch (IllegalArgumentException e) {
            throw new MigrationException(role + ": " + e.getMessage(), MigrationException.USAGE);
        }
        try (Connection c = urlDialect.connect(spec)) {
            return new Endpoint(Dialects.require(urlDialect.detect(c)), spec);
        } catch (SQLException e) {
            throw new MigrationException(ConnectionErrors.describe(role, spec, e), MigrationException.CONNECT, e);
        }
    }

    /**
     * Like {@link #connect}, for a target: a database the URL names (MySQL's {@code jdbc:mysql://host/shop_v2}) is
     * where the migration puts a single source database (see {@link #mapDatabases}), and may not exist yet, so the
     * connection goes through the URL without it and the endpoint remembers the name.
     */
    public static Endpoint connectTarget(ConnectionSpec spec) {
        Dialect urlDialect;
        try {
            spec.validate();
            urlDialect = Dialects.forUrl(spec.url());
        } catch (IllegalArgumentException e) {
            throw new MigrationException("target: " + e.getMessage(), MigrationException.USAGE);
        }
        String named = urlDialect.urlSchema(spec.url()).orElse(null);
        if (named == null) {
            return connect("target", spec);
        }
        Endpoint e = connect("target", spec.withUrl(urlDialect.withoutUrlSchema(spec.url())));
        return new Endpoint(e.dialect(), e.spec(), named);
    }

    public MigrationRun run() {
        return run;
    }

    /**
     * Which target database each source database goes to ({@code --map-database}); sources not named keep their
     * names, and a single source database goes to the one the target URL names. Call before the first step.
     */
    public Migration mapDatabases(dbshift.core.convert.DatabaseMap map) {
        if (conversion != null || liveTarget != null) {
            throw new IllegalStateException("mapDatabases() must come before the target is read or converted");
        }
        this.databaseMap = map == null ? dbshift.core.convert.DatabaseMap.none() : map;
        this.resolvedMap = null;
        return this;
    }

    /**
     * The database map checked against the source databases in scope, with the target URL's default: a
     * {@link MigrationException} (usage) names the databases and the remedy when it cannot be meant.
     */
    public dbshift.core.convert.DatabaseMap databaseMap() {
        if (resolvedMap == null) {
            List<String> scope = readSource().schemas().stream().map(dbshift.core.model.Schema::name).toList();
            String named = target == null ? null : target.urlSchema();
            try {
                resolvedMap = databaseMap.resolve(scope, named, readSource().setting("database"));
            } catch (IllegalArgumentException e) {
                run.step(new StepResult("databases", Status.FAILED, 0, e.getMessage()));
                throw new MigrationException(e.getMessage(), MigrationException.USAGE);
            }
            resolvedMap.names().forEach((s, t) -> run.database(s, t));
        }
        return resolvedMap;
    }

    /**
     * Applies a reviewer's choices (objects left out, column types overridden) to the converted catalog, before
     * anything is planned, scripted or copied. Call before the first step.
     */
    /**
     * How long sync (and cutover's sync) keeps reconnecting to a source or target that went away before it gives up
     * (default 300 s; 0 gives up at once).
     */
    public Migration reconnectWithin(java.time.Duration window) {
        this.syncReconnectMillis = window.toMillis();
        return this;
    }

    /**
     * Makes {@link #sync} verify the copy's slices round and round while it follows the source, reporting a slice
     * that still differs after {@code settle} on three checks (null or zero: do not).
     */
    public Migration verifyWhileSyncing(java.time.Duration settle) {
        this.verifySettleMillis = settle == null ? 0 : settle.toMillis();
        return this;
    }

    /**
     * Makes a successful cutover record where the new target's change log is at the switch, on the old source, so
     * that {@link #fallbackSync} can keep the old source in step with the new target during the bake-in period.
     */
    public Migration withFallback() {
        this.recordFallback = true;
        return this;
    }

    public Migration adjust(java.util.function.UnaryOperator<Catalog> change) {
        if (conversion != null) {
            throw new IllegalStateException("adjust() must come before the conversion");
        }
        this.adjustment = change;
        return this;
    }

    public MigrationOptions options() {
        return options;
    }

    public TargetKind targetKind() {
        return kind;
    }

    public Endpoint sourceEndpoint() {
        return source;
    }

    public Endpoint targetEndpoint() {
        return target;
    }

    public Dialect targetDialect() {
        return Dialects.require(kind.dialect());
    }

    private <T> T step(String name, Supplier<T> body) {
        return step(name, body, result -> null);
    }

    /** A step whose result is summed up in its message (what a sync applied, for instance). */
    private <T> T step(String name, Supplier<T> body, java.util.function.Function<T, String> message) {
        return step(name, body, message, true);
    }

    /** As above; a step that stops when asked (sync until Ctrl+C) passes {@code cancelFails} false. */
    private <T> T step(String name, Supplier<T> body, java.util.function.Function<T, String> message, boolean cancelFails) {
        long start = System.nanoTime();
        try {
            T result = body.get();
            if (cancelFails && run.progress().isCancelled()) {
                throw new MigrationException(name + " cancelled; the report says how far it got, and running it again "
                        + "resumes", MigrationException.FAILURES);
            }
            run.step(new StepResult(name, Status.OK, (System.nanoTime() - start) / 1_000_000, message.apply(result)));
            return result;
        } catch (MigrationException e) {
            run.step(new StepResult(name, Status.FAILED, (System.nanoTime() - start) / 1_000_000, e.getMessage()));
            throw e;
        } catch (RuntimeException e) {
            run.step(new StepResult(name, Status.FAILED, (System.nanoTime() - start) / 1_000_000, e.toString()));
            throw new MigrationException(name + " failed: " + e.getMessage(), MigrationException.FAILURES, e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private static <T> T sql(String what, SqlWork<T> work) {
        try {
            return work.run();
        } catch (dbshift.core.engine.UnknownSchemaException e) {
            throw new MigrationException(what + ": " + e.getMessage(), MigrationException.USAGE, e);
        } catch (SQLException e) {
            throw new MigrationException(what + ": " + e.getMessage(), MigrationException.FAILURES, e);
        }
    }

    // ---- read ------------------------------------------------------------------------------------------------

    public Catalog readSource() {
        if (sourceCatalog == null) {
            sourceCatalog = offlineSource != null ? offlineSource : step("read source", () -> sql("reading the source catalog", () -> {
                CatalogReader reader = source.dialect().catalogReader().orElseThrow(() -> new MigrationException(
                        source.dialect().displayName() + " cannot be read as a source", MigrationException.USAGE));
                try (Connection c = source.open()) {
                    return reader.read(c, options.schemas().isEmpty() ? null : options.schemas(), true);
                }
            }));
        }
        return sourceCatalog;
    }

    /** The target as it is now, limited to the schemas the migration writes to; null without a target. */
    public Catalog readTarget() {
        if (target == null) {
            return null;
        }
        if (liveTarget == null) {
            liveTarget = step("read target", () -> sql("reading the target catalog", () -> {
                CatalogReader reader = target.dialect().catalogReader().orElseThrow();
                try (Connection c = target.open()) {
                    Set<String> there = new HashSet<>(reader.schemas(c));
                    List<String> wanted = new ArrayList<>();
                    for (var s : readSource().schemas()) {
                        String name = databaseMap().target(s.name());
                        if (there.contains(name)) {
                            wanted.add(name);
                        }
                    }
                    return reader.read(c, wanted, false);
                }
            }));
        }
        return liveTarget;
    }

    // ---- assess and convert ----------------------------------------------------------------------------------

    public Conversion convert() {
        if (conversion == null) {
            Catalog src = readSource();
            Catalog live = readTarget();
            if (options.definerMode() == MigrationOptions.DefinerMode.REWRITE && options.definerUser() == null) {
                String user = live == null ? null : live.setting("current_user");
                if (user == null) {
                    throw new MigrationException("--definer rewrite needs --definer-user when no target is connected",
                            MigrationException.USAGE);
                }
                options = options.withDefiner(MigrationOptions.DefinerMode.REWRITE, user);
            }
            Converter converter = targetDialect().converters().stream()
                    .filter(c -> c.sourceDialects().contains(src.dialect())).findFirst()
                    .orElseThrow(() -> new MigrationException("no conversion from " + src.dialect() + " to " + kind.displayName(),
                            MigrationException.USAGE));
            Conversion converted = renamed(src, converter.convert(src, kind, options));
            conversion = adjustment == null ? converted
                    : new Conversion(adjustment.apply(converted.catalog()), converted.findings(), converted.tableNames());
        }
        return conversion;
    }

    /**
     * The conversion with the databases renamed as {@link #databaseMap()} says; a converter that already renamed a
     * schema (a SQL Server source's {@code dbo} into a MySQL database) is followed by its tables.
     */
    private Conversion renamed(Catalog src, Conversion converted) {
        dbshift.core.convert.DatabaseMap map = databaseMap();
        if (map.isEmpty()) {
            return converted;
        }
        java.util.Map<String, String> byConvertedName = new java.util.LinkedHashMap<>();
        for (var s : src.schemas()) {
            String to = map.names().get(s.name());
            if (to == null) {
                continue;
            }
            String convertedName = s.tables().stream().map(t -> converted.targetName(t.name()).schema()).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(s.name());
            byConvertedName.put(convertedName, to);
        }
        return dbshift.core.convert.DatabaseRenames.apply(src, converted, byConvertedName, targetDialect());
    }

    /** Runs the target kind's rules and the conversion, and records every finding. */
    public List<Finding> assess() {
        if (findings == null) {
            Catalog src = readSource();
            Catalog live = readTarget();
            findings = step("assess", () -> {
                AssessmentContext.DataProbe probe = source == null ? null : this::probe;
                List<Finding> all = new ArrayList<>(new Assessor().assess(new AssessmentContext(src, kind, live, options, probe)));
                all.addAll(convert().findings());
                all.addAll(dbshift.core.preview.LossyValuePreview.findings(lossyValues()));
                all.sort(java.util.Comparator.comparing(Finding::severity).thenComparing(Finding::object)
                        .thenComparing(Finding::ruleId));
                return all;
            });
            run.findings(findings);
        }
        return findings;
    }

    /**
     * The lossy-value preview: every column whose target type (as converted, with the reviewer's overrides) can
     * change or refuse source values, probed on the live source as {@code options.probe()} says (empty without a
     * live source or with the probe off). Part of {@link #assess()}.
     */
    public List<dbshift.core.preview.ColumnPreview> lossyValues() {
        if (lossyValues == null) {
            lossyValues = source == null ? List.of() : newPreview().preview(readSource(), convert());
        }
        return lossyValues;
    }

    /**
     * Probes the columns of one target table again (all of them when {@code column} is null), e.g. after a reviewer
     * chose another type for one: the conversion this migration was adjusted with decides the target type.
     */
    public List<dbshift.core.preview.ColumnPreview> lossyValues(QualifiedName targetTable, String column) {
        if (source == null) {
            return List.of();
        }
        Conversion conv = convert();
        return newPreview().preview(readSource(), conv, (t, c) -> conv.targetName(t.name()).equals(targetTable)
                && (column == null || c.name().equalsIgnoreCase(column)));
    }

    private dbshift.core.preview.LossyValuePreview newPreview() {
        return new dbshift.core.preview.LossyValuePreview(source, targetDialect(), options.probe(), options.jobs(),
                options.zeroDates() == MigrationOptions.ZeroDates.NULL);
    }

    private boolean probe(Table table, String predicate) {
        try (Connection c = source.open(); Statement s = c.createStatement()) {
            s.setMaxRows(1);
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM " + source.dialect().quoting().quote(table.name()) + " WHERE "
                    + predicate)) {
                return rs.next();
            }
        } catch (SQLException e) {
            return false;
        }
    }

    public boolean hasBlockingFindings() {
        return assess().stream().anyMatch(f -> f.severity() == Severity.BLOCKING);
    }

    // ---- script and deploy -----------------------------------------------------------------------------------

    /** The whole script for the converted catalog, as if the target were empty. */
    public Script script() {
        Catalog planned = convert().catalog();
        recordLeftOut();
        return step("script", () -> new ScriptBuilder(targetDialect().ddlWriter(), targetDialect().quoting(), kind.id())
                .build(planned, options.indexesAfterData(), Set.of(), Set.of()));
    }

    /** The script of what the live target still lacks (everything, without a target). */
    public Script plan() {
        Catalog planned = convert().catalog();
        recordLeftOut();
        Catalog live = readTarget();
        if (live == null) {
            return script();
        }
        return step("plan", () -> {
            SchemaDiff.Result diff = new SchemaDiff(targetDialect().ddlWriter()).diff(planned, live);
            diff.existing().forEach(run::object);
            return new ScriptBuilder(targetDialect().ddlWriter(), targetDialect().quoting(), kind.id())
                    .build(diff.toCreate(), options.indexesAfterData(), diff.tablesPresent(), diff.schemasPresent());
        });
    }

    /** Objects the source itself cannot use are left out of every script; the run lists them once as skipped. */
    private void recordLeftOut() {
        for (dbshift.core.model.ReadProblem p : readSource().problems()) {
            if (p.kind() == dbshift.core.model.ReadProblem.Kind.INVALID_ON_SOURCE
                    && run.objects().stream().noneMatch(o -> o.type().equals(p.objectType()) && o.name().equals(p.object()))) {
                run.object(new ObjectResult(p.objectType(), null, p.object(), Status.SKIPPED,
                        "left out: invalid on the source itself (" + p.message() + ")"));
            }
        }
    }

    /** Deploys the statements of the given phases; returns true when all succeeded. */
    public boolean deploy(Script script, Set<Phase> phases, String stepName) {
        requireTarget();
        if (source != null) {
            refuseSelfTarget("deploy");
        }
        List<ScriptStatement> statements = script.statements().stream().filter(s -> phases.contains(s.phase())).toList();
        return step(stepName, () -> sql("deploying to the target", () -> {
            try (Connection c = target.open()) {
                boolean ok = new Deployer(run).deploy(c, targetDialect().ddlWriter(), statements, options.continueOnError());
                recordObjects(statements);
                if (!ok && !options.continueOnError()) {
                    long ran = run.statements().stream().filter(s -> s.status() == Status.OK).count();
                    throw new MigrationException("a statement failed; the target is partly deployed (" + ran + " statement(s) "
                            + "ran). Fix the cause and run again: DBShift compares with the target first and does only "
                            + "what is missing.", MigrationException.FAILURES);
                }
                return ok;
            }
        }));
    }

    private void recordObjects(List<ScriptStatement> statements) {
        java.util.Map<String, Status> byObject = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> messages = new java.util.HashMap<>();
        java.util.Map<String, ScriptStatement> first = new java.util.HashMap<>();
        var outcomes = run.statements();
        for (var o : outcomes) {
            String key = o.objectType() + " " + o.objectName();
            if (statements.stream().noneMatch(s -> s.objectKey().equals(key))) {
                continue;
            }
            Status current = byObject.getOrDefault(key, Status.OK);
            Status next = o.status() == Status.FAILED ? Status.FAILED
                    : o.status() == Status.NOT_RUN && current != Status.FAILED ? Status.NOT_RUN : current;
            byObject.put(key, next);
            if (o.error() != null && !messages.containsKey(key)) {
                messages.put(key, o.error());
            }
        }
        for (ScriptStatement s : statements) {
            first.putIfAbsent(s.objectKey(), s);
        }
        byObject.forEach((key, status) -> {
            ScriptStatement s = first.get(key);
            String[] parts = splitName(s.objectName());
            run.object(new ObjectResult(s.objectType(), parts[0], parts[1], status, messages.get(key)));
        });
    }

    /** {@code `db`.`t`} → {db, t}; names with quotes inside stay as the dialect quoted them. */
    private static String[] splitName(String quoted) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([`\"\\[])(.*?)[`\"\\]]\\.([`\"\\[])(.*)[`\"\\]]$")
                .matcher(quoted);
        if (m.matches()) {
            return new String[] { unquote(m.group(2)), unquote(m.group(4)) };
        }
        return new String[] { null, quoted.replaceAll("^[`\"\\[]|[`\"\\]]$", "") };
    }

    private static String unquote(String s) {
        return s.replace("``", "`").replace("\"\"", "\"").replace("]]", "]");
    }

    // ---- data ------------------------------------------------------------------------------------------------

    public List<TableMapping> tableMappings() {
        Catalog src = readSource();
        Conversion conv = convert();
        List<TableMapping> mappings = new ArrayList<>();
        for (Table t : src.tables()) {
            QualifiedName targetName = conv.targetName(t.name());
            conv.catalog().table(targetName).ifPresent(tt -> mappings.add(new TableMapping(t, tt)));
        }
        return mappings;
    }

    public void copy() {
        requireTarget();
        requireSource();
        refuseSelfTarget("copy");
        recordReplicationStart();
        step("data", () -> {
            sql("copying the data", () -> {
                CopyEngine engine = new CopyEngine(source, target, options, run);
                if (fingerprintCopy) {
                    engine.fingerprintSource();
                }
                try {
                    engine.copy(tableMappings());
                } finally {
                    copyFingerprints = engine.sourceFingerprints();
                }
                return null;
            });
            // inside the step, so that its line says FAILED when a table did
            List<dbshift.core.run.TableResult> failed = run.tables().stream().filter(t -> t.status().isFailure()).toList();
            if (!failed.isEmpty()) {
                throw new MigrationException("the copy of " + failed.size() + " table(s) failed: " + failed.stream()
                        .map(t -> t.schema() + "." + t.name() + ": " + t.message()).collect(java.util.stream.Collectors.joining("; ")),
                        MigrationException.FAILURES);
            }
            return null;
        });
    }

    /**
     * Before the first row is read, remembers where the source's change log is, so that a later sync replays
     * every change made while (and after) the copy ran. Sources without a change log simply cannot be synced.
     */
    private void recordReplicationStart() {
        var capture = source.dialect().changeCapture();
        if (capture.isEmpty()) {
            return;
        }
        try (Connection src = source.open(); Connection tgt = target.open()) {
            dbshift.core.sync.SourcePosition position = capture.get().position(src);
            dbshift.core.sync.SyncState state = new dbshift.core.sync.SyncState(target.dialect());
            state.ensureTable(tgt);
            String key = dbshift.core.sync.Synchronizer.sourceKey(source, tableMappings());
            if (options.truncateTarget()) {
                state.forget(tgt, key);
            }
            state.recordStart(tgt, key, position);
        } catch (SQLException e) {
            run.note("change capture is not available, so 'sync' cannot follow this source: " + e.getMessage());
        }
    }

    /**
     * Applies the source's changes since the copy began (or since the last sync) to the target: until it has caught
     * up with the source (when {@code untilCaughtUp}), for {@code maxSeconds} (when &gt; 0), or until cancelled.
     */
    public dbshift.core.sync.SyncResult sync(boolean untilCaughtUp, long maxSeconds) {
        requireTarget();
        requireSource();
        refuseSelfTarget("sync");
        dbshift.core.sync.SyncResult result = step("sync", () -> sql("syncing changes", () -> {
            dbshift.core.sync.SourcePosition until = untilCaughtUp ? logPosition(source, SOURCE_WITHOUT_CAPTURE) : null;
            dbshift.core.sync.SyncResult r = new dbshift.core.sync.Synchronizer(source, target, tableMappings(), options, run)
                    .reconnectWithin(syncReconnectMillis).verifyWhileSyncing(verifySettleMillis).run(until, maxSeconds * 1000);
            run.sync(r); // recorded before anything else can fail: the report always has the applied position
            return r;
        }), r -> String.format(java.util.Locale.ROOT, "%,d changed rows applied, %s → %s; %s%s", r.changes(), r.from(),
                r.applied(), r.caughtUp() ? "caught up with the source"
                        : String.format(java.util.Locale.ROOT, "%.1f s behind the source", r.lagSeconds()),
                run.progress().isCancelled() ? "; stopped on request" : ""), untilCaughtUp);
        return result;
    }

    /**
     * The switch-over: optionally freezes writes on the source, applies every change up to the source's position
     * at that moment, creates the triggers and events held back for it, and verifies every table. The run says
     * whether the target is ready to take over.
     */
    public void cutover(boolean freezeSource) {
        cutover(freezeSource, null);
    }

    /**
     * The switch-over as above; the triggers and events still missing on the target are created from
     * {@code reviewed} (a reviewed script, so that a reviewer's edits hold) when given, else as planned.
     */
    public void cutover(boolean freezeSource, Script reviewed) {
        cutover(freezeSource, reviewed, dbshift.core.sync.CutoverGate.defaults());
    }

    /**
     * The switch-over behind a gate: it proceeds only when the sync keeps up, the last full verification was clean
     * (or repaired), no blocking finding is open and the caller's own conditions passed; each condition is a step
     * of the run with its numbers. {@code gate.force()} proceeds anyway and records that it did.
     */
    public void cutover(boolean freezeSource, Script reviewed, dbshift.core.sync.CutoverGate gate) {
        requireTarget();
        requireSource();
        refuseSelfTarget("cutover");
        dbshift.core.sync.SyncResult window = checkGate(gate);
        switchOver(freezeSource, reviewed, EnumSet.of(Phase.TRIGGERS, Phase.EVENTS), until -> {
            dbshift.core.sync.SyncResult last = sync(true, 0);
            // what the gate's window applied belongs to the cutover's sync too
            dbshift.core.sync.SyncResult all = new dbshift.core.sync.SyncResult(window.from(), last.applied(), last.sourceHead(),
                    window.changes() + last.changes(), last.lagSeconds(), last.caughtUp(), java.util.stream.Stream.concat(
                            window.warnings().stream(), last.warnings().stream()).distinct().toList(),
                    Math.max(window.maxLagSeconds(), last.maxLagSeconds()));
            run.sync(all);
            return all;
        });
    }

    /**
     * The switch-over with another way of catching up: {@code catchUp} gets the source's position once writes are
     * frozen (or at the moment cutover starts) and returns when the target holds every change up to it (a Kafka
     * Connect pipeline waits for its connectors there; DBShift's own sync gate does not apply, the pipeline's
     * catch-up is the gate). {@code deferred} are the phases still missing on the target that cutover creates
     * before verifying (a pipeline also leaves foreign keys to it).
     */
    public void cutover(boolean freezeSource, Script reviewed, Set<Phase> deferred,
            java.util.function.Function<dbshift.core.sync.SourcePosition, dbshift.core.sync.SyncResult> catchUp) {
        cutover(freezeSource, reviewed, deferred, catchUp, java.time.Duration.ZERO);
    }

    /**
     * As above; a table that differs at the verification is compared again (only the differing ones, every two
     * seconds) until it matches or {@code settle} has passed, for a catch-up that cannot prove that every write is
     * visible yet. The verdict is each table's last comparison: a table is "match" only if that one matched.
     */
    public void cutover(boolean freezeSource, Script reviewed, Set<Phase> deferred,
            java.util.function.Function<dbshift.core.sync.SourcePosition, dbshift.core.sync.SyncResult> catchUp,
            java.time.Duration settle) {
        requireTarget();
        requireSource();
        refuseSelfTarget("cutover");
        switchOver(freezeSource, reviewed, deferred, catchUp, settle == null ? 0 : settle.toMillis());
    }

    private void switchOver(boolean freezeSource, Script reviewed, Set<Phase> deferred,
            java.util.function.Function<dbshift.core.sync.SourcePosition, dbshift.core.sync.SyncResult> catchUp) {
        switchOver(freezeSource, reviewed, deferred, catchUp, 0);
    }

    private void switchOver(boolean freezeSource, Script reviewed, Set<Phase> deferred,
            java.util.function.Function<dbshift.core.sync.SourcePosition, dbshift.core.sync.SyncResult> catchUp,
            long settleMillis) {
        if (freezeSource) {
            step("freeze source", () -> sql("freezing writes on the source", () -> {
                try (Connection src = source.open()) {
                    run.note(source.dialect().freezeWrites(src));
                }
                return null;
            }));
        }
        dbshift.core.sync.SourcePosition until = sql("reading the source's position",
                () -> logPosition(source, SOURCE_WITHOUT_CAPTURE));
        dbshift.core.sync.SyncResult caughtUp = catchUp.apply(until);
        if (run.syncResult() == null) {
            run.sync(caughtUp);
        }
        Script rest = plan();
        if (reviewed != null) {
            Set<String> missing = rest.statements().stream().filter(st -> deferred.contains(st.phase()))
                    .map(ScriptStatement::objectKey).collect(java.util.stream.Collectors.toSet());
            rest = new Script(reviewed.dialect(), reviewed.statements().stream()
                    .filter(st -> deferred.contains(st.phase()) && missing.contains(st.objectKey())).toList());
        }
        if (rest.statements().stream().anyMatch(st -> deferred.contains(st.phase()))) {
            deploy(rest, deferred, deferred.contains(Phase.FOREIGN_KEYS) ? "foreign keys, triggers and events" : "triggers and events");
        }
        verify();
        verifyAgainWhileDiffering(settleMillis);
        boolean ready = run.tables().stream().allMatch(t -> "match".equals(t.checksum()));
        run.step(new StepResult("cutover", ready ? Status.OK : Status.FAILED, 0, ready
                ? "the target holds the source's data as of " + run.syncResult().applied() + "; point the applications at it"
                : "differences remain; do not switch (see tables)"));
        if (!ready) {
            throw new MigrationException("cutover: verification found differences; the target is not ready", MigrationException.FAILURES);
        }
        if (recordFallback) {
            step("record fallback", () -> sql("recording the fallback start on the old source", () -> {
                List<TableMapping> back = reversedMappings();
                dbshift.core.sync.SourcePosition at = logPosition(target, TARGET_WITHOUT_CAPTURE);
                try (Connection src = source.open()) {
                    dbshift.core.sync.SyncState state = new dbshift.core.sync.SyncState(source.dialect());
                    state.ensureTable(src);
                    String key = dbshift.core.sync.Synchronizer.sourceKey(target, back);
                    state.forget(src, key);
                    state.recordStart(src, key, at);
                    return at;
                }
            }), at -> "the new target's changes from " + at + " on can flow back to the old source: run fallback-sync");
        }
    }

    /** The migration's tables the other way round: the new target's tables into the old source's. */
    private List<TableMapping> reversedMappings() {
        return tableMappings().stream().map(m -> new TableMapping(m.target(), m.source())).toList();
    }

    /**
     * After a cutover with fallback: applies the changes made on the new target since the switch to the old source,
     * the same way sync applies the source's (locking re-read, idempotent replace, position moved in the same
     * transaction on the old source), so that the team can switch back without losing data. Tables that exist only
     * on the new target cannot flow back; they are reported.
     */
    public dbshift.core.sync.SyncResult fallbackSync(boolean untilCaughtUp, long maxSeconds) {
        requireTarget();
        requireSource();
        refuseSelfTarget("fallback-sync");
        List<TableMapping> back = reversedMappings();
        dbshift.core.sync.SyncResult result = step("fallback sync", () -> sql("syncing the new target's changes back", () -> {
            // read even when not needed as the end: a target that cannot be followed is refused here, by name
            dbshift.core.sync.SourcePosition head = logPosition(target, TARGET_WITHOUT_CAPTURE);
            dbshift.core.sync.SyncResult r = new dbshift.core.sync.Synchronizer(target, source, back, options, run)
                    .reconnectWithin(syncReconnectMillis).run(untilCaughtUp ? head : null, maxSeconds * 1000);
            List<String> warnings = new ArrayList<>(onlyOnTarget());
            // the old source's own triggers fire for every row applied to it; the new target's triggers already ran
            readSource().schemas().stream().flatMap(sc -> sc.triggers().stream()).forEach(t -> warnings.add("trigger " + t.name()
                    + " on the old source fires for the rows applied to " + t.table() + " (its effects may arrive twice: "
                    + "drop or disable it on the old source for the bake-in period)"));
            r = r.withWarnings(warnings);
            run.sync(r);
            return r;
        }), r -> String.format(java.util.Locale.ROOT, "%,d changed rows of the new target applied to the old source, %s → %s; %s",
                r.changes(), r.from(), r.applied(), r.caughtUp() ? "caught up" : String.format(java.util.Locale.ROOT,
                        "%.1f s behind", r.lagSeconds())), !untilCaughtUp);
        return result;
    }

    /** Tables created on the new target after the migration: their rows cannot flow back. */
    private List<String> onlyOnTarget() {
        Set<String> mapped = new HashSet<>();
        tableMappings().forEach(m -> mapped.add(m.target().name().toString()));
        List<String> out = new ArrayList<>();
        try (Connection c = target.open()) {
            Set<String> schemas = new java.util.TreeSet<>();
            tableMappings().forEach(m -> schemas.add(m.target().name().schema()));
            Catalog live = target.dialect().catalogReader().orElseThrow().read(c, List.copyOf(schemas), false);
            for (Table t : live.tables()) {
                if (!mapped.contains(t.name().toString())) {
                    out.add("table " + t.name() + " exists only on the new target: its rows do not flow back to the old source");
                }
            }
        } catch (SQLException e) {
            out.add("could not look for tables created on the new target: " + e.getMessage());
        }
        return out;
    }

    /**
     * Switches back: applies the new target's last changes to the old source and verifies every table the other way
     * round (the new target as the reference). The run passes only if all match.
     */
    public void fallbackCutover(boolean freezeTarget) {
        requireTarget();
        requireSource();
        if (freezeTarget) {
            step("freeze target", () -> sql("freezing writes on the new target", () -> {
                try (Connection tgt = target.open()) {
                    run.note(target.dialect().freezeWrites(tgt));
                }
                return null;
            }));
        }
        fallbackSync(true, 0);
        List<TableMapping> back = reversedMappings();
        step("verify", () -> sql("verifying the old source against the new target", () -> {
            new Verifier(target, source, options, run).verify(back);
            return null;
        }));
        boolean ready = back.stream().map(m -> run.table(m.target().name().schema(), m.target().name().name()))
                .allMatch(t -> t != null && "match".equals(t.checksum()));
        run.step(new StepResult("fallback cutover", ready ? Status.OK : Status.FAILED, 0, ready
                ? "the old source holds the new target's data as of " + run.syncResult().applied()
                        + "; point the applications back at it"
                : "differences remain; do not switch back (see tables)"));
        if (!ready) {
            throw new MigrationException("fallback-cutover: verification found differences; the old source is not ready",
                    MigrationException.FAILURES);
        }
    }

    /** Checks the gate's conditions (see {@link #cutover(boolean, Script, dbshift.core.sync.CutoverGate)}); returns what its window applied. */
    private dbshift.core.sync.SyncResult checkGate(dbshift.core.sync.CutoverGate gate) {
        List<dbshift.core.sync.CutoverGate.Condition> conditions = new ArrayList<>();
        List<TableMapping> mappings = tableMappings();
        dbshift.core.sync.SyncResult window = sql("cutover gate: following the source", () ->
                new dbshift.core.sync.Synchronizer(source, target, mappings, options, run).reconnectWithin(syncReconnectMillis)
                        .run(null, Math.max(1, gate.windowSeconds()) * 1000));
        conditions.add(new dbshift.core.sync.CutoverGate.Condition("sync lag", window.maxLagSeconds() <= gate.maxLagSeconds(),
                String.format(Locale.ROOT, "at most %.1f s behind the source while following it for %d s (limit %.1f s); "
                        + "%,d changed rows applied", window.maxLagSeconds(), gate.windowSeconds(), gate.maxLagSeconds(),
                        window.changes())));
        java.util.Optional<dbshift.core.data.VerificationState.Last> last = sql("cutover gate: reading the last verification",
                () -> {
                    try (Connection c = target.open()) {
                        return new dbshift.core.data.VerificationState(target.dialect()).last(c, scopeKey(mappings));
                    }
                });
        String recheck = last.isPresent() && !last.get().clean() && !last.get().differingTables().isEmpty()
                ? recheckDiffering(mappings, last.get().differingTables()) : null;
        boolean verified = last.isPresent() && (last.get().clean() || recheck != null && recheck.isEmpty());
        conditions.add(new dbshift.core.sync.CutoverGate.Condition("verification", verified,
                last.isEmpty() ? "no full verification of these databases is recorded on the target: run verify (and repair)"
                        : last.get().clean() ? "last full verification " + last.get().finished() + ": " + last.get().tables()
                                + " table(s), all match"
                                : verified ? "last full verification " + last.get().finished() + " found " + last.get().differing()
                                        + " of " + last.get().tables() + " table(s) differing (changes still in flight then); "
                                        + "compared again now that the sync has caught up: all equal"
                                        : "last full verification " + last.get().finished() + " found " + last.get().differing()
                                                + " of " + last.get().tables() + " table(s) differing"
                                                + (recheck == null ? "" : "; still differing now that the sync has caught up: " + recheck)
                                                + ": run repair, then verify"));
        long blocking = assess().stream().filter(Finding::isBlocking).count();
        conditions.add(new dbshift.core.sync.CutoverGate.Condition("findings", blocking == 0,
                blocking + " blocking finding(s) open" + (blocking == 0 ? "" : " (see the report)")));
        conditions.addAll(gate.extra());
        List<String> failed = new ArrayList<>();
        for (var c : conditions) {
            if (!c.passed()) {
                failed.add(c.name() + ": " + c.detail());
            }
            run.step(new StepResult("gate: " + c.name(), c.passed() ? Status.OK : gate.force() ? Status.WARNING : Status.FAILED, 0,
                    c.detail() + (!c.passed() && gate.force() ? "; overridden by --force" : "")));
        }
        if (!failed.isEmpty() && !gate.force()) {
            throw new MigrationException("cutover refused by its gate (nothing was switched): " + String.join("; ", failed)
                    + ". Fix these (wait for the sync, repair, resolve the findings) or pass --force to switch anyway",
                    MigrationException.FAILURES);
        }
        if (!failed.isEmpty()) {
            run.note("the cutover gate was overridden by --force: " + String.join("; ", failed));
        }
        return window;
    }

    /**
     * A verification that ran while the source was still being written (migrate's, for instance) finds the rows
     * changed since the copy; the sync then applies them. The gate therefore compares the tables that differed
     * again once the sync has caught up, up to three times 2 s apart; it returns the tables that still differ
     * (empty when all are equal).
     */
    private String recheckDiffering(List<TableMapping> mappings, List<String> differing) {
        List<TableMapping> again = mappings.stream().filter(m -> differing.contains(m.key())).toList();
        if (again.size() != differing.size()) {
            return "tables of that verification are no longer part of the migration";
        }
        boolean followed = source.dialect().changeCapture().isPresent();
        String still = "";
        for (int attempt = 1; attempt <= 3; attempt++) {
            MigrationRun check = new MigrationRun(run.source(), run.target(), kind.id(), options);
            still = sql("cutover gate: comparing the tables that differed", () -> {
                if (followed) {
                    dbshift.core.sync.SourcePosition now = logPosition(source, SOURCE_WITHOUT_CAPTURE);
                    new dbshift.core.sync.Synchronizer(source, target, mappings, options, check).reconnectWithin(syncReconnectMillis)
                            .run(now, 0);
                }
                new Verifier(source, target, options, check).verify(again);
                return String.join(", ", again.stream().filter(m -> {
                    dbshift.core.run.TableResult t = check.table(m.target().name().schema(), m.target().name().name());
                    return t == null || !"match".equals(t.checksum());
                }).map(TableMapping::key).toList());
            });
            if (still.isEmpty() || run.progress().isCancelled()) {
                return still;
            }
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return still;
            }
        }
        return still;
    }

    public void verify() {
        verify(Map.of());
    }

    /**
     * Verifies; for the slices in {@code fromCopy} (source fingerprints the copy of this same run computed from the
     * rows it read) only the target is read back. Only {@link #migrate} passes any, right after its copy.
     */
    private void verify(Map<String, Map<dbshift.core.data.KeyRange, dbshift.core.data.RowHasher>> fromCopy) {
        requireTarget();
        requireSource();
        refuseSelfTarget("verify");
        step("verify", () -> sql("verifying the data", () -> {
            List<TableMapping> mappings = tableMappings();
            Verifier verifier = new Verifier(source, target, options, run).withSourceFingerprints(fromCopy);
            verifier.verify(mappings);
            if (verifier.slicesFromCopy() > 0) {
                run.note("verify: the source side of " + verifier.slicesFromCopy() + " slice(s) was fingerprinted from the rows "
                        + "the copy of this run read from the source (every target row was read back and compared); changes "
                        + "made to the source after its slice was copied are not seen here: 'dbshift verify' reads both sides afresh");
            }
            List<String> differing = mappings.stream().filter(m -> {
                dbshift.core.run.TableResult t = run.table(m.target().name().schema(), m.target().name().name());
                return t == null || !"match".equals(t.checksum());
            }).map(TableMapping::key).toList();
            try (Connection c = target.open()) {
                new dbshift.core.data.VerificationState(target.dialect()).record(c, scopeKey(mappings), mappings.size(), differing);
            }
            return null;
        }));
    }

    /**
     * Compares the tables the last verification found different again, every two seconds, until all match or
     * {@code settleMillis} have passed; each round is a step of the run. Every table's result is its last comparison.
     */
    private void verifyAgainWhileDiffering(long settleMillis) {
        long deadline = System.currentTimeMillis() + settleMillis;
        List<TableMapping> mappings = tableMappings();
        for (int round = 1;; round++) {
            List<TableMapping> differing = mappings.stream().filter(m -> {
                dbshift.core.run.TableResult t = run.table(m.target().name().schema(), m.target().name().name());
                return t == null || !"match".equals(t.checksum());
            }).toList();
            if (differing.isEmpty() || System.currentTimeMillis() + 2000 > deadline || run.progress().isCancelled()) {
                return;
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            step("verify again (" + round + ")", () -> sql("verifying the differing tables again", () -> {
                new Verifier(source, target, options, run).verify(differing);
                List<String> still = mappings.stream().filter(m -> {
                    dbshift.core.run.TableResult t = run.table(m.target().name().schema(), m.target().name().name());
                    return t == null || !"match".equals(t.checksum());
                }).map(TableMapping::key).toList();
                try (Connection c = target.open()) {
                    new dbshift.core.data.VerificationState(target.dialect()).record(c, scopeKey(mappings), mappings.size(), still);
                }
                return null;
            }), r -> differing.size() + " table(s) that differed compared again");
        }
    }

    /** The key under which this migration's set of databases keeps its replication and verification state. */
    private String scopeKey(List<TableMapping> mappings) {
        return dbshift.core.sync.Synchronizer.sourceKey(source, mappings);
    }

    /**
     * Compares every slice of every table with the source and copies again exactly the slices that differ (rows
     * deleted, changed or added on the target), each in one transaction with its checkpoint, then verifies all.
     */
    public void repair() {
        requireTarget();
        requireSource();
        refuseSelfTarget("repair");
        step("repair", () -> sql("repairing the data", () -> {
            new CopyEngine(source, target, options, run).repair(tableMappings());
            return null;
        }));
        verify();
    }

    // ---- users -----------------------------------------------------------------------------------------------

    /** Creates the chosen accounts with their grants; privileges the target refuses are reported, not dropped silently. */
    public void users() {
        requireTarget();
        if (options.users().isEmpty()) {
            return;
        }
        Catalog src = readSource();
        // the principals as the target gets them: a converter may map them (e.g. logins to contained users)
        Catalog converted = convert().catalog();
        step("users", () -> sql("migrating users", () -> {
            List<Principal> chosen = converted.principals().stream().filter(p -> options.users().stream().anyMatch(p::matches))
                    .sorted(java.util.Comparator.comparing((Principal p) -> p.kind() == Principal.Kind.ROLE ? 0 : 1))
                    .toList();
            for (String wanted : options.users()) {
                if (!wanted.equals("*") && chosen.stream().noneMatch(p -> p.matches(wanted))) {
                    boolean onSource = src.principals().stream().anyMatch(p -> p.matches(wanted));
                    run.principal(new PrincipalResult(wanted, "user", onSource ? Status.SKIPPED : Status.FAILED, List.of(),
                            onSource ? "not migrated to this target kind; see the assessment's findings"
                                    : "no such account on the source"));
                }
            }
            try (Connection c = target.open()) {
                for (Principal p : chosen) {
                    migratePrincipal(c, p);
                }
            }
            return null;
        }));
    }

    private void migratePrincipal(Connection c, Principal p) {
        List<String> refused = new ArrayList<>();
        List<Grant> grants = new ArrayList<>();
        for (Grant g : p.grants()) {
            List<String> hit = g.refusedBy(kind.refusedPrivileges());
            refused.addAll(hit.stream().map(h -> h + " ON " + g.level()).toList());
            List<String> kept = new ArrayList<>();
            if (g.isAll() && !hit.isEmpty()) {
                // ALL PRIVILEGES minus the refused ones cannot be written; grant what the target's admins may hand out
                kept.addAll(kind.allPrivilegesReplacement());
            } else {
                g.privileges().stream().filter(x -> !hit.contains(Grant.bare(x))).forEach(kept::add);
            }
            if (!kept.isEmpty()) {
                grants.add(new Grant(g.statement(), kept, g.level(), g.withGrantOption()));
            }
        }
        Principal filtered = new Principal(p.kind(), p.name(), p.host(), p.authPlugin(), p.authString(), p.locked(), p.roles(),
                grants, p.defaultSchema());
        List<String> errors = new ArrayList<>();
        for (String sql : targetDialect().ddlWriter().createPrincipal(filtered)) {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                // the statement may carry a password hash: report the server's message, never the statement
                errors.add(e.getMessage());
            }
        }
        Status status = !errors.isEmpty() ? Status.FAILED : refused.isEmpty() ? Status.OK : Status.WARNING;
        String message = !errors.isEmpty() ? String.join("; ", errors)
                : refused.isEmpty() ? null : "created without privileges the target refuses";
        run.principal(new PrincipalResult(p.account(), p.kind().name().toLowerCase(Locale.ROOT), status, refused, message));
    }

    // ---- everything ------------------------------------------------------------------------------------------

    /**
     * The whole migration: assess (stops on blocking findings), deploy what the target lacks before the data,
     * copy, deploy the rest, verify, and migrate the chosen users. Throws at the first failing step; the run
     * holds what happened up to there.
     */
    public void migrate() {
        requireTarget();
        requireSource();
        try {
            refuseSelfTarget("migrate");
            assess();
            if (hasBlockingFindings()) {
                long n = findings.stream().filter(Finding::isBlocking).count();
                run.step(new StepResult("migrate", Status.FAILED, 0, n + " blocking finding(s): nothing was changed on the target"));
                throw new MigrationException(n + " blocking finding(s); fix them (see the report) or change the options, "
                        + "then run again. Nothing was changed on the target.", MigrationException.FAILURES);
            }
            Script plan = plan();
            deploy(plan, BEFORE_DATA, "schema");
            // the copy fingerprints the source rows it reads, so that the verification below reads only the target
            fingerprintCopy = true;
            try {
                copy();
            } finally {
                fingerprintCopy = false;
            }
            Set<Phase> after = EnumSet.complementOf(EnumSet.copyOf(BEFORE_DATA));
            if (options.deferTriggers()) {
                // replicated changes must not fire them on the target; cutover creates them
                after.removeAll(EnumSet.of(Phase.TRIGGERS, Phase.EVENTS));
                run.note("triggers and events are left for cutover (--defer-triggers)");
            }
            deploy(plan, after, "schema after data");
            Map<String, Map<dbshift.core.data.KeyRange, dbshift.core.data.RowHasher>> fromCopy = copyFingerprints;
            copyFingerprints = Map.of();
            verify(fromCopy);
            users();
        } finally {
            run.finish();
        }
    }

    /**
     * Refuses, before anything is written, a target table that is its source table itself (one server reached
     * through two URLs, the same database named on both sides). Checked once per migration.
     */
    private void refuseSelfTarget(String what) {
        if (overlapChecked || source == null || target == null) {
            return;
        }
        try {
            dbshift.core.data.SourceTargetOverlap.refuse(source, target, tableMappings(), what);
        } catch (MigrationException e) {
            run.step(new StepResult(what, Status.FAILED, 0, e.getMessage()));
            throw e;
        }
        overlapChecked = true;
    }

    private static final String SOURCE_WITHOUT_CAPTURE = " sources have no change capture in DBShift";
    private static final String TARGET_WITHOUT_CAPTURE = " targets have no change capture in DBShift: fallback-sync cannot "
            + "follow them";

    /** Where {@code endpoint}'s change log is now; {@code without} (after the engine's name) when it keeps none DBShift follows. */
    private static dbshift.core.sync.SourcePosition logPosition(Endpoint endpoint, String without) throws SQLException {
        var capture = endpoint.dialect().changeCapture().orElseThrow(() -> new SQLException(endpoint.dialect().displayName()
                + without));
        try (Connection c = endpoint.open()) {
            return capture.position(c);
        }
    }

    private void requireTarget() {
        if (target == null) {
            throw new MigrationException("this step needs a target (--target)", MigrationException.USAGE);
        }
    }

    private void requireSource() {
        if (source == null) {
            throw new MigrationException("this step needs a live source (--source); a script source has no data",
                    MigrationException.USAGE);
        }
    }
}
