package dev.pageevents.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StackExtension.class)
class KafkaConnectStackIT {

  @Test
  void shouldReadBackWhatKafkaClientsProduced(KafkaConnectStack stack) throws Exception {
    stack.cluster().kafka().createTopic("smoke");
    ConsumerRecord<String, String> record =
        KafkaRoundTrip.sendAndReadBack(
            stack.bootstrapServers(), "smoke", "page-1", "{\"page\":\"/home\"}");
    assertThat(record).isNotNull();
    assertThat(record.key()).isEqualTo("page-1");
    assertThat(record.value()).isEqualTo("{\"page\":\"/home\"}");
  }

  @Test
  void shouldServeConnectRestApiWithServiceLoadedPlugins(KafkaConnectStack stack) throws Exception {
    HttpResponse<String> response = KafkaRoundTrip.get(stack.connectUrl(), "/connector-plugins");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"type\":\"sink\"");
    assertThat(stack.cluster().workers()).hasSize(1);
  }
}
