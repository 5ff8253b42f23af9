package dbshift.connect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dbshift.connect.spi.SinkConnectorWriter;
import dbshift.connect.spi.SourceConnectorWriter;
import dbshift.core.assess.Finding;
import dbshift.core.data.TableMapping;
import dbshift.core.run.Migration;
import dbshift.core.run.MigrationException;
import dbshift.core.run.Status;
import dbshift.core.run.StepResult;
import dbshift.core.script.Phase;
import dbshift.core.script.Script;
import dbshift.core.sync.SourcePosition;
import dbshift.core.sync.SyncResult;

/**
 * A migration whose data moves through Kafka Connect: DBShift plans and deploys the schema as {@code migrate}
 * does, writes the connectors (a Debezium source for the source engine, a JDBC sink per target database, derived
 * from DBShift's conversion), starts, watches and stops them through the Connect REST API, and at cutover waits
 * until the sinks hold every change up to the source's position before verifying. Engine-specific parts are
 * behind {@link SourceConnectorWriter} and {@link SinkConnectorWriter}.
 */
public final class Pipeline {
    /** Where the connectors' passwords come from (the same variables as the command line's). */
    public static final String SOURCE_PASSWORD = "DBSHIFT_SOURCE_PASSWORD";
    public static final String TARGET_PASSWORD = "DBSHIFT_TARGET_PASSWORD";
    /** What the pipeline leaves for cutover: foreign keys (the sinks write tables in no mutual order) and what fires on writes. */
    public static final Set<Phase> AT_CUTOVER = EnumSet.of(Phase.FOREIGN_KEYS, Phase.TRIGGERS, Phase.EVENTS);

    /**
     * How long cutover compares a table that differs again before it reports the difference. The catch-up proves
     * that the sinks committed every change up to the source's position (their consumer offsets are committed only
     * after their database transactions); this covers what it cannot see, such as a sink connector that commits
     * offsets before it writes (a third-party sink), and a target that makes committed writes visible late.
     */
    public static final java.time.Duration SETTLE = java.time.Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Migration migration;
    private final PipelineOptions options;
    private final SourceConnectorWriter sourceWriter;
    private final SinkConnectorWriter sinkWriter;
    private final List<TableMapping> tables;
    private final List<Finding> findings = new ArrayList<>();
    private final List<ConnectorConfig> connectors = new ArrayList<>();

    /** The pipeline for a migration's scope: its connector configurations and findings (reads both catalogs, changes nothing). */
    public Pipeline(Migration migration, PipelineOptions options) {
        this.migration = migration;
        this.options = options;
        try {
            this.sourceWriter = ConnectorWriters.source(migration.sourceEndpoint().dialect().id());
            this.sinkWriter = ConnectorWriters.sink(migration.targetDialect().id());
        } catch (IllegalArgumentException e) {
            throw new MigrationException(e.getMessage(), MigrationException.USAGE);
        }
        this.tables = migration.tableMappings();
        for (TableMapping t : tables) {
            findings.addAll(sourceWriter.findings(t));
            findings.addAll(sinkWriter.findings(t));
        }
        findings.add(new Finding("CONNECT-DDL", dbshift.core.assess.Severity.INFO, "pipeline", options.name(),
                "DDL run on the source while the pipeline runs is not applied to the target (the sink never changes the "
                        + "schema DBShift deployed); a changed table stops its sink", "change the schema on both sides, "
                        + "or re-plan", null));
        findings.add(new Finding("CONNECT-AT-CUTOVER", dbshift.core.assess.Severity.INFO, "pipeline", options.name(),
                "foreign keys, triggers and events are created at cutover: the sinks write tables in no mutual order, and "
                        + "triggers would fire on replicated rows", null, null));
        connectors.add(new ConnectorConfig(options.sourceConnectorName(),
                sourceWriter.config(migration.sourceEndpoint(), tables, options, SOURCE_PASSWORD)));
        connectors.addAll(sinkWriter.configs(migration.targetEndpoint(), tables, options, sourceWriter, TARGET_PASSWORD));
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    public List<ConnectorConfig> connectors() {
        return List.copyOf(connectors);
    }

    public List<String> topics() {
        return tables.stream().map(t -> sourceWriter.topic(options, t.source().name())).toList();
    }

    public PipelineOptions options() {
        return options;
    }

    /**
     * {@code connect plan}: assess (stops on blocking findings, the migration's and the pipeline's), deploy what the
     * target lacks except {@link #AT_CUTOVER}, and write the connector configurations under {@code dir}.
     */
    public void planAndDeploy(Path dir) throws IOException {
        List<Finding> assessed = migration.assess();
        migration.run().findings(findings);
        long blocking = assessed.stream().filter(Finding::isBlocking).count() + findings.stream().filter(Finding::isBlocking).count();
        write(dir);
        if (blocking > 0) {
            migration.run().step(new StepResult("connect plan", Status.FAILED, 0, blocking
                    + " blocking finding(s): nothing was changed on the target"));
            throw new MigrationException(blocking + " blocking finding(s) for the pipeline; fix them (see the report) or "
                    + "leave the tables out, then run again. Nothing was changed on the target.", MigrationException.FAILURES);
        }
        Script plan = migration.plan();
        Set<Phase> now = EnumSet.allOf(Phase.class);
        now.removeAll(AT_CUTOVER);
        now.remove(Phase.PRINCIPALS);
        migration.deploy(plan, now, "schema");
        migration.users();
        migration.run().step(new StepResult("connect plan", Status.OK, 0, connectors.size() + " connector(s), " + tables.size()
                + " table(s); configurations in " + dir.resolve("connect")));
    }

    /** Writes {@code connect/<connector>.json} (passwords as ${env:…}) and {@code connect/pipeline.json} (topics, findings). */
    public void write(Path dir) throws IOException {
        Path folder = dir.resolve("connect");
        Files.createDirectories(folder);
        for (ConnectorConfig c : connectors) {
            ObjectNode node = JSON.createObjectNode();
            node.put("name", c.name());
            node.set("config", JSON.valueToTree(c.config()));
            JSON.writeValue(folder.resolve(c.name() + ".json").toFile(), node);
        }
        ObjectNode pipeline = JSON.createObjectNode();
        pipeline.put("name", options.name());
        pipeline.put("connectUrl", options.connectUrl());
        pipeline.put("kafkaBootstrap", options.kafkaBootstrap());
        pipeline.put("tasks", options.tasks());
        ArrayNode tableList = pipeline.putArray("tables");
        for (TableMapping t : tables) {
            ObjectNode n = tableList.addObject();
            n.put("source", t.source().name().schema() + "." + t.source().name().name());
            n.put("target", t.key());
            n.put("topic", sourceWriter.topic(options, t.source().name()));
        }
        pipeline.set("connectors", JSON.valueToTree(connectors.stream().map(ConnectorConfig::name).toList()));
        pipeline.set("findings", JSON.valueToTree(findings));
        JSON.writeValue(folder.resolve("pipeline.json").toFile(), pipeline);
    }

    /** {@code connect start}: creates the table topics, then the source and sink connectors (again: updates them). */
    public void start(Map<String, String> environment) {
        requireConnect();
        long blocking = findings.stream().filter(Finding::isBlocking).count();
        if (blocking > 0) {
            throw new MigrationException(blocking + " blocking finding(s) for the pipeline (see 'connect plan'); not started",
                    MigrationException.FAILURES);
        }
        try (KafkaTopics kafka = new KafkaTopics(options.kafkaBootstrap())) {
            kafka.create(topics(), options.tasks());
        }
        ConnectClient client = new ConnectClient(options.connectUrl());
        for (ConnectorConfig c : connectors) {
            Map<String, String> config = options.workerResolvesSecrets() ? c.config() : c.resolved(environment);
            client.put(c.name(), config);
        }
        migration.run().step(new StepResult("connect start", Status.OK, 0, "created " + connectors.size()
                + " connector(s) at " + options.connectUrl()));
    }

    /** {@code connect start} with the passwords the migration connected with (the workbench has no environment to give). */
    public void start() {
        Map<String, String> passwords = new java.util.HashMap<>();
        passwords.put(SOURCE_PASSWORD, new String(migration.sourceEndpoint().spec().password()));
        passwords.put(TARGET_PASSWORD, new String(migration.targetEndpoint().spec().password()));
        start(passwords);
    }

    /**
     * Follows the pipeline until its snapshot is done and the sinks hold everything in their topics (or a connector
     * fails, the run is cancelled, or {@code timeoutMillis} pass), showing its progress as the run's tables: rows on
     * the target beside the source's estimate, and in the message whether the table is being snapshotted or
     * streamed and what its sink has not consumed yet. Returns the last status; the pipeline keeps running.
     */
    public PipelineStatus watchUntilStreaming(long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long estimate = tables.stream().mapToLong(t -> t.source().stats() == null || t.source().stats().estimatedRows() == null ? 0
                : t.source().stats().estimatedRows()).sum();
        var progress = migration.run().progress();
        progress.start("pipeline", estimate);
        long shown = 0;
        long started = System.currentTimeMillis();
        while (true) {
            PipelineStatus s = status();
            record(s, System.currentTimeMillis() - started);
            long rows = s.tables().stream().mapToLong(TableProgress::targetRows).sum();
            progress.add(Math.max(0, rows - shown));
            shown = Math.max(shown, rows);
            boolean failed = s.connectors().stream().anyMatch(ConnectorState::failed);
            boolean done = !s.snapshotting() && s.lag() == 0 && s.connectors().stream().allMatch(c -> "RUNNING".equals(c.state()));
            String state = failed ? "a connector failed: " + s.connectors().stream().filter(ConnectorState::failed)
                    .map(c -> c.name() + (c.error() == null ? "" : " (" + c.error() + ")")).collect(java.util.stream.Collectors.joining(", "))
                    : (s.snapshotting() ? "snapshot running" : "streaming") + String.format(java.util.Locale.ROOT,
                            ", %,d rows on the target, sink lag %,d messages", rows, s.lag());
            if (failed || done || progress.isCancelled() || System.currentTimeMillis() > deadline) {
                migration.run().step(new StepResult("connect status", failed ? Status.FAILED : Status.OK,
                        System.currentTimeMillis() - started, state + (done ? "; the pipeline keeps streaming: cut over "
                                + "(with the Connect URL) when the applications stop writing" : "")));
                return s;
            }
            progress.note(state);
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return s;
            }
        }
    }

    /** The status as the run's tables (what the Results view and the report show). */
    private void record(PipelineStatus s, long millis) {
        for (int i = 0; i < tables.size() && i < s.tables().size(); i++) {
            TableMapping t = tables.get(i);
            TableProgress p = s.tables().get(i);
            boolean failed = s.connectors().stream().anyMatch(ConnectorState::failed);
            String message = String.format(java.util.Locale.ROOT, "%s; topic %s: %,d messages, sink lag %,d",
                    s.snapshotting() ? "snapshot running" : "streaming", p.topic(), p.messages(), p.lag());
            migration.run().table(new dbshift.core.run.TableResult(t.target().name().schema(), t.target().name().name(),
                    p.sourceRowsEstimate(), p.targetRows(), failed ? Status.FAILED : Status.OK, "skipped", millis,
                    millis > 0 ? p.targetRows() * 1000.0 / millis : 0, "kafka connect", List.of(), message));
        }
    }

    /** {@code connect stop}: removes the connectors (topics and committed offsets stay, so a new start resumes). */
    public int stop() {
        requireConnect();
        ConnectClient client = new ConnectClient(options.connectUrl());
        int removed = 0;
        for (ConnectorConfig c : connectors) {
            if (client.delete(c.name())) {
                removed++;
            }
        }
        return removed;
    }

    /** One table's progress: rows on the target, messages in its topic, what the sink has consumed of them. */
    public record TableProgress(String table, String topic, Long sourceRowsEstimate, long targetRows, long messages,
            long consumed) {
        public long lag() {
            return Math.max(0, messages - consumed);
        }
    }

    /** One connector's state and its tasks' states (with the first failed task's error). */
    public record ConnectorState(String name, String state, List<String> tasks, String error) {
        public boolean failed() {
            return "FAILED".equals(state) || tasks.contains("FAILED");
        }
    }

    /** The whole picture: connectors, snapshot or streaming, the source's offset, per table progress. */
    public record PipelineStatus(List<ConnectorState> connectors, boolean snapshotting, String sourceOffset,
            List<TableProgress> tables) {
        public long lag() {
            return tables.stream().mapToLong(TableProgress::lag).sum();
        }
    }

    /** {@code connect status}. */
    public PipelineStatus status() {
        requireConnect();
        ConnectClient client = new ConnectClient(options.connectUrl());
        List<ConnectorState> states = new ArrayList<>();
        for (ConnectorConfig c : connectors) {
            JsonNode s = client.status(c.name());
            if (s == null) {
                states.add(new ConnectorState(c.name(), "MISSING", List.of(), null));
                continue;
            }
            List<String> tasks = new ArrayList<>();
            String error = null;
            for (JsonNode t : s.path("tasks")) {
                tasks.add(t.path("state").asText());
                if (error == null && t.hasNonNull("trace")) {
                    error = firstCause(t.get("trace").asText());
                }
            }
            states.add(new ConnectorState(c.name(), s.path("connector").path("state").asText(), tasks, error));
        }
        JsonNode offset = sourceOffset(client);
        Map<String, Long> ends;
        Map<String, Long> consumed = new LinkedHashMap<>();
        try (KafkaTopics kafka = new KafkaTopics(options.kafkaBootstrap())) {
            ends = kafka.endOffsets(topics());
            for (ConnectorConfig c : connectors.subList(1, connectors.size())) {
                consumed.putAll(kafka.committed(PipelineOptions.consumerGroup(c.name())));
            }
        }
        List<TableProgress> progress = new ArrayList<>();
        try (Connection target = migration.targetEndpoint().open()) {
            for (TableMapping t : tables) {
                String topic = sourceWriter.topic(options, t.source().name());
                progress.add(new TableProgress(t.key(), topic, t.source().stats() == null ? null : t.source().stats().estimatedRows(),
                        count(target, t), ends.getOrDefault(topic, 0L), consumed.getOrDefault(topic, 0L)));
            }
        } catch (SQLException e) {
            throw new MigrationException("counting rows on the target: " + e.getMessage(), MigrationException.FAILURES, e);
        }
        return new PipelineStatus(states, sourceWriter.snapshotting(offset), offset == null ? null : offset.toString(), progress);
    }

    /**
     * Cutover's catch-up: waits until the source connector has committed an offset at or past {@code until}, then
     * until every sink has consumed its topics to the end as they were at that moment. Fails fast when a connector
     * failed, and after {@code timeoutMillis}.
     */
    public SyncResult catchUp(SourcePosition until, long timeoutMillis) {
        requireConnect();
        ConnectClient client = new ConnectClient(options.connectUrl());
        long start = System.currentTimeMillis();
        long deadline = start + timeoutMillis;
        JsonNode offset = sourceOffset(client);
        while (!sourceWriter.reached(offset, until)) {
            checkConnectors(client);
            waitOrFail(deadline, "the source connector to pass the source's position " + until + " (its offset: " + offset + ")");
            offset = sourceOffset(client);
        }
        try (KafkaTopics kafka = new KafkaTopics(options.kafkaBootstrap())) {
            Map<String, Long> ends = kafka.endOffsets(topics());
            long total = ends.values().stream().mapToLong(Long::longValue).sum();
            while (true) {
                Map<String, Long> consumed = new LinkedHashMap<>();
                for (ConnectorConfig c : connectors.subList(1, connectors.size())) {
                    consumed.putAll(kafka.committed(PipelineOptions.consumerGroup(c.name())));
                }
                List<String> behind = ends.entrySet().stream().filter(e -> consumed.getOrDefault(e.getKey(), 0L) < e.getValue())
                        .map(e -> e.getKey() + " (" + (e.getValue() - consumed.getOrDefault(e.getKey(), 0L)) + " behind)").toList();
                if (behind.isEmpty()) {
                    String at = offset.path("file").asText("") + ":" + offset.path("pos").asText("");
                    return new SyncResult(until, new SourcePosition(at), until, total, 0, true, List.of());
                }
                checkConnectors(client);
                waitOrFail(deadline, "the sinks to consume " + String.join(", ", behind));
            }
        }
    }

    private void checkConnectors(ConnectClient client) {
        for (ConnectorConfig c : connectors) {
            JsonNode s = client.status(c.name());
            if (s == null) {
                throw new MigrationException("connector " + c.name() + " does not exist at " + options.connectUrl()
                        + "; run 'connect start' first", MigrationException.FAILURES);
            }
            for (JsonNode t : s.path("tasks")) {
                if ("FAILED".equals(t.path("state").asText())) {
                    throw new MigrationException("connector " + c.name() + " failed: " + firstCause(t.path("trace").asText())
                            + " (fix the cause, then restart it through the Connect REST API)", MigrationException.FAILURES);
                }
            }
        }
    }

    private JsonNode sourceOffset(ConnectClient client) {
        JsonNode offsets = client.offsets(options.sourceConnectorName());
        if (offsets == null) {
            return null;
        }
        for (JsonNode o : offsets.path("offsets")) {
            return o.path("offset");
        }
        return null;
    }

    private static void waitOrFail(long deadline, String what) {
        if (System.currentTimeMillis() > deadline) {
            throw new MigrationException("timed out waiting for " + what, MigrationException.FAILURES);
        }
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("interrupted while waiting for " + what, MigrationException.FAILURES);
        }
    }

    private long count(Connection c, TableMapping t) throws SQLException {
        var q = migration.targetDialect().quoting();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + q.quote(t.target().name().schema()) + "."
                        + q.quote(t.target().name().name()))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The innermost "Caused by" line of a Java stack trace, which says what actually went wrong. */
    static String firstCause(String trace) {
        String cause = trace.lines().findFirst().orElse(trace);
        for (String line : trace.lines().toList()) {
            if (line.startsWith("Caused by: ")) {
                cause = line.substring("Caused by: ".length());
            }
        }
        return cause;
    }

    private void requireConnect() {
        if (options.connectUrl() == null) {
            throw new MigrationException("--connect-url is required (the Kafka Connect REST API, e.g. http://connect:8083)",
                    MigrationException.USAGE);
        }
        if (options.kafkaBootstrap() == null) {
            throw new MigrationException("--kafka-bootstrap is required (host:port of a Kafka broker)", MigrationException.USAGE);
        }
    }
}
