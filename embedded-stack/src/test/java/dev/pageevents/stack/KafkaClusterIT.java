package dev.pageevents.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.stack.process.Poll;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

class KafkaClusterIT {

  @Test
  void shouldReplicateThreeTimesAndKeepServingWhenThePartitionLeaderIsKilled() throws Exception {
    try (KafkaConnectProcesses kafka =
        KafkaConnectProcesses.builder().brokers(3).restPort(0).build()) {
      kafka.start();
      assertThat(kafka.brokers())
          .extracting(KafkaBrokerServer::host)
          .containsExactly("127.0.0.1", "127.0.0.2", "127.0.0.3");
      try (Admin admin =
          Admin.create(
              Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
        admin
            .createTopics(List.of(new NewTopic("events", Optional.of(1), Optional.empty())))
            .all()
            .get();
        Map<String, TopicDescription> topics =
            admin.describeTopics(List.of("events", "connect-offsets")).allTopicNames().get();
        topics
            .values()
            .forEach(
                t ->
                    assertThat(t.partitions().get(0).replicas())
                        .as("replicas of %s", t.name())
                        .hasSize(3));
        ConfigResource events = new ConfigResource(ConfigResource.Type.TOPIC, "events");
        assertThat(
                admin
                    .describeConfigs(List.of(events))
                    .all()
                    .get()
                    .get(events)
                    .get("min.insync.replicas")
                    .value())
            .isEqualTo("2");
      }

      KafkaBrokerServer leader = kafka.leaderOf("events", 0);
      leader.kill();
      Poll.until(
          "a new leader of events-0",
          Duration.ofSeconds(60),
          null,
          () -> {
            try {
              return kafka.leaderOf("events", 0) != leader;
            } catch (IllegalStateException e) {
              return false;
            }
          });

      ConsumerRecord<String, String> record =
          KafkaRoundTrip.sendAndReadBack(kafka.bootstrapServers(), "events", "k", "after");
      assertThat(record).isNotNull();
      assertThat(record.value()).isEqualTo("after");
    }
  }
}
