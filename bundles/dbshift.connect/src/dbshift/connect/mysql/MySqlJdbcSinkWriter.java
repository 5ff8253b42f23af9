package dbshift.connect.mysql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dbshift.connect.ConnectorConfig;
import dbshift.connect.PipelineOptions;
import dbshift.connect.spi.SinkConnectorWriter;
import dbshift.connect.spi.SourceConnectorWriter;
import dbshift.core.assess.Finding;
import dbshift.core.assess.Severity;
import dbshift.core.data.TableMapping;
import dbshift.core.engine.Endpoint;
import dbshift.core.model.Column;

/**
 * Debezium's JDBC sink into MySQL and MariaDB targets, one connector per target database (the sink writes
 * unqualified table names into the database of its URL). It upserts by the primary key (so a replayed event
 * leaves the same row: a restarted worker doubles nothing), applies deletes, never changes the schema DBShift
 * deployed, and leaves out the columns the target computes itself (generated columns).
 */
public final class MySqlJdbcSinkWriter implements SinkConnectorWriter {

    @Override
    public boolean handles(String targetDialectId) {
        return targetDialectId.equals("mysql") || targetDialectId.equals("mariadb");
    }

    @Override
    public List<ConnectorConfig> configs(Endpoint target, List<TableMapping> tables, PipelineOptions options,
            SourceConnectorWriter source, String passwordVariable) {
        Map<String, List<TableMapping>> byDatabase = new TreeMap<>();
        tables.forEach(t -> byDatabase.computeIfAbsent(t.target().name().schema(), k -> new ArrayList<>()).add(t));
        List<ConnectorConfig> out = new ArrayList<>();
        byDatabase.forEach((database, mapped) -> {
            Map<String, String> c = new LinkedHashMap<>();
            c.put("connector.class", "io.debezium.connector.jdbc.JdbcSinkConnector");
            c.put("tasks.max", Integer.toString(options.tasks()));
            c.put("connection.url", urlFor(target.spec().url(), database));
            c.put("connection.username", target.spec().user() == null ? "" : target.spec().user());
            c.put("connection.password", "${env:" + passwordVariable + "}");
            c.put("topics", mapped.stream().map(t -> source.topic(options, t.source().name())).collect(Collectors.joining(",")));
            c.put("insert.mode", "upsert");
            c.put("primary.key.mode", "record_key");
            c.put("delete.enabled", "true");
            c.put("truncate.enabled", "true");
            c.put("schema.evolution", "none");
            c.put("quote.identifiers", "true");
            c.put("database.time_zone", "UTC");
            c.put("batch.size", "2000");
            c.put("consumer.override.max.poll.records", "2000");
            // the topic, routed to the target table's name, is the table name as it is
            c.put("collection.naming.strategy", "io.debezium.sink.naming.PassthroughCollectionNamingStrategy");
            List<String> routes = new ArrayList<>();
            for (TableMapping t : mapped) {
                String route = "t" + routes.size();
                routes.add(route);
                c.put("transforms." + route + ".type", "org.apache.kafka.connect.transforms.RegexRouter");
                c.put("transforms." + route + ".regex", Pattern.quote(source.topic(options, t.source().name())));
                c.put("transforms." + route + ".replacement", t.target().name().name().replace("\\", "\\\\").replace("$", "\\$"));
            }
            c.put("transforms", String.join(",", routes));
            List<String> excluded = new ArrayList<>();
            for (TableMapping t : mapped) {
                for (Column col : t.target().columns()) {
                    if (col.isGenerated()) {
                        // the sink filters after the routing transform, on the routed topic (the table's name); the
                        // captured topic is named too, for sinks that filter before it
                        // exact "topic:field" names (Debezium compares them as strings, not patterns)
                        excluded.add(t.target().name().name() + ":" + col.name());
                        excluded.add(source.topic(options, t.source().name()) + ":" + col.name());
                    }
                }
            }
            if (!excluded.isEmpty()) {
                c.put("field.exclude.list", String.join(",", excluded));
            }
            out.add(new ConnectorConfig(options.sinkConnectorName(database), c));
        });
        return out;
    }

    @Override
    public List<Finding> findings(TableMapping table) {
        List<Finding> out = new ArrayList<>();
        String name = table.target().name().schema() + "." + table.target().name().name();
        if (!table.target().hasPrimaryKey()) {
            out.add(new Finding("CONNECT-NO-KEY", Severity.BLOCKING, "table", name,
                    "the sink can only upsert and delete by a primary key: without one, a restarted worker doubles rows and "
                            + "deletes are lost", "add a primary key, or leave the table out (--databases) and copy it with "
                            + "'dbshift copy' at cutover", null));
        }
        for (Column c : table.target().columns()) {
            String type = c.type().name().toLowerCase(Locale.ROOT);
            String column = name + "." + c.name();
            if (type.equals("bit") && c.type().length() != null && c.type().length() > 1) {
                out.add(new Finding("CONNECT-BIT", Severity.BLOCKING, "column", column,
                        "Debezium's JDBC sink writes BIT(" + c.type().length() + ") values the server refuses "
                                + "('Data too long'); the sink would stop at the first row", "change the column to BIGINT "
                                + "UNSIGNED or BINARY in the reviewed script, or copy this table with 'dbshift copy'", null));
            } else if (type.equals("time")) {
                out.add(new Finding("CONNECT-TIME-RANGE", Severity.WARNING, "column", column,
                        "the sink writes TIME as a time of day: values below 00:00:00 or from 24:00:00 on stop the sink "
                                + "(an interval such as '-838:59:59' cannot pass)", "make sure the column holds times of day only",
                        null));
            } else if (c.type().srid() != null && c.type().srid() != 0) {
                out.add(new Finding("CONNECT-SPATIAL", Severity.WARNING, "column", column,
                        "spatial values with SRID " + c.type().srid() + " arrive with their axes swapped (the sink writes WKB "
                                + "in the geographic axis order); verify reports them", "copy this table with 'dbshift copy'",
                        null));
            } else if (c.isGenerated()) {
                out.add(new Finding("CONNECT-GENERATED", Severity.INFO, "column", column,
                        "a generated column: the sink leaves it out and the target computes it", null, null));
            }
        }
        return out;
    }

    /** The target URL pointing at {@code database}: the sink writes unqualified names. */
    static String urlFor(String url, String database) {
        java.util.regex.Matcher m = Pattern.compile("^(jdbc:(?:mysql|mariadb)(?::[a-z]+)*://[^/?]*)(/[^?]*)?(\\?.*)?$").matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot point the target URL " + url + " at database " + database);
        }
        return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }
}
