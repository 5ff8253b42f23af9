package dbshift.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The attempts of one tool in one scenario. A run is credited only when the tool succeeded and the target then
 * held exactly the source's rows (count and checksum); the figures come from credited runs only.
 */
final class Measurement {
    final String scenario;
    final String tool;
    final String settings;
    final long rows;
    final List<Double> seconds = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<String> loads = new ArrayList<>();
    final List<Double> serverCpu = new ArrayList<>();
    /** Two servers only: the source's and the target's share of {@link #serverCpu}. */
    final List<Double> sourceCpu = new ArrayList<>();
    final List<Double> targetCpu = new ArrayList<>();
    final List<Double> clientCpu = new ArrayList<>();
    int attempts;

    Measurement(String scenario, String tool, String settings, long rows) {
        this.scenario = scenario;
        this.tool = tool;
        this.settings = settings;
        this.rows = rows;
    }

    void credited(double s, String note, String load, CpuMeter.Snapshot cpu) {
        attempts++;
        seconds.add(s);
        serverCpu.add(cpu.servers());
        if (cpu.source() > 0) {
            sourceCpu.add(cpu.source());
            targetCpu.add(cpu.target());
        }
        clientCpu.add(cpu.client());
        if (note != null && !notes.contains(note)) {
            notes.add(note);
        }
        loads.add(load);
    }

    void failed(String why, String load) {
        attempts++;
        failures.add(why);
        loads.add(load);
    }

    /** Credited only when every attempt was: a tool that sometimes loses rows is not measured by its good runs. */
    boolean isCredited() {
        return !seconds.isEmpty() && failures.isEmpty();
    }

    /** The median of the credited runs' seconds. */
    double medianSeconds() {
        List<Double> sorted = seconds.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double rowsPerSecond() {
        return isCredited() ? rows / medianSeconds() : Double.NaN;
    }

    String check() {
        if (failures.isEmpty()) {
            return attempts == 1 ? "count+checksum ok" : "count+checksum ok (" + attempts + " runs)";
        }
        return "NOT CREDITED: " + failures.get(0) + (failures.size() > 1 ? " (+" + (failures.size() - 1) + " more)" : "");
    }

    /** All runs' seconds when repeated, e.g. {@code 3.1/3.4/3.2}. */
    String allSeconds() {
        return String.join("/", seconds.stream().map(s -> String.format("%.2f", s)).toList());
    }
}
