package dbshift.core.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import dbshift.core.ProductInfo;

/**
 * Writes a replay as {@code replay.json} (everything), {@code replay.csv} (one row per statement, for
 * spreadsheets) and {@code replay.html} (summary, top regressions, differing results with their first differing
 * rows, every statement). Reads {@code replay.json} back for the workbench.
 */
public final class ReplayReport {
    public static final int VERSION = 1;
    static final List<String> CSV_COLUMNS = List.of("id", "schema", "status", "count", "ordered", "source_rows", "target_rows",
            "source_median_ms", "source_p95_ms", "target_median_ms", "target_p95_ms", "latency_regression", "plan_regression",
            "message", "sql");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ReplayReport() {
    }

    /** Writes the three files into {@code dir}. */
    public static void write(ReplayResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("replayVersion", VERSION);
        root.put("dbshift", ProductInfo.version());
        root.put("summary", result.summary());
        root.put("result", result);
        JSON.writeValue(dir.resolve("replay.json").toFile(), root);
        writeCsv(result, dir.resolve("replay.csv"));
        Files.writeString(dir.resolve("replay.html"), html(result));
    }

    /** Reads a {@code replay.json} back. */
    public static ReplayResult read(Path file) throws IOException {
        try {
            return JSON.treeToValue(JSON.readTree(file.toFile()).get("result"), ReplayResult.class);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + " is not a DBShift replay report: " + e.getMessage(), e);
        }
    }

    private static void writeCsv(ReplayResult result, Path file) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        CSV_COLUMNS.forEach(schema::addColumn);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StatementReplay s : result.statements()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", s.id());
            r.put("schema", s.schema());
            r.put("status", s.status().label());
            r.put("count", s.count());
            r.put("ordered", s.ordered());
            r.put("source_rows", s.sourceRows());
            r.put("target_rows", s.targetRows());
            r.put("source_median_ms", s.sourceLatency() == null ? null : ms(s.sourceLatency().medianMillis()));
            r.put("source_p95_ms", s.sourceLatency() == null ? null : ms(s.sourceLatency().p95Millis()));
            r.put("target_median_ms", s.targetLatency() == null ? null : ms(s.targetLatency().medianMillis()));
            r.put("target_p95_ms", s.targetLatency() == null ? null : ms(s.targetLatency().p95Millis()));
            r.put("latency_regression", s.latencyRegression());
            r.put("plan_regression", s.planRegression());
            r.put("message", s.message() + (s.planNote() == null ? "" : "; " + s.planNote()));
            r.put("sql", s.sql());
            rows.add(r);
        }
        new CsvMapper().writer(schema.build()).writeValue(file.toFile(), rows);
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String html(ReplayResult r) {
        ReplayResult.Summary s = r.summary();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>DBShift workload replay</title><style>")
                .append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}")
                .append("code,pre{font-family:monospace;white-space:pre-wrap}.equal{color:#1a7f37}.differs,.error_target{color:#cf222e}")
                .append(".regression{color:#9a6700}</style></head><body>\n");
        h.append("<h1>Workload replay</h1>\n<p>Source ").append(esc(r.source())).append(" (").append(esc(r.sourceEngine()))
                .append("), target ").append(esc(r.target())).append(" (").append(esc(r.targetEngine())).append("). Workload from ")
                .append(esc(r.workloadSource())).append(" by ").append(esc(r.workloadMethod())).append(", ")
                .append(esc(String.valueOf(r.workloadFrom()))).append(" to ").append(esc(String.valueOf(r.workloadTo())))
                .append(". Replayed ").append(esc(r.started())).append(", ").append(r.runs()).append(" timed runs per side; ")
                .append("regression threshold ").append(r.regressionRatio()).append("x and +").append(r.regressionMinMillis())
                .append(" ms.</p>\n");
        h.append("<table><tr><th>statements</th><th>replayed</th><th>equal</th><th>differing</th><th>errors on the target</th>")
                .append("<th>errors on the source</th><th>not compared</th><th>not replayable</th><th>regressions</th></tr><tr>");
        for (int v : new int[] { s.statements(), s.replayed(), s.equal(), s.differing(), s.errorsTarget(),
                s.errorsSource() + s.errorsBoth(), s.notCompared(), s.notReplayable(), s.regressions() }) {
            h.append("<td>").append(v).append("</td>");
        }
        h.append("</tr></table>\n");

        List<StatementReplay> regressions = r.statements().stream().filter(StatementReplay::regression)
                .sorted(Comparator.comparingDouble(ReplayReport::slowdown).reversed()).limit(20).toList();
        h.append("<h2>Top regressions</h2>\n");
        if (regressions.isEmpty()) {
            h.append("<p>None.</p>\n");
        } else {
            h.append("<table><tr><th>statement</th><th>source median / p95 (ms)</th><th>target median / p95 (ms)</th><th>why</th></tr>\n");
            for (StatementReplay st : regressions) {
                h.append("<tr><td><code>").append(esc(st.sql())).append("</code></td><td>").append(latency(st.sourceLatency()))
                        .append("</td><td>").append(latency(st.targetLatency())).append("</td><td class=\"regression\">")
                        .append(esc(st.latencyRegression() ? "slower" : "")).append(st.planNote() == null ? "" : " " + esc(st.planNote()))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h2>Differing results and errors</h2>\n");
        List<StatementReplay> problems = r.statements().stream().filter(st -> st.status().isProblem()).toList();
        if (problems.isEmpty()) {
            h.append("<p>None: every replayed statement gave the source's answer on the target.</p>\n");
        }
        for (StatementReplay st : problems) {
            h.append("<h3 class=\"").append(st.status().label()).append("\">").append(esc(st.id())).append(": ")
                    .append(st.status().label()).append("</h3>\n<pre>").append(esc(st.sql())).append("</pre>\n<p>")
                    .append(esc(st.message())).append("</p>\n");
            if (st.targetError() != null) {
                h.append("<p>Target: <code>").append(esc(st.targetError())).append("</code></p>\n");
            }
            if (!st.differences().isEmpty()) {
                h.append("<ul>");
                st.differences().forEach(d -> h.append("<li><code>").append(esc(d)).append("</code></li>"));
                h.append("</ul>\n");
            }
        }
        h.append("<h2>All statements</h2>\n<table><tr><th>id</th><th>status</th><th>runs seen</th><th>source ms (median)</th>")
                .append("<th>target ms (median)</th><th>message</th><th>statement</th></tr>\n");
        for (StatementReplay st : r.statements()) {
            h.append("<tr><td>").append(esc(st.id())).append("</td><td class=\"").append(st.status().label()).append("\">")
                    .append(st.status().label()).append(st.regression() ? " <span class=\"regression\">(regression)</span>" : "")
                    .append("</td><td>").append(st.count()).append("</td><td>")
                    .append(st.sourceLatency() == null ? "" : ms(st.sourceLatency().medianMillis())).append("</td><td>")
                    .append(st.targetLatency() == null ? "" : ms(st.targetLatency().medianMillis())).append("</td><td>")
                    .append(esc(st.message())).append("</td><td><code>").append(esc(st.sql())).append("</code></td></tr>\n");
        }
        h.append("</table>\n");
        if (!r.notes().isEmpty()) {
            h.append("<h2>Notes</h2><ul>");
            r.notes().forEach(n -> h.append("<li>").append(esc(n)).append("</li>"));
            h.append("</ul>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static double slowdown(StatementReplay s) {
        if (s.sourceLatency() == null || s.targetLatency() == null) {
            return 0;
        }
        return s.targetLatency().medianMillis() / Math.max(0.001, s.sourceLatency().medianMillis());
    }

    private static String latency(LatencyStats l) {
        return l == null ? "" : ms(l.medianMillis()) + " / " + ms(l.p95Millis());
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
