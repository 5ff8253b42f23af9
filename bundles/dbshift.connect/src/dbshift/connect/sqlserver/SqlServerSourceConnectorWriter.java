package dbshift.connect.sqlserver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import dbshift.connect.PipelineOptions;
import dbshift.connect.spi.SourceConnectorWriter;
import dbshift.core.assess.Finding;
import dbshift.core.assess.Severity;
import dbshift.core.data.TableMapping;
import dbshift.core.engine.Endpoint;
import dbshift.core.model.QualifiedName;
import dbshift.core.sync.SourcePosition;

/**
 * Debezium's SQL Server connector, which reads SQL Server's change data capture (CDC: needs SQL Server Agent,
 * so not Azure SQL Database). Not run against a live server here (none can run on this machine); the
 * configuration follows Debezium's documentation and is checked by unit tests only.
 */
public final class SqlServerSourceConnectorWriter implements SourceConnectorWriter {

    @Override
    public boolean handles(String dialectId) {
        return dialectId.equals("sqlserver");
    }

    @Override
    public Map<String, String> config(Endpoint source, List<TableMapping> tables, PipelineOptions options, String passwordVariable) {
        String url = source.spec().url();
        Matcher host = Pattern.compile("^jdbc:sqlserver://([^:;\\\\]+)(?:\\\\[^:;]+)?(?::(\\d+))?").matcher(url);
        Matcher db = Pattern.compile("(?i);database(?:Name)?=([^;]+)").matcher(url);
        if (!host.find() || !db.find()) {
            throw new IllegalArgumentException("the SQL Server source URL must name a host and databaseName: " + url);
        }
        Map<String, String> c = new LinkedHashMap<>();
        c.put("connector.class", "io.debezium.connector.sqlserver.SqlServerConnector");
        c.put("tasks.max", "1");
        c.put("database.hostname", host.group(1));
        c.put("database.port", host.group(2) == null ? "1433" : host.group(2));
        c.put("database.user", source.spec().user() == null ? "" : source.spec().user());
        c.put("database.password", "${env:" + passwordVariable + "}");
        c.put("database.names", db.group(1));
        c.put("database.encrypt", Boolean.toString(url.toLowerCase(java.util.Locale.ROOT).contains("encrypt=true")));
        c.put("topic.prefix", options.name());
        c.put("table.include.list", tables.stream().map(t -> Pattern.quote(t.source().name().schema()) + "\\."
                + Pattern.quote(t.source().name().name())).collect(Collectors.joining(",")));
        c.put("schema.history.internal.kafka.bootstrap.servers", options.kafkaBootstrap() == null ? "" : options.kafkaBootstrap());
        c.put("schema.history.internal.kafka.topic", options.name() + ".schema-history");
        c.put("include.schema.changes", "false");
        c.put("snapshot.mode", "initial");
        c.put("snapshot.max.threads", Integer.toString(options.snapshotThreads()));
        c.put("decimal.handling.mode", "precise");
        c.put("time.precision.mode", "adaptive");
        c.put("binary.handling.mode", "bytes");
        c.put("heartbeat.interval.ms", "1000");
        c.put("topic.creation.default.partitions", Integer.toString(options.tasks()));
        c.put("topic.creation.default.replication.factor", "-1");
        databaseName = db.group(1);
        return c;
    }

    private String databaseName = "";

    @Override
    public String topic(PipelineOptions options, QualifiedName sourceTable) {
        return options.name() + "." + databaseName + "." + sourceTable.schema() + "." + sourceTable.name();
    }

    @Override
    public List<Finding> findings(TableMapping table) {
        return List.of(new Finding("CONNECT-CDC", Severity.WARNING, "table",
                table.source().name().schema() + "." + table.source().name().name(),
                "Debezium reads SQL Server CDC: enable it (sys.sp_cdc_enable_db, sys.sp_cdc_enable_table) and run SQL Server "
                        + "Agent; Azure SQL Database has no Agent. Not verified against a live server by DBShift",
                "enable CDC for the table before 'connect start'", null));
    }

    /**
     * DBShift's own SQL Server position is a change tracking version, Debezium's a CDC log sequence number: the two
     * cannot be compared, so cutover cannot wait on a SQL Server pipeline (yet).
     */
    @Override
    public boolean reached(JsonNode offset, SourcePosition position) {
        throw new IllegalStateException("cutover cannot wait for a SQL Server pipeline: DBShift reads change tracking "
                + "versions, Debezium CDC log sequence numbers; stop the writes, wait for 'connect status' to show no lag, "
                + "then run 'verify'");
    }

    @Override
    public boolean snapshotting(JsonNode offset) {
        return offset == null || offset.path("snapshot").asBoolean(false) && !offset.path("snapshot_completed").asBoolean(false);
    }
}
