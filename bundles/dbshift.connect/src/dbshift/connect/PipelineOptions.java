package dbshift.connect;

import java.util.Locale;

/**
 * How a pipeline is laid out: its name (the prefix of its connectors, topics and consumer groups), where the
 * Connect REST API and the Kafka brokers are, and how wide it runs: {@code tasks} sink tasks per target database
 * and as many partitions per table topic (a sink task reads whole partitions, so more tasks than partitions idle),
 * and {@code snapshotThreads} for the source's initial snapshot. {@code workerResolvesSecrets}: the connector
 * configurations carry {@code ${env:VAR}} references for the worker's EnvVarConfigProvider instead of passwords.
 */
public record PipelineOptions(String name, String connectUrl, String kafkaBootstrap, int tasks, int snapshotThreads,
        boolean workerResolvesSecrets) {

    public PipelineOptions {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("--pipeline must be 1-40 letters, digits, '_' or '-', not '" + name + "'");
        }
        if (tasks < 1 || tasks > 256) {
            throw new IllegalArgumentException("--connect-tasks must be between 1 and 256, not " + tasks);
        }
        if (snapshotThreads < 1) {
            snapshotThreads = 1;
        }
        if (connectUrl != null && !connectUrl.matches("https?://.+")) {
            throw new IllegalArgumentException("--connect-url must be an http:// or https:// URL of the Connect REST API, not '"
                    + connectUrl + "'");
        }
    }

    public String sourceConnectorName() {
        return name + "-source";
    }

    public String sinkConnectorName(String targetSchema) {
        return name + "-sink-" + targetSchema.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
    }

    /** The consumer group Kafka Connect gives a sink connector. */
    public static String consumerGroup(String sinkConnector) {
        return "connect-" + sinkConnector;
    }

    /** A stable replica id for binlog readers, derived from the name so that two pipelines do not collide. */
    public long serverId() {
        return 5400 + Math.floorMod(name.hashCode(), 100_000);
    }
}
