package dbshift.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dbshift.core.assess.Finding;
import dbshift.core.assess.Severity;
import dbshift.core.engine.ConnectionSpec;
import dbshift.core.engine.Dialect;
import dbshift.core.engine.Dialects;
import dbshift.core.engine.Endpoint;
import dbshift.core.engine.TargetKind;
import dbshift.core.report.ReportWriter;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationException;
import dbshift.core.run.MigrationOptions;
import dbshift.core.run.MigrationRun;
import dbshift.core.run.StepResult;
import dbshift.core.run.TableResult;
import dbshift.core.script.Script;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every migration command shares (a contract: they are never renamed), password handling, the
 * progress line, the report files and the exit code.
 */
abstract class MigrationCommand implements Callable<Integer> {
    static final String SOURCE_PASSWORD = "DBSHIFT_SOURCE_PASSWORD";
    static final String TARGET_PASSWORD = "DBSHIFT_TARGET_PASSWORD";

    @Spec
    CommandSpec spec;

    /** Where passwords come from: the process environment, or what a caller (a test) hands in. */
    Map<String, String> environment = System.getenv();

    @Option(names = "--source", paramLabel = "URL", description = "Source JDBC URL: jdbc:mysql:, jdbc:mariadb:, jdbc:sqlserver:, jdbc:jtds:sybase:.")
    String sourceUrl;

    @Option(names = "--source-script", paramLabel = "FILE", description = "Read the source schema from this script instead of a server (assess, script, deploy; no data).")
    Path sourceScript;

    @Option(names = "--source-kind", paramLabel = "ENGINE", description = "The engine whose dialect --source-script is written in: sqlserver or sybase.")
    String sourceKind;

    @Option(names = "--bulk-batch-size", paramLabel = "ROWS", description = "SQL Server targets: rows per bulk copy batch (default: 0, the whole slice in one batch).")
    Integer bulkBatchSize;

    @Option(names = "--load-method", paramLabel = "METHOD", description = "SQL Server targets: bulk (the bulk copy API, "
            + "default), insert (batched parameterised INSERTs in the slice's transaction, with SET IDENTITY_INSERT) or auto "
            + "(bulk, and INSERTs for a table whose bulk load the server refuses, reported; the default for babelfish targets).")
    String loadMethod;

    @Option(names = "--bulk-table-lock", description = "SQL Server targets: bulk copy with TABLOCK (faster into heaps; slices of one table then wait for each other).")
    boolean bulkTableLock;

    @Option(names = "--bulk-keep-identity", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "SQL Server targets: keep the source's identity values (default: on; --no-bulk-keep-identity lets the target number rows).")
    boolean bulkKeepIdentity = true;

    @Option(names = "--bulk-keep-nulls", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "SQL Server targets: keep NULLs where the column has a default (default: on).")
    boolean bulkKeepNulls = true;

    @Option(names = "--source-user", paramLabel = "NAME", description = "Source user; the password comes from $" + SOURCE_PASSWORD + " or a prompt.")
    String sourceUser;

    @Option(names = "--target", paramLabel = "URL", description = "Target JDBC URL.")
    String targetUrl;

    @Option(names = "--target-user", paramLabel = "NAME", description = "Target user; the password comes from $" + TARGET_PASSWORD + " or a prompt.")
    String targetUser;

    @Option(names = "--target-kind", paramLabel = "KIND", description = "mysql | azure-mysql | mariadb | sqlserver | azure-sql-db | azure-sql-mi (default: from the target URL).")
    String targetKind;

    @Option(names = "--out", paramLabel = "DIR", description = "Where schema.sql, report.json and report.csv go (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("dbshift-out");

    @Option(names = "--jobs", paramLabel = "N", description = "Parallel workers for copy and verify (default: number of cores, at least 2).")
    Integer jobs;

    @Option(names = "--definer", paramLabel = "MODE", description = "strip | keep | rewrite: DEFINER of views, routines, triggers, events (default: strip).")
    String definer = "strip";

    @Option(names = "--definer-user", paramLabel = "ACCOUNT", description = "With --definer rewrite: the account to name, e.g. app@%% (default: the target user).")
    String definerUser;

    @Option(names = "--databases", paramLabel = "NAMES", split = ",", description = "Databases to migrate (default: all user databases of the source).")
    List<String> databases = new ArrayList<>();

    @Option(names = "--map-database", paramLabel = "SRC=DST", description = "Put source database SRC into target database DST "
            + "(repeatable; SRC.SCHEMA=DST.SCHEMA where the unit is a schema, as in SQL Server). Every reference follows: views, "
            + "routines, triggers, events, foreign keys, grants, copy, verify, sync. Default: a single source database goes to "
            + "the database the target URL names.")
    List<String> mapDatabase = new ArrayList<>();

    @Option(names = "--users", paramLabel = "ACCOUNTS", split = ",", description = "Accounts to migrate with their grants, e.g. app,report@%% or * (default: none).")
    List<String> users = new ArrayList<>();

    @Option(names = "--zero-dates", paramLabel = "MODE", description = "keep | null: MySQL zero dates in the data (default: keep).")
    String zeroDates = "keep";

    @Option(names = "--chunk-rows", paramLabel = "N", description = "Rows per copy slice (default: sized from the table).")
    int chunkRows;

    @Option(names = "--continue-on-error", description = "Run every statement even after one fails (default: stop at the first failure).")
    boolean continueOnError;

    @Option(names = "--truncate", description = "Replace rows already in target tables instead of refusing to copy into them.")
    boolean truncate;

    @Option(names = "--keep-utf8mb3", description = "Keep utf8mb3 columns as they are instead of converting them to utf8mb4.")
    boolean keepUtf8mb3;

    @Option(names = "--indexes-with-tables", description = "Create secondary indexes with the tables instead of after the data.")
    boolean indexesWithTables;

    @Option(names = "--probe", paramLabel = "MODE", description = "sample | full | off: how much of each table the lossy-value "
            + "preview of assess reads to count values the target types would change or refuse (default: sample).")
    String probe = "sample";

    @Option(names = "--probe-rows", paramLabel = "N", description = "Rows per table a --probe sample reads, the first in key order (default: 100000).")
    int probeRows = dbshift.core.preview.ProbeOptions.DEFAULT_SAMPLE_ROWS;

    @Option(names = "--defer-triggers", description = "Create triggers and events at cutover, so that changes replicated by 'sync' do not fire them.")
    boolean deferTriggers;

    private final boolean needsSource;
    private final boolean needsTarget;

    /** Whether this command needs a source and a target. */
    MigrationCommand(boolean needsSource, boolean needsTarget) {
        this.needsSource = needsSource;
        this.needsTarget = needsTarget;
    }

    boolean needsSource() {
        return needsSource;
    }

    boolean needsTarget() {
        return needsTarget;
    }

    /** The command's work on a prepared migration. */
    abstract void perform(Migration migration, PrintWriter out) throws IOException;

    /** Checks the command's own options before anything connects; throws a usage {@link MigrationException}. */
    void validate() {
    }

    /**
     * A numeric option within its range, or a usage error naming the option, the range and the value given: every
     * numeric option is checked this one way.
     */
    static long inRange(String option, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            throw new MigrationException(option + " must be between " + min + " and " + max + " " + unit + ", not " + value,
                    MigrationException.USAGE);
        }
        return value;
    }

    /** The output folder exists and takes files, checked before anything connects or runs. */
    void checkOutputFolder() {
        String problem = null;
        try {
            Files.createDirectories(out);
            Path probe = Files.createTempFile(out, ".dbshift-", ".probe");
            Files.delete(probe);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            problem = e.getFile() + " is a file, not a folder";
        } catch (java.nio.file.NoSuchFileException e) {
            problem = "a folder cannot be created there";
        } catch (java.nio.file.AccessDeniedException e) {
            problem = "permission denied" + (e.getFile() != null && !Path.of(e.getFile()).equals(out) ? " on " + e.getFile() : "");
        } catch (java.nio.file.FileSystemException e) {
            problem = e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
        } catch (IOException | UnsupportedOperationException e) {
            problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        if (problem != null) {
            throw new MigrationException("--out " + out + ": cannot write the report and script there (" + problem
                    + "); choose a folder you can write to", MigrationException.USAGE);
        }
    }

    @Override
    public Integer call() {
        // Ctrl+C / SIGTERM: stop the step at its next safe point and let this thread write the report first
        java.util.concurrent.atomic.AtomicReference<Migration> running = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.CountDownLatch reported = new java.util.concurrent.CountDownLatch(1);
        Thread stop = new Thread(() -> {
            Migration m = running.get();
            if (m != null) {
                m.run().progress().cancel();
                try {
                    reported.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "dbshift-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            return run(running);
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running and now sees the report written
            }
        }
    }

    private Integer run(java.util.concurrent.atomic.AtomicReference<Migration> running) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Migration migration = null;
        ProgressLine progress = null;
        try {
            validate();
            options();
            Migration prepared = prepare();
            checkOutputFolder();
            migration = prepared;
            running.set(migration);
            progress = ProgressLine.start(migration.run().progress(), err);
            perform(migration, out);
            migration.run().finish();
            progress.stop();
            writeReports(migration.run(), out);
            int code = migration.run().hasFailures() ? Main.EXIT_FAILURES : Main.EXIT_OK;
            summary(migration.run(), out, code);
            return code;
        } catch (MigrationException e) {
            if (progress != null) {
                progress.stop();
            }
            err.println("dbshift: " + e.getMessage());
            if (migration != null) {
                migration.run().finish();
                try {
                    writeReports(migration.run(), out);
                    summary(migration.run(), out, e.exitCode());
                } catch (IOException io) {
                    err.println("dbshift: " + cannotWrite(io));
                }
            }
            return e.exitCode();
        } catch (IllegalArgumentException e) {
            err.println("dbshift: " + e.getMessage());
            return Main.EXIT_USAGE;
        } catch (IOException e) {
            err.println("dbshift: " + cannotWrite(e));
            return Main.EXIT_FAILURES;
        }
    }

    /** What went wrong writing which file: a bare path is no message. */
    static String cannotWrite(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f) {
            String why = f instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : f instanceof java.nio.file.NoSuchFileException ? "its folder does not exist"
                    : f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
            return "cannot write " + f.getFile() + (f.getOtherFile() == null ? "" : " (" + f.getOtherFile() + ")") + ": " + why;
        }
        return "cannot write a file: " + e;
    }

    Migration prepare() {
        if (sourceScript != null) {
            return prepareFromScript();
        }
        if (needsSource() && sourceUrl == null) {
            throw new MigrationException("--source is required for '" + spec.name() + "' (or --source-script FILE for a schema script)",
                    MigrationException.USAGE);
        }
        if (needsTarget() && targetUrl == null) {
            throw new MigrationException("--target is required for '" + spec.name() + "'", MigrationException.USAGE);
        }
        MigrationOptions options = options();
        TargetKind kind = targetKind();
        dbshift.core.convert.DatabaseMap map = databaseMap();
        Endpoint source = Migration.connect("source", connectionSpec(sourceUrl, sourceUser, SOURCE_PASSWORD, "source", null));
        Endpoint target = targetUrl == null ? null
                : Migration.connectTarget(connectionSpec(targetUrl, targetUser, TARGET_PASSWORD, "target", kind));
        return Migration.live(source, target, kind, options).mapDatabases(map);
    }

    /** A source read offline from a schema script: assess, script and deploy work; copy and verify need a server. */
    Migration prepareFromScript() {
        if (sourceUrl != null) {
            throw new MigrationException("give either --source or --source-script, not both", MigrationException.USAGE);
        }
        if (needsTarget() && targetUrl == null) {
            throw new MigrationException("--target is required for '" + spec.name() + "'", MigrationException.USAGE);
        }
        List<Dialect> readers = Dialects.all().stream().filter(d -> d.scriptReader().isPresent()).toList();
        Dialect dialect;
        if (sourceKind != null) {
            try {
                dialect = Dialects.require(sourceKind);
            } catch (IllegalArgumentException e) {
                throw new MigrationException("--source-kind: " + e.getMessage(), MigrationException.USAGE);
            }
            if (dialect.scriptReader().isEmpty()) {
                throw new MigrationException("--source-kind " + sourceKind + ": DBShift cannot read " + dialect.displayName()
                        + " scripts (it can read: " + readers.stream().map(Dialect::id).toList() + ")", MigrationException.USAGE);
            }
        } else if (readers.size() == 1) {
            dialect = readers.get(0);
        } else {
            throw new MigrationException("--source-script needs --source-kind (one of " + readers.stream().map(Dialect::id).toList()
                    + ")", MigrationException.USAGE);
        }
        String text = TextFile.read("--source-script", sourceScript);
        MigrationOptions options = options();
        // without a target, the script's own engine family is the natural target
        TargetKind kind = targetKind == null && targetUrl == null ? Dialects.targetKind(dialect.defaultTargetKind(""))
                : targetKind();
        dbshift.core.model.Catalog catalog = dialect.scriptReader().orElseThrow().read(text, null);
        dbshift.core.convert.DatabaseMap map = databaseMap();
        Endpoint target = targetUrl == null ? null
                : Migration.connectTarget(connectionSpec(targetUrl, targetUser, TARGET_PASSWORD, "target", kind));
        return Migration.offline(catalog, sourceScript.toString(), target, kind, options).mapDatabases(map);
    }

    /** {@code --map-database} as written, checked for form before anything connects. */
    dbshift.core.convert.DatabaseMap databaseMap() {
        try {
            return dbshift.core.convert.DatabaseMap.parse(mapDatabase, "--map-database");
        } catch (IllegalArgumentException e) {
            throw new MigrationException(e.getMessage(), MigrationException.USAGE);
        }
    }

    MigrationOptions options() {
        MigrationOptions o = MigrationOptions.defaults();
        try {
            o = o.withDefiner(MigrationOptions.DefinerMode.parse(definer), definerUser);
        } catch (IllegalArgumentException e) {
            throw new MigrationException("--definer must be strip, keep or rewrite, not '" + definer + "'", MigrationException.USAGE);
        }
        try {
            o = o.withZeroDates(MigrationOptions.ZeroDates.parse(zeroDates));
        } catch (IllegalArgumentException e) {
            throw new MigrationException("--zero-dates must be keep or null, not '" + zeroDates + "'", MigrationException.USAGE);
        }
        try {
            o = o.withProbe(new dbshift.core.preview.ProbeOptions(dbshift.core.preview.ProbeOptions.Mode.parse(probe),
                    (int) inRange("--probe-rows", probeRows, 1, Integer.MAX_VALUE, "rows")));
        } catch (IllegalArgumentException e) {
            throw new MigrationException(e.getMessage(), MigrationException.USAGE);
        }
        if (jobs != null) {
            o = o.withJobs((int) inRange("--jobs", jobs, 1, 256, "workers"));
        }
        // 0 (the default) sizes slices from the table
        inRange("--chunk-rows", chunkRows, 0, Integer.MAX_VALUE, "rows (0: sized from the table)");
        if (bulkBatchSize != null) {
            inRange("--bulk-batch-size", bulkBatchSize, 0, Integer.MAX_VALUE, "rows (0: the whole slice)");
            o = o.withEngineOption("sqlserver.bulk.batchSize", bulkBatchSize.toString());
        }
        if (loadMethod != null && !List.of("bulk", "insert", "auto").contains(loadMethod)) {
            throw new MigrationException("--load-method must be bulk, insert or auto, not '" + loadMethod + "'",
                    MigrationException.USAGE);
        }
        String method = loadMethod != null ? loadMethod : "babelfish".equals(targetKind) ? "auto" : null;
        o = o.withEngineOption("sqlserver.loadMethod", method);
        for (String u : users) {
            checkAccount(u);
        }
        o = o.withEngineOption("sqlserver.bulk.tableLock", Boolean.toString(bulkTableLock))
                .withEngineOption("sqlserver.bulk.keepIdentity", Boolean.toString(bulkKeepIdentity))
                .withEngineOption("sqlserver.bulk.keepNulls", Boolean.toString(bulkKeepNulls));
        return o.withSchemas(databases).withUsers(users).withChunkRows(chunkRows).withContinueOnError(continueOnError)
                .withTruncateTarget(truncate).withConvertUtf8mb3(!keepUtf8mb3).withIndexesAfterData(!indexesWithTables)
                .withDeferTriggers(deferTriggers);
    }

    /**
     * One entry of {@code --users}: {@code *}, {@code name} or {@code name@host} (quoted parts allowed), never empty,
     * so that every command reads the list the same way and none turns a stray comma into an account.
     */
    static void checkAccount(String entry) {
        String e = entry.strip();
        String problem = null;
        if (e.isEmpty()) {
            problem = "an empty account name (a doubled or trailing comma?)";
        } else if (!e.equals("*")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^('[^']+'|`[^`]+`|\\[[^\\]]+\\]|[^@'`\\s]+)"
                    + "(?:@('[^']*'|`[^`]*`|[^@'`\\s]+))?$").matcher(e);
            if (!m.matches()) {
                problem = e.endsWith("@") ? "the host after @ is missing"
                        : e.indexOf('@') != e.lastIndexOf('@') ? "more than one @ (quote a name that contains one: 'a@b'@'host')"
                        : "not an account (write name, name@host or *)";
            }
        }
        if (problem != null) {
            throw new MigrationException("--users: '" + entry + "': " + problem, MigrationException.USAGE);
        }
    }

    TargetKind targetKind() {
        if (targetKind != null) {
            TargetKind kind;
            try {
                kind = Dialects.targetKind(targetKind);
            } catch (IllegalArgumentException e) {
                throw new MigrationException("--target-kind: " + e.getMessage(), MigrationException.USAGE);
            }
            if (targetUrl != null) {
                Dialect server;
                try {
                    server = Dialects.forUrl(targetUrl);
                } catch (IllegalArgumentException e) {
                    throw new MigrationException("target: " + e.getMessage(), MigrationException.USAGE);
                }
                // one server family (MySQL and MariaDB, whose drivers reach either) shares a dialect hierarchy
                List<Dialect> family = Dialects.all().stream().filter(d -> d.getClass().isInstance(server)
                        || server.getClass().isInstance(d)).toList();
                if (family.stream().noneMatch(d -> d.id().equals(kind.dialect()))) {
                    throw new MigrationException("--target-kind " + targetKind + " does not fit the target "
                            + ConnectionSpec.displayUrl(targetUrl) + ": that URL leads to a "
                            + String.join(" or ", family.stream().map(Dialect::displayName).toList()) + " server; the kinds that fit it are "
                            + String.join(", ", Dialects.targetKinds().stream().filter(k -> family.stream()
                                    .anyMatch(d -> d.id().equals(k.dialect()))).map(TargetKind::id).toList()),
                            MigrationException.USAGE);
                }
            }
            return kind;
        }
        if (targetUrl == null) {
            return Dialects.targetKind("mysql");
        }
        Dialect d;
        try {
            d = Dialects.forUrl(targetUrl);
        } catch (IllegalArgumentException e) {
            throw new MigrationException("target: " + e.getMessage(), MigrationException.USAGE);
        }
        if (targetUrl.contains(".mysql.database.azure.com")) {
            return Dialects.targetKind("azure-mysql");
        }
        return Dialects.targetKind(d.defaultTargetKind(targetUrl));
    }

    /**
     * The password comes from the environment (set but empty means empty), else from a prompt on a terminal;
     * never from the command line. Azure targets get encrypted connections unless the URL says otherwise.
     */
    ConnectionSpec connectionSpec(String url, String user, String variable, String role, TargetKind kind) {
        java.util.regex.Matcher port = java.util.regex.Pattern.compile("^jdbc:[a-zA-Z:]+//(?:\\[[^\\]]*\\]|[^/:;?\\[]*):(\\d+)")
                .matcher(url);
        if (port.find() && (port.group(1).length() > 5 || Integer.parseInt(port.group(1)) < 1
                || Integer.parseInt(port.group(1)) > 65535)) {
            throw new MigrationException("--" + role + " " + ConnectionSpec.displayUrl(url) + ": port " + port.group(1)
                    + " is out of range (1-65535)", MigrationException.USAGE);
        }
        String fromEnv = environment.get(variable);
        char[] password;
        if (fromEnv != null) {
            password = fromEnv.toCharArray();
        } else {
            Console console = System.console();
            if (console == null) {
                throw new MigrationException("no password for the " + role + ": set " + variable
                        + " (set it to an empty value for no password), or run on a terminal to be prompted",
                        MigrationException.USAGE);
            }
            password = console.readPassword("Password for the %s %s%s: ", role, ConnectionSpec.displayUrl(url),
                    user == null ? "" : " as " + user);
            if (password == null) {
                throw new MigrationException("no password entered for the " + role, MigrationException.USAGE);
            }
        }
        Map<String, String> props = new HashMap<>();
        if (kind != null && kind.encryptedByDefault()) {
            try {
                props.putAll(Dialects.forUrl(url).encryptionProperties(url));
            } catch (IllegalArgumentException e) {
                throw new MigrationException(role + ": " + e.getMessage(), MigrationException.USAGE);
            }
        }
        return new ConnectionSpec(url, user, password, props);
    }

    void writeReports(MigrationRun run, PrintWriter out) throws IOException {
        ReportWriter writer = new ReportWriter();
        writer.writeJson(run, this.out.resolve("report.json"));
        writer.writeCsv(run, this.out.resolve("report.csv"));
    }

    void writeScript(Migration migration, Script script) throws IOException {
        Files.createDirectories(out);
        String text = migration.targetDialect().scriptSyntax().render(script);
        Files.writeString(out.resolve("schema.sql"), text);
    }

    void summary(MigrationRun run, PrintWriter out, int exitCode) {
        out.println();
        out.println("Steps:");
        int width = run.steps().stream().mapToInt(s -> s.step().length()).max().orElse(0);
        for (StepResult s : run.steps()) {
            out.printf("  %-" + width + "s  %-8s %8.1f s%s%n", s.step(), s.status(), s.millis() / 1000.0,
                    s.message() == null ? "" : "  " + s.message());
        }
        if (!run.databases().isEmpty()) {
            out.println("Databases: " + String.join(", ", run.databases().entrySet().stream()
                    .map(e -> e.getKey() + " -> " + e.getValue()).toList()));
        }
        List<TableResult> tables = run.tables();
        if (!tables.isEmpty()) {
            long rows = tables.stream().mapToLong(t -> t.targetRows() == null ? 0 : t.targetRows()).sum();
            long match = tables.stream().filter(t -> "match".equals(t.checksum())).count();
            long mismatch = tables.stream().filter(t -> "mismatch".equals(t.checksum())).count();
            long failed = tables.stream().filter(t -> t.status().isFailure()).count();
            out.printf("Tables: %d (%,d rows); checksums: %d match, %d mismatch; %d failed%n", tables.size(), rows, match,
                    mismatch, failed);
            for (TableResult t : tables) {
                if (t.status().isFailure() || "mismatch".equals(t.checksum())) {
                    out.printf("  %s.%s: %s%s%n", t.schema(), t.name(), t.message(),
                            t.mismatches().isEmpty() ? "" : " " + String.join("; ", t.mismatches()));
                }
            }
        }
        List<Finding> findings = run.findings();
        if (!findings.isEmpty()) {
            Map<Severity, Long> counts = new java.util.EnumMap<>(Severity.class);
            findings.forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
            out.println("Findings: " + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase())
                    .reduce((a, b) -> a + ", " + b).orElse(""));
        }
        long failedObjects = run.objects().stream().filter(o -> o.status().isFailure()).count();
        if (failedObjects > 0) {
            out.println("Objects failed or conflicting: " + failedObjects);
            run.objects().stream().filter(o -> o.status() == dbshift.core.run.Status.CONFLICT)
                    .forEach(o -> out.printf("  %s %s.%s: %s%n", o.type(), o.schema(), o.name(), o.message()));
        }
        run.statements().stream().filter(s -> s.status() == dbshift.core.run.Status.FAILED).forEach(s -> out.printf(
                "  failed: %s %s: %s%n", s.objectType(), s.objectName(), s.error()));
        if (!run.principals().isEmpty()) {
            out.println("Users:");
            run.principals().forEach(p -> out.printf("  %-28s %-8s%s%n", p.account(), p.status(),
                    p.refusedPrivileges().isEmpty() ? (p.message() == null ? "" : "  " + p.message())
                            : "  refused: " + String.join(", ", p.refusedPrivileges())));
        }
        out.println("Report: " + this.out.resolve("report.json").toAbsolutePath() + " and report.csv");
        // the result line says what the exit code says
        out.println(exitCode == Main.EXIT_OK ? "Result: OK" : exitCode == Main.EXIT_FAILURES ? "Result: FINISHED WITH FAILURES"
                : "Result: STOPPED (bad usage or no connection; see the message above)");
        out.flush();
    }
}
