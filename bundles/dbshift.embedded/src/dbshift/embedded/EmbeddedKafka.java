package dbshift.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A Kafka broker in KRaft mode (broker and controller in one process) and a Kafka Connect worker in distributed
 * mode, each a separate {@code java} process on free loopback ports, as a real deployment runs them. The jars come
 * from the folder the build assembles from Maven Central ({@code releng/dbshift.kafka/target/kafka}: {@code libs}
 * and the connector {@code plugins}), named by the system property {@code dbshift.kafka.home}. Both processes die
 * with this JVM, even when it is killed ({@link ServerProcesses#startWatched}); the worker can be killed
 * ({@code kill -9}) and started again on its own to test recovery.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final Path home;
    private final Path workDir;
    private final int brokerPort;
    private final int controllerPort;
    private final int connectPort;
    private Process broker;
    private Process worker;
    private int workerStarts;

    private EmbeddedKafka(Path home, Path workDir) {
        this.home = home;
        this.workDir = workDir;
        this.brokerPort = ServerProcesses.freePort();
        this.controllerPort = ServerProcesses.freePort();
        this.connectPort = ServerProcesses.freePort();
    }

    /** The Kafka installation the build assembled, or a clear error saying how to get it. */
    public static Path home() {
        String dir = System.getProperty("dbshift.kafka.home");
        Path home = dir != null ? Paths.get(dir) : Paths.get("releng", "dbshift.kafka", "target", "kafka").toAbsolutePath();
        if (!Files.isDirectory(home.resolve("libs")) || !Files.isDirectory(home.resolve("plugins"))) {
            throw new IllegalStateException("no Kafka installation at " + home + ": build it with "
                    + "'./mvnw -pl releng/dbshift.kafka,releng/dbshift.kafka/libs,releng/dbshift.kafka/debezium package' "
                    + "(or set -Ddbshift.kafka.home)");
        }
        return home;
    }

    /** Starts a broker and a Connect worker with their data under {@code workDir}; returns when both answer. */
    public static EmbeddedKafka start(Path workDir) {
        EmbeddedKafka kafka = new EmbeddedKafka(home(), workDir);
        try {
            ServerProcesses.deleteTree(workDir);
            Files.createDirectories(workDir);
            kafka.startBroker();
            kafka.startWorker();
            return kafka;
        } catch (IOException e) {
            kafka.close();
            throw new UncheckedIOException("cannot start Kafka in " + workDir, e);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public String connectUrl() {
        return "http://127.0.0.1:" + connectPort;
    }

    /** The worker's process id (to kill it the way a crash would). */
    public long workerPid() {
        return worker.toHandle().children().findFirst().map(ProcessHandle::pid).orElseThrow(
                () -> new IllegalStateException("the Connect worker is not running"));
    }

    /** Kills the worker as a crash would ({@code kill -9}): no clean shutdown, no last offset commit. */
    public void killWorker() {
        long pid = workerPid();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        // the watcher around it waits on its stdin until told: the worker is gone, so let it go too
        ServerProcesses.stopWatched(worker);
        worker = null;
    }

    /** Starts the worker again (same group, same topics): it resumes from the offsets it committed. */
    public void restartWorker() {
        if (worker != null) {
            throw new IllegalStateException("the worker is still running");
        }
        startWorker();
    }

    private void startBroker() throws IOException {
        Path data = workDir.resolve("broker-data");
        Path config = workDir.resolve("server.properties");
        writeProperties(config,
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + brokerPort,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data,
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "num.partitions=1");
        writeLogConfig();
        List<String> format = java("broker-format.log", "kafka.tools.StorageTool");
        format.addAll(List.of("format", "-t", UUID.randomUUID().toString().replace("-", "").substring(0, 22), "-c",
                config.toString(), "--ignore-formatted"));
        ServerProcesses.run(workDir, format.toArray(String[]::new));
        List<String> run = java("broker.log", "kafka.Kafka");
        run.add(1, "-Xmx512m");
        run.add(config.toString());
        broker = ServerProcesses.startWatched(workDir, workDir.resolve("broker.out"), run);
        awaitPort(brokerPort, broker, workDir.resolve("broker.log"), 90_000);
    }

    private void startWorker() {
        Path config = workDir.resolve("worker.properties");
        try {
            writeProperties(config,
                    "bootstrap.servers=" + bootstrapServers(),
                    "group.id=dbshift-connect",
                    "key.converter=org.apache.kafka.connect.json.JsonConverter",
                    "value.converter=org.apache.kafka.connect.json.JsonConverter",
                    "config.storage.topic=_connect-configs",
                    "offset.storage.topic=_connect-offsets",
                    "status.storage.topic=_connect-status",
                    "config.storage.replication.factor=1",
                    "offset.storage.replication.factor=1",
                    "status.storage.replication.factor=1",
                    // commit offsets often: a killed worker then repeats little, and cutover sees progress sooner
                    "offset.flush.interval.ms=1000",
                    "listeners=http://127.0.0.1:" + connectPort,
                    "rest.advertised.host.name=127.0.0.1",
                    "plugin.path=" + home.resolve("plugins"),
                    // every plugin here ships ServiceLoader manifests: skips the slow reflective scan
                    "plugin.discovery=service_load");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
        workerStarts++;
        List<String> run = java("worker-" + workerStarts + ".log", "org.apache.kafka.connect.cli.ConnectDistributed");
        run.add(1, "-Xmx1g");
        run.add(config.toString());
        worker = ServerProcesses.startWatched(workDir, workDir.resolve("worker-" + workerStarts + ".out"), run);
        awaitConnect(180_000);
    }

    /**
     * Writes key=value lines the way Kafka reads them back: {@link java.util.Properties#load(java.io.InputStream)}
     * reads ISO-8859-1, so a path with a non-ASCII letter in it (a checkout under "/home/jörg") must be escaped.
     */
    private static void writeProperties(Path file, String... lines) throws IOException {
        java.util.Properties p = new java.util.Properties();
        for (String line : lines) {
            int eq = line.indexOf('=');
            p.setProperty(line.substring(0, eq), line.substring(eq + 1));
        }
        try (var out = Files.newOutputStream(file)) {
            p.store(out, null);
        }
    }

    private List<String> java(String logName, String mainClass) {
        String java = ProcessHandle.current().info().command().orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", home.resolve("libs") + "/*",
                "-Dlog4j2.configurationFile=" + workDir.resolve("log4j2.properties"),
                "-Ddbshift.log=" + workDir.resolve(logName), mainClass));
        return cmd;
    }

    private void writeLogConfig() throws IOException {
        Files.writeString(workDir.resolve("log4j2.properties"), String.join("\n",
                "status = error",
                "appender.file.type = File",
                "appender.file.name = file",
                "appender.file.fileName = ${sys:dbshift.log}",
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = %d{HH:mm:ss.SSS} %-5p [%t] %c{1}: %m%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.file.ref = file", ""));
    }

    private static void awaitPort(int port, Process process, Path log, long timeoutMillis) {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited during start-up:\n" + ServerProcesses.tail(log));
            }
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                sleep(200);
            }
        }
        throw new IllegalStateException("Kafka did not listen on port " + port + " within " + timeoutMillis / 1000 + " s:\n"
                + ServerProcesses.tail(log));
    }

    private void awaitConnect(long timeoutMillis) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Path log = workDir.resolve("worker-" + workerStarts + ".log");
        long end = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < end) {
            if (!worker.isAlive()) {
                throw new IllegalStateException("the Connect worker exited during start-up:\n" + ServerProcesses.tail(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(connectUrl() + "/connectors"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the Connect worker", e);
            }
            sleep(500);
        }
        throw new IllegalStateException("the Connect worker did not answer at " + connectUrl() + " within "
                + timeoutMillis / 1000 + " s:\n" + ServerProcesses.tail(log));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public Path workDir() {
        return workDir;
    }

    @Override
    public synchronized void close() {
        ServerProcesses.stopWatched(worker);
        worker = null;
        ServerProcesses.stopWatched(broker);
        broker = null;
        ServerProcesses.deleteTree(workDir);
    }
}
