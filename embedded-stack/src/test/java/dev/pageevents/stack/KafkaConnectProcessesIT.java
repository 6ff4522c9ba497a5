package dev.pageevents.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class KafkaConnectProcessesIT {

  @Test
  void shouldRunBrokerAndWorkerOfTheServerKafkaVersionAsProcessesWithRestAndTopicsWorking()
      throws Exception {
    try (KafkaConnectProcesses stack = KafkaConnectProcesses.builder().restPort(0).build()) {
      stack.start();
      assertThat(stack.worker().kafkaVersion())
          .as("the worker runs the build's server Kafka (kafka.servers.version)")
          .isEqualTo(System.getProperty("kafka.servers.version"));
      assertThat(KafkaRoundTrip.get(stack.connectUrl(), "/connector-plugins").statusCode())
          .isEqualTo(200);
      try (Admin admin =
          Admin.create(
              Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
        assertThat(admin.listTopics().names().get()).contains("connect-configs");
      }
      ConsumerRecord<String, String> record =
          KafkaRoundTrip.sendAndReadBack(stack.bootstrapServers(), "demo", "k", "v");
      assertThat(record).isNotNull();
      assertThat(record.value()).isEqualTo("v");
    }
  }
}
