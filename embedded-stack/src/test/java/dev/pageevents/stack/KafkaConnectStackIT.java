package dev.pageevents.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaConnectStackIT {
  private static KafkaConnectStack stack;

  @BeforeAll
  static void startStack() {
    stack = KafkaConnectStack.builder().brokers(1).workers(1).build().start();
  }

  @AfterAll
  static void stopStack() {
    stack.close();
  }

  @Test
  void shouldReadBackWhatKafkaClientsProduced() throws Exception {
    stack.cluster().kafka().createTopic("smoke");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>("smoke", "page-1", "{\"page\":\"/home\"}")).get();
    }
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "smoke",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of("smoke"));
      ConsumerRecord<String, String> record = null;
      long deadline = System.currentTimeMillis() + 30_000;
      while (record == null && System.currentTimeMillis() < deadline) {
        var records = consumer.poll(Duration.ofMillis(500));
        record = records.isEmpty() ? null : records.iterator().next();
      }
      assertThat(record).isNotNull();
      assertThat(record.key()).isEqualTo("page-1");
      assertThat(record.value()).isEqualTo("{\"page\":\"/home\"}");
    }
  }

  @Test
  void shouldServeConnectRestApiWithServiceLoadedPlugins() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(stack.connectUrl() + "/connector-plugins"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"type\":\"sink\"");
    assertThat(stack.cluster().workers()).hasSize(1);
  }
}
