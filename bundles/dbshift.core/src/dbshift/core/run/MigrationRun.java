package dbshift.core.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dbshift.core.assess.Assessor;
import dbshift.core.assess.Finding;

/**
 * Everything one run did, as it happens: steps, objects, tables, statements, principals and findings. Every
 * step writes here; the results view, the report and the CLI's exit code read from here. Thread-safe.
 */
public final class MigrationRun {
    private final String id = UUID.randomUUID().toString();
    private final Instant started = Instant.now();
    private volatile Instant finished;
    private final String source;
    private final String target;
    private final String targetKind;
    private final MigrationOptions options;
    private final Progress progress = new Progress();
    private final List<StepResult> steps = Collections.synchronizedList(new ArrayList<>());
    private final List<ObjectResult> objects = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, TableResult> tables = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<StatementOutcome> statements = Collections.synchronizedList(new ArrayList<>());
    private final List<PrincipalResult> principals = Collections.synchronizedList(new ArrayList<>());
    private final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> databases = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile dbshift.core.sync.SyncResult syncResult;

    public MigrationRun(String source, String target, String targetKind, MigrationOptions options) {
        this.source = source;
        this.target = target;
        this.targetKind = targetKind;
        this.options = options;
    }

    public String id() {
        return id;
    }

    public Instant started() {
        return started;
    }

    public Instant finished() {
        return finished;
    }

    public void finish() {
        finished = Instant.now();
    }

    public String source() {
        return source;
    }

    public String target() {
        return target;
    }

    public String targetKind() {
        return targetKind;
    }

    public MigrationOptions options() {
        return options;
    }

    public Progress progress() {
        return progress;
    }

    public void step(StepResult step) {
        steps.add(step);
    }

    public void object(ObjectResult object) {
        objects.add(object);
    }

    public void table(TableResult table) {
        tables.put(table.key(), table);
    }

    public TableResult table(String schema, String name) {
        return tables.get(schema + "." + name);
    }

    public void statement(StatementOutcome outcome) {
        statements.add(outcome);
    }

    public void principal(PrincipalResult principal) {
        principals.add(principal);
    }

    public void findings(List<Finding> newFindings) {
        findings.addAll(newFindings);
    }

    public void sync(dbshift.core.sync.SyncResult result) {
        syncResult = result;
    }

    /** The last sync's result, or null when the run did not sync. */
    public dbshift.core.sync.SyncResult syncResult() {
        return syncResult;
    }

    /** Records that source database {@code source} goes to target database {@code target} (renamed). */
    public void database(String source, String target) {
        databases.put(source, target);
    }

    /** The renamed databases, source name → target name; databases that keep their names are not listed. */
    public Map<String, String> databases() {
        synchronized (databases) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(databases));
        }
    }

    public void note(String note) {
        notes.add(note);
    }

    public List<StepResult> steps() {
        synchronized (steps) {
            return List.copyOf(steps);
        }
    }

    public List<ObjectResult> objects() {
        synchronized (objects) {
            return List.copyOf(objects);
        }
    }

    public List<TableResult> tables() {
        synchronized (tables) {
            return List.copyOf(tables.values());
        }
    }

    public List<StatementOutcome> statements() {
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    public List<PrincipalResult> principals() {
        synchronized (principals) {
            return List.copyOf(principals);
        }
    }

    public List<Finding> findings() {
        synchronized (findings) {
            return List.copyOf(findings);
        }
    }

    public List<String> notes() {
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    /** Whether anything failed, mismatched or was refused, or a blocking finding stands. */
    public boolean hasFailures() {
        return steps().stream().anyMatch(s -> s.status().isFailure())
                || objects().stream().anyMatch(o -> o.status().isFailure())
                || tables().stream().anyMatch(t -> t.status().isFailure() || "mismatch".equals(t.checksum()))
                || statements().stream().anyMatch(s -> s.status() == Status.FAILED)
                || principals().stream().anyMatch(p -> p.status().isFailure())
                || findings().stream().anyMatch(f -> f.isBlocking() || Assessor.READ_PROBLEM_RULE.equals(f.ruleId()));
    }
}
