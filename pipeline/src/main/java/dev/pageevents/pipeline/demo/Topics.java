package dev.pageevents.pipeline.demo;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the events topic before the sinks subscribe, as the source's config would create it. */
public final class Topics {
  private Topics() {}

  /**
   * The topic with the source config's {@code topic.creation.default.partitions} (default 3) and
   * {@code topic.creation.default.replication.factor} (default 1; -1 takes the brokers' default).
   */
  public static void create(
      String bootstrapServers, String topic, Map<String, String> sourceConfig) {
    int partitions =
        Integer.parseInt(sourceConfig.getOrDefault("topic.creation.default.partitions", "3"));
    short replicationFactor =
        Short.parseShort(
            sourceConfig.getOrDefault("topic.creation.default.replication.factor", "1"));
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(props)) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, replicationFactor))).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("Could not create topic " + topic, e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topic " + topic, e);
    }
  }
}
