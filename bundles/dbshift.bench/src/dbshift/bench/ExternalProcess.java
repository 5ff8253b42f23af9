package dbshift.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the baseline tools as they would run from a shell, their output into a log the failure message quotes. */
final class ExternalProcess {
    private ExternalProcess() {
    }

    /** Runs one command; fails with the end of its log when it exits non-zero. */
    static void run(List<String> command, Path log, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        int code = waitFor(p);
        if (code != 0) {
            throw new IOException(command.get(0) + " exited with " + code + ": " + tail(log));
        }
    }

    /**
     * Runs the commands at the same time, each with its output in {@code logs/<name>-<k>.log}; fails when any
     * exits non-zero or prints a warning (the load tools print warnings to their output).
     */
    static void parallel(List<List<String>> commands, Path logs, String name) throws IOException, InterruptedException {
        List<Process> ps = new ArrayList<>();
        List<Path> outs = new ArrayList<>();
        try {
            for (int k = 0; k < commands.size(); k++) {
                Path log = logs.resolve(name + "-" + (k + 1) + ".log");
                outs.add(log);
                ps.add(new ProcessBuilder(commands.get(k)).redirectErrorStream(true).redirectOutput(log.toFile()).start());
            }
            List<String> failures = new ArrayList<>();
            for (int k = 0; k < ps.size(); k++) {
                int code = waitFor(ps.get(k));
                if (code != 0) {
                    failures.add(commands.get(k).get(0) + " #" + (k + 1) + " exited with " + code + ": " + tail(outs.get(k)));
                } else if (Files.size(outs.get(k)) > 0 && Files.readString(outs.get(k)).contains("Warning")) {
                    failures.add(commands.get(k).get(0) + " #" + (k + 1) + " reported warnings: " + tail(outs.get(k)));
                }
            }
            if (!failures.isEmpty()) {
                throw new IOException(String.join("; ", failures));
            }
        } finally {
            ps.forEach(p -> {
                if (p.isAlive()) {
                    p.destroyForcibly();
                }
            });
        }
    }

    /** {@code first | second}; fails when either side exits non-zero (what {@code set -o pipefail} does). */
    static void pipe(List<String> first, List<String> second, Path log) throws IOException, InterruptedException {
        ProcessBuilder a = new ProcessBuilder(first).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        ProcessBuilder b = new ProcessBuilder(second).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        List<Process> ps = ProcessBuilder.startPipeline(List.of(a, b));
        List<String> failures = new ArrayList<>();
        int codeA = waitFor(ps.get(0));
        int codeB = waitFor(ps.get(1));
        if (codeA != 0) {
            failures.add(first.get(0) + " exited with " + codeA);
        }
        if (codeB != 0) {
            failures.add(second.get(0) + " exited with " + codeB);
        }
        if (!failures.isEmpty()) {
            throw new IOException(String.join(", ", failures) + ": " + tail(log));
        }
    }

    private static int waitFor(Process p) throws InterruptedException {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /** The first line of the tool's own output, for the version column. */
    static String version(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return out.isEmpty() ? "?" : out.lines().findFirst().orElse("?");
        } catch (IOException e) {
            return "not installed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return lines.isEmpty() ? "(no output)" : String.join(" | ", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
