package dbshift.connect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * What DBShift asks the Kafka brokers directly (the Connect REST API does not tell it): creating the table
 * topics with the pipeline's partition count before the connectors start, and how far the sinks' consumer groups
 * are behind the end of each topic.
 */
public final class KafkaTopics implements AutoCloseable {
    private final Admin admin;
    private final String bootstrap;

    public KafkaTopics(String bootstrap) {
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalArgumentException("--kafka-bootstrap is required (host:port of a Kafka broker)");
        }
        this.bootstrap = bootstrap;
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "30000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "dbshift");
        // Kafka loads its own classes by name through the context class loader: inside OSGi that must be Kafka's
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(Admin.class.getClassLoader());
        try {
            admin = Admin.create(p);
        } finally {
            t.setContextClassLoader(before);
        }
    }

    /** Creates the topics that do not exist yet; existing ones are left as they are. */
    public void create(Collection<String> topics, int partitions) {
        Set<String> existing = get(admin.listTopics().names(), "listing topics");
        List<NewTopic> missing = new ArrayList<>();
        for (String topic : topics) {
            if (!existing.contains(topic)) {
                missing.add(new NewTopic(topic, java.util.Optional.of(partitions), java.util.Optional.empty()));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics on " + bootstrap + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrap + " did not create the topics within 60 s", e);
        }
    }

    /** Messages in each topic (end offset minus start offset over its partitions); missing topics are left out. */
    public Map<String, Long> endOffsets(Collection<String> topics) {
        Map<TopicPartition, OffsetSpec> query = new HashMap<>();
        Set<String> existing = get(admin.listTopics().names(), "listing topics");
        List<String> present = topics.stream().filter(existing::contains).toList();
        if (present.isEmpty()) {
            return Map.of();
        }
        Map<String, TopicDescription> described = get(admin.describeTopics(present).allTopicNames(), "describing topics");
        described.values().forEach(d -> d.partitions().forEach(p -> query.put(new TopicPartition(d.name(), p.partition()),
                OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = get(admin.listOffsets(query).all(), "reading end offsets");
        Map<String, Long> out = new HashMap<>();
        ends.forEach((tp, info) -> out.merge(tp.topic(), info.offset(), Long::sum));
        return out;
    }

    /** The offsets a consumer group committed, summed per topic. */
    public Map<String, Long> committed(String group) {
        Map<TopicPartition, OffsetAndMetadata> offsets = get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(),
                "reading the offsets of consumer group " + group);
        Map<String, Long> out = new HashMap<>();
        offsets.forEach((tp, o) -> {
            if (o != null) {
                out.merge(tp.topic(), o.offset(), Long::sum);
            }
        });
        return out;
    }

    public void deleteTopics(Collection<String> topics) {
        get(admin.deleteTopics(topics).all(), "deleting topics");
    }

    private <T> T get(org.apache.kafka.common.KafkaFuture<T> future, String what) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka at " + bootstrap + ": " + what + " failed: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrap + " did not answer within 60 s (" + what
                    + "); check --kafka-bootstrap", e);
        }
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
