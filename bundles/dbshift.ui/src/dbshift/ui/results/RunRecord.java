package dbshift.ui.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dbshift.core.report.ReportWriter;
import dbshift.core.run.MigrationRun;

/**
 * A run as the results view shows it: either live (a {@link MigrationRun} still being written by a job) or read
 * back from a report.json of a past run. Both are shown through the report's map, so a past run looks exactly
 * like it did when it ran.
 */
public final class RunRecord {
    public static final String THROUGHPUT_FILE = "throughput.csv";

    private final String title;
    private final MigrationRun live;
    private final Map<String, Object> stored;
    private final Path folder;
    private final List<ThroughputSample> samples;
    private volatile boolean running;

    private RunRecord(String title, MigrationRun live, Map<String, Object> stored, Path folder, List<ThroughputSample> samples) {
        this.title = title;
        this.live = live;
        this.stored = stored;
        this.folder = folder;
        this.samples = samples;
    }

    public static RunRecord live(String title, MigrationRun run, List<ThroughputSample> samples) {
        RunRecord r = new RunRecord(title, run, null, null, samples);
        r.running = true;
        return r;
    }

    /** Reads report.json (and throughput.csv beside it, when there is one). */
    public static RunRecord read(Path reportJson) throws IOException {
        Map<String, Object> map = new ObjectMapper().readValue(reportJson.toFile(), new TypeReference<Map<String, Object>>() {
        });
        if (!map.containsKey("reportVersion")) {
            throw new IOException(reportJson + " is not a DBShift report (no reportVersion)");
        }
        Path folder = reportJson.toAbsolutePath().getParent();
        return new RunRecord(folder.getFileName().toString(), null, map, folder, readSamples(folder.resolve(THROUGHPUT_FILE)));
    }

    /** The same run, now finished and written to a folder. */
    public RunRecord finished(Path writtenTo) {
        RunRecord r = new RunRecord(title, live, null, writtenTo, samples);
        r.running = false;
        return r;
    }

    public String title() {
        return title;
    }

    public boolean isRunning() {
        return running;
    }

    public MigrationRun live() {
        return live;
    }

    /** The folder holding report.json and report.csv, or null while the run goes on. */
    public Path folder() {
        return folder;
    }

    /** The report as a map: computed from the live run each time, or as read. */
    public Map<String, Object> report() {
        return live != null ? new ReportWriter().toMap(live) : stored;
    }

    public List<ThroughputSample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(String key) {
        Object v = report().get(key);
        return v instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    public static void writeSamples(List<ThroughputSample> samples, Path file) throws IOException {
        StringBuilder b = new StringBuilder("seconds,step,done,rate\n");
        for (ThroughputSample s : samples) {
            b.append(String.format(java.util.Locale.ROOT, "%.3f,%s,%d,%.1f%n", s.seconds(), s.step().replace(',', ' '), s.done(), s.rate()));
        }
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    static List<ThroughputSample> readSamples(Path file) {
        if (!Files.exists(file)) {
            return Collections.synchronizedList(new ArrayList<>());
        }
        List<ThroughputSample> list = Collections.synchronizedList(new ArrayList<>());
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] p = line.split(",");
                if (p.length == 4 && !p[0].equals("seconds")) {
                    list.add(new ThroughputSample(Double.parseDouble(p[0]), p[1], Long.parseLong(p[2]), Double.parseDouble(p[3])));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // a damaged curve file only costs the chart, not the report
        }
        return list;
    }
}
