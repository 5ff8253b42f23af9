package dbshift.core.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import dbshift.core.ProductInfo;
import dbshift.core.assess.Finding;
import dbshift.core.run.MigrationRun;
import dbshift.core.run.ObjectResult;
import dbshift.core.run.PrincipalResult;
import dbshift.core.run.StatementOutcome;
import dbshift.core.run.Status;
import dbshift.core.run.StepResult;
import dbshift.core.run.TableResult;

/**
 * Writes a run as {@code report.json} (the full record; its schema is documented in the README) and
 * {@code report.csv} (one flat row per step, object, table, finding and user, for spreadsheets). Neither ever
 * contains a password, a password hash or a URL's properties.
 */
public final class ReportWriter {
    public static final int SCHEMA_VERSION = 1;
    static final List<String> CSV_COLUMNS = List.of("section", "type", "schema", "name", "status", "source_rows",
            "target_rows", "checksum", "severity", "rule_id", "millis", "message");

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The report as a tree of maps and lists, the same the JSON file holds. */
    public Map<String, Object> toMap(MigrationRun run) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("reportVersion", SCHEMA_VERSION);
        root.put("dbshift", ProductInfo.version());
        root.put("runId", run.id());
        root.put("started", run.started().toString());
        root.put("finished", run.finished() == null ? null : run.finished().toString());
        root.put("source", run.source());
        root.put("target", run.target());
        root.put("targetKind", run.targetKind());
        // where each renamed source database went (--map-database); the tables below carry the target names
        root.put("databases", run.databases().entrySet().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", e.getKey());
            m.put("target", e.getValue());
            return m;
        }).toList());
        root.put("status", run.hasFailures() ? "failed" : "ok");
        root.put("options", options(run));
        root.put("summary", summary(run));
        root.put("timings", timings(run));
        root.put("steps", run.steps().stream().map(ReportWriter::step).toList());
        root.put("objects", objects(run));
        root.put("tables", run.tables().stream().map(ReportWriter::table).toList());
        root.put("findings", run.findings().stream().map(ReportWriter::finding).toList());
        root.put("users", run.principals().stream().map(ReportWriter::principal).toList());
        root.put("statements", run.statements().stream().filter(s -> s.status() != Status.OK).map(ReportWriter::statement)
                .toList());
        root.put("sync", sync(run));
        root.put("notes", run.notes());
        return root;
    }

    public void writeJson(MigrationRun run, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        json.writeValue(file.toFile(), toMap(run));
    }

    public void writeCsv(MigrationRun run, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        CSV_COLUMNS.forEach(schema::addColumn);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StepResult s : run.steps()) {
            rows.add(row("step", "step", null, s.step(), s.status().name(), null, null, null, null, null, s.millis(), s.message()));
        }
        for (ObjectResult o : allObjects(run)) {
            rows.add(row("object", o.type(), o.schema(), o.name(), o.status().name(), null, null, null, null, null, null,
                    o.message()));
        }
        for (TableResult t : run.tables()) {
            String message = t.message();
            if (!t.mismatches().isEmpty()) {
                message = (message == null ? "" : message + ": ") + String.join("; ", t.mismatches());
            }
            rows.add(row("table", "table", t.schema(), t.name(), t.status().name(), t.sourceRows(), t.targetRows(), t.checksum(),
                    null, null, t.millis(), message));
        }
        for (Finding f : run.findings()) {
            rows.add(row("finding", f.objectType(), null, f.object(), null, null, null, null, f.severity().name(), f.ruleId(),
                    null, f.message() + (f.fixHint() == null ? "" : " Fix: " + f.fixHint())));
        }
        for (PrincipalResult p : run.principals()) {
            rows.add(row("user", p.kind(), null, p.account(), p.status().name(), null, null, null, null, null, null,
                    (p.message() == null ? "" : p.message())
                            + (p.refusedPrivileges().isEmpty() ? "" : " refused: " + String.join(", ", p.refusedPrivileges()))));
        }
        new CsvMapper().writer(schema.build()).writeValue(file.toFile(), rows);
    }

    private static Map<String, Object> row(String section, String type, String schema, String name, String status, Long sourceRows,
            Long targetRows, String checksum, String severity, String ruleId, Long millis, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("section", section);
        m.put("type", type);
        m.put("schema", schema);
        m.put("name", name);
        m.put("status", status);
        m.put("source_rows", sourceRows);
        m.put("target_rows", targetRows);
        m.put("checksum", checksum);
        m.put("severity", severity);
        m.put("rule_id", ruleId);
        m.put("millis", millis);
        m.put("message", message);
        return m;
    }

    private static Map<String, Object> sync(MigrationRun run) {
        var r = run.syncResult();
        if (r == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startPosition", r.from().text());
        m.put("appliedPosition", r.applied().text());
        m.put("sourcePosition", r.sourceHead().text());
        m.put("changesApplied", r.changes());
        m.put("lagSeconds", r.lagSeconds());
        m.put("caughtUp", r.caughtUp());
        m.put("warnings", r.warnings());
        return m;
    }

    private static Map<String, Object> options(MigrationRun run) {
        var o = run.options();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemas", o.schemas());
        m.put("users", o.users());
        m.put("definer", o.definerMode().name().toLowerCase());
        m.put("definerUser", o.definerUser());
        m.put("zeroDates", o.zeroDates().name().toLowerCase());
        m.put("jobs", o.jobs());
        m.put("chunkRows", o.chunkRows());
        m.put("continueOnError", o.continueOnError());
        m.put("indexesAfterData", o.indexesAfterData());
        m.put("truncate", o.truncateTarget());
        m.put("convertUtf8mb3", o.convertUtf8mb3());
        m.put("deferTriggers", o.deferTriggers());
        m.put("probe", o.probe().mode().name().toLowerCase(java.util.Locale.ROOT));
        m.put("probeRows", o.probe().sampleRows());
        return m;
    }

    private static Map<String, Object> summary(MigrationRun run) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<TableResult> tables = run.tables();
        long rows = tables.stream().mapToLong(t -> t.targetRows() == null ? 0 : t.targetRows()).sum();
        m.put("tables", tables.size());
        m.put("rows", rows);
        m.put("tablesMatching", tables.stream().filter(t -> "match".equals(t.checksum())).count());
        m.put("tablesMismatching", tables.stream().filter(t -> "mismatch".equals(t.checksum())).count());
        m.put("objects", allObjects(run).size());
        m.put("objectsFailed", allObjects(run).stream().filter(o -> o.status().isFailure()).count());
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        for (Finding f : run.findings()) {
            bySeverity.merge(f.severity().name().toLowerCase(), 1L, Long::sum);
        }
        m.put("findings", bySeverity);
        m.put("users", run.principals().size());
        return m;
    }

    private static Map<String, Object> timings(MigrationRun run) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (StepResult s : run.steps()) {
            m.merge(s.step(), s.millis(), (a, b) -> (Long) a + (Long) b);
        }
        if (run.finished() != null) {
            m.put("total", Duration.between(run.started(), run.finished()).toMillis());
        }
        return m;
    }

    private static Map<String, Object> step(StepResult s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", s.step());
        m.put("status", s.status().name().toLowerCase());
        m.put("millis", s.millis());
        m.put("message", s.message());
        return m;
    }

    /** Objects from the deploy and from the diff (existing/conflicting), one entry each. */
    static List<ObjectResult> allObjects(MigrationRun run) {
        Map<String, ObjectResult> byKey = new LinkedHashMap<>();
        for (ObjectResult o : run.objects()) {
            byKey.put(o.type() + " " + o.schema() + "." + o.name(), o);
        }
        return new ArrayList<>(byKey.values());
    }

    private static List<Map<String, Object>> objects(MigrationRun run) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ObjectResult o : allObjects(run)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", o.type());
            m.put("schema", o.schema());
            m.put("name", o.name());
            m.put("status", o.status().name().toLowerCase());
            m.put("message", o.message());
            list.add(m);
        }
        return list;
    }

    private static Map<String, Object> table(TableResult t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", t.schema());
        m.put("name", t.name());
        m.put("sourceRows", t.sourceRows());
        m.put("targetRows", t.targetRows());
        m.put("status", t.status().name().toLowerCase());
        m.put("checksum", t.checksum());
        m.put("millis", t.millis());
        m.put("rowsPerSecond", Math.round(t.rowsPerSecond()));
        m.put("method", t.method());
        m.put("mismatches", t.mismatches());
        m.put("message", t.message());
        return m;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.ruleId());
        m.put("severity", f.severity().name().toLowerCase());
        m.put("objectType", f.objectType());
        m.put("object", f.object());
        m.put("message", f.message());
        m.put("fixHint", f.fixHint());
        m.put("quickFix", f.quickFix());
        return m;
    }

    private static Map<String, Object> principal(PrincipalResult p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account", p.account());
        m.put("kind", p.kind());
        m.put("status", p.status().name().toLowerCase());
        m.put("refusedPrivileges", p.refusedPrivileges());
        m.put("message", p.message());
        return m;
    }

    private static Map<String, Object> statement(StatementOutcome s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", s.index());
        m.put("objectType", s.objectType());
        m.put("object", s.objectName());
        m.put("phase", s.phase().toLowerCase());
        m.put("status", s.status().name().toLowerCase());
        m.put("millis", s.millis());
        m.put("error", s.error());
        m.put("sql", s.sql());
        return m;
    }
}
