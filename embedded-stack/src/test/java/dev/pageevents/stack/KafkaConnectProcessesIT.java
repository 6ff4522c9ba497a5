package dev.pageevents.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaConnectProcessesIT {

  @Test
  void shouldRunBrokerAndWorkerAsProcessesWithRestAndTopicsWorking() throws Exception {
    try (KafkaConnectProcesses stack = KafkaConnectProcesses.builder().restPort(0).build()) {
      stack.start();
      HttpResponse<String> plugins =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(stack.connectUrl() + "/connector-plugins"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(plugins.statusCode()).isEqualTo(200);
      try (Admin admin =
          Admin.create(
              Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
        assertThat(admin.listTopics().names().get()).contains("connect-configs");
      }
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(
              Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
              new StringSerializer(),
              new StringSerializer())) {
        producer.send(new ProducerRecord<>("demo", "k", "v")).get();
      }
      try (KafkaConsumer<String, String> consumer =
          new KafkaConsumer<>(
              Map.of(
                  ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                  ConsumerConfig.GROUP_ID_CONFIG, "demo",
                  ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
              new StringDeserializer(),
              new StringDeserializer())) {
        consumer.subscribe(List.of("demo"));
        int seen = 0;
        long deadline = System.currentTimeMillis() + 30_000;
        while (seen == 0 && System.currentTimeMillis() < deadline) {
          seen = consumer.poll(Duration.ofMillis(500)).count();
        }
        assertThat(seen).isEqualTo(1);
      }
    }
  }
}
