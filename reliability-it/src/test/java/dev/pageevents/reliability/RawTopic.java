package dev.pageevents.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Produces raw key/value bytes to a one-partition topic and remembers each record's offset. */
final class RawTopic {
  private final String topic;

  RawTopic(String topic) {
    this.topic = topic;
    Worker.connect().kafka().createTopic(topic, 1);
  }

  String name() {
    return topic;
  }

  /**
   * Sends the records in order (one in flight) and returns them as the consumer will see them,
   * offsets included.
   */
  List<ConsumerRecord<byte[], byte[]>> produce(List<byte[][]> keyValues) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Worker.stack().bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "1048576");
    List<ConsumerRecord<byte[], byte[]>> sent = new ArrayList<>();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      List<Future<RecordMetadata>> futures = new ArrayList<>();
      for (byte[][] kv : keyValues) {
        futures.add(producer.send(new ProducerRecord<>(topic, 0, kv[0], kv[1])));
      }
      for (int i = 0; i < futures.size(); i++) {
        long offset = futures.get(i).get().offset();
        sent.add(new ConsumerRecord<>(topic, 0, offset, keyValues.get(i)[0], keyValues.get(i)[1]));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not produce to " + topic, e.getCause());
    }
    return sent;
  }
}
