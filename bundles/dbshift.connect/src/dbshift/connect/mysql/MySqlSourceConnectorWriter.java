package dbshift.connect.mysql;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import dbshift.connect.PipelineOptions;
import dbshift.connect.spi.SourceConnectorWriter;
import dbshift.core.assess.Finding;
import dbshift.core.assess.Severity;
import dbshift.core.data.TableMapping;
import dbshift.core.engine.Endpoint;
import dbshift.core.model.Column;
import dbshift.core.model.QualifiedName;
import dbshift.core.sync.SourcePosition;

/**
 * Debezium's binlog connectors for MySQL and MariaDB sources. The value handling is chosen so that what reaches
 * the sink is what {@code dbshift copy} would write: DECIMAL and BIGINT UNSIGNED exactly, times to the
 * microsecond, binary values as bytes. A heartbeat every second moves the committed offset on even when the
 * captured tables are quiet, so that cutover can see the connector pass the source's position.
 */
public final class MySqlSourceConnectorWriter implements SourceConnectorWriter {

    @Override
    public boolean handles(String dialectId) {
        return dialectId.equals("mysql") || dialectId.equals("mariadb");
    }

    @Override
    public Map<String, String> config(Endpoint source, List<TableMapping> tables, PipelineOptions options, String passwordVariable) {
        boolean mariaDb = source.dialect().id().equals("mariadb");
        URI address = hostAndPort(source.spec().url());
        Map<String, String> c = new LinkedHashMap<>();
        c.put("connector.class", mariaDb ? "io.debezium.connector.mariadb.MariaDbConnector" : "io.debezium.connector.mysql.MySqlConnector");
        // one binlog reader: changes stay in log order; more tasks would not help a binlog connector
        c.put("tasks.max", "1");
        c.put("database.hostname", address.getHost());
        c.put("database.port", Integer.toString(address.getPort() < 0 ? 3306 : address.getPort()));
        c.put("database.user", source.spec().user() == null ? "" : source.spec().user());
        c.put("database.password", "${env:" + passwordVariable + "}");
        c.put("database.server.id", Long.toString(options.serverId()));
        c.put("topic.prefix", options.name());
        c.put("database.include.list", tables.stream().map(t -> Pattern.quote(t.source().name().schema())).distinct()
                .collect(Collectors.joining(",")));
        c.put("table.include.list", tables.stream().map(t -> Pattern.quote(t.source().name().schema()) + "\\."
                + Pattern.quote(t.source().name().name())).collect(Collectors.joining(",")));
        c.put("schema.history.internal.kafka.bootstrap.servers", options.kafkaBootstrap() == null ? "" : options.kafkaBootstrap());
        c.put("schema.history.internal.kafka.topic", options.name() + ".schema-history");
        c.put("include.schema.changes", "false");
        c.put("snapshot.mode", "initial");
        c.put("snapshot.max.threads", Integer.toString(options.snapshotThreads()));
        c.put("decimal.handling.mode", "precise");
        c.put("bigint.unsigned.handling.mode", "precise");
        c.put("time.precision.mode", "adaptive_time_microseconds");
        c.put("binary.handling.mode", "bytes");
        c.put("heartbeat.interval.ms", "1000");
        c.put("max.batch.size", "4096");
        c.put("max.queue.size", "16384");
        List<String> overridden = new ArrayList<>();
        for (TableMapping t : tables) {
            String select = snapshotSelect(t);
            if (select != null) {
                String id = t.source().name().schema() + "." + t.source().name().name();
                overridden.add(id);
                c.put("snapshot.select.statement.overrides." + id, select);
            }
        }
        if (!overridden.isEmpty()) {
            c.put("snapshot.select.statement.overrides", String.join(",", overridden));
        }
        c.put("topic.creation.default.partitions", Integer.toString(options.tasks()));
        c.put("topic.creation.default.replication.factor", "-1");
        return c;
    }

    /**
     * The snapshot's SELECT for a table with FLOAT columns, else null (Debezium's own {@code SELECT *}). The snapshot
     * reads through the text protocol, where the server prints a FLOAT with 6 significant digits (0.142857 for the
     * float nearest 1/7): the sink would write a different float than the source holds, for every snapshotted row,
     * while the binlog carries the exact 4 bytes. Read as the double it exactly is, it arrives unchanged (as
     * {@code dbshift copy} reads it). Debezium matches the columns by name, so every column keeps its own.
     */
    static String snapshotSelect(TableMapping t) {
        boolean floats = false;
        List<String> columns = new ArrayList<>();
        for (Column col : t.source().columns()) {
            String q = quote(col.name());
            if (col.type().name().toLowerCase(Locale.ROOT).equals("float")) {
                floats = true;
                columns.add("CAST(" + q + " AS DOUBLE) AS " + q);
            } else {
                columns.add(q);
            }
        }
        return floats ? "SELECT " + String.join(", ", columns) + " FROM " + quote(t.source().name().schema()) + "."
                + quote(t.source().name().name()) : null;
    }

    private static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    @Override
    public String topic(PipelineOptions options, QualifiedName sourceTable) {
        return options.name() + "." + sourceTable.schema() + "." + sourceTable.name();
    }

    @Override
    public List<Finding> findings(TableMapping table) {
        List<Finding> out = new ArrayList<>();
        String name = table.source().name().schema() + "." + table.source().name().name();
        for (Column c : table.source().columns()) {
            String type = c.type().name().toLowerCase(Locale.ROOT);
            if ((type.equals("date") || type.startsWith("datetime") || type.startsWith("timestamp"))) {
                out.add(new Finding("CONNECT-ZERO-DATE", Severity.WARNING, "table", name,
                        "Debezium turns zero dates ('0000-00-00') into NULL (or the epoch where the column is NOT NULL); "
                                + "'dbshift copy' keeps them", "check for zero dates (the assessment probes them) or use copy",
                        null));
                break;
            }
        }
        return out;
    }

    /** Offsets look like {@code {"file":"binlog.000003","pos":1234,"snapshot":"INITIAL",…}}. */
    @Override
    public boolean reached(JsonNode offset, SourcePosition position) {
        if (offset == null || !offset.hasNonNull("file") || snapshotting(offset)) {
            return false;
        }
        String[] at = position.text().split(":");
        if (at.length != 2) {
            throw new IllegalArgumentException("not a binlog position: " + position);
        }
        int files = offset.get("file").asText().compareTo(at[0]);
        return files > 0 || files == 0 && offset.path("pos").asLong() >= Long.parseLong(at[1]);
    }

    @Override
    public boolean snapshotting(JsonNode offset) {
        if (offset == null) {
            return true;
        }
        JsonNode snapshot = offset.get("snapshot");
        return snapshot != null && !snapshot.isNull() && !snapshot.asText().equalsIgnoreCase("false")
                && !offset.path("snapshot_completed").asBoolean(false);
    }

    /** {@code jdbc:mysql://host:3306/db?x} → host and port (the first host of a list). */
    static URI hostAndPort(String jdbcUrl) {
        String rest = jdbcUrl.replaceFirst("^jdbc:(mysql|mariadb)(:[a-z]+)*://", "");
        String hostPort = rest.split("[/?,]", 2)[0];
        return URI.create("tcp://" + (hostPort.isEmpty() ? "localhost" : hostPort));
    }
}
