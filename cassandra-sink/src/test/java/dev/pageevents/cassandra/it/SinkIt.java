package dev.pageevents.cassandra.it;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.pageevents.cassandra.CassandraSinkConnector;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffset;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/** What the integration tests share: producing JSON, the connector config, reading Cassandra. */
final class SinkIt {
  static final Duration TIMEOUT = Duration.ofSeconds(120);

  private SinkIt() {}

  /** Sends each value as a JSON string with a plain producer, keyed by nothing, and flushes. */
  static void produce(String bootstrapServers, String topic, List<String> values) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      for (String value : values) {
        producer.send(new ProducerRecord<>(topic, value));
      }
      producer.flush();
    }
  }

  /** A sink config with string values, a DLQ, and quick retries. */
  static Map<String, String> connectorConfig(
      String topic, String contactPoints, String datacenter, String keyspace) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", CassandraSinkConnector.class.getName());
    config.put("tasks.max", "2");
    config.put("topics", topic);
    config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    config.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
    config.put("cassandra.contact.points", contactPoints);
    config.put("cassandra.local.datacenter", datacenter);
    config.put("cassandra.keyspace", keyspace);
    config.put("cassandra.request.timeout.ms", "5000");
    config.put("max.retries", "50");
    config.put("retry.backoff.ms", "200");
    config.put("retry.backoff.max.ms", "2000");
    config.put("errors.tolerance", "all");
    config.put("errors.deadletterqueue.topic.name", topic + "-dlq");
    config.put("errors.deadletterqueue.topic.replication.factor", "1");
    config.put("errors.deadletterqueue.context.headers.enable", "true");
    return config;
  }

  static CqlSession session(List<InetSocketAddress> contactPoints, String datacenter) {
    return CqlSession.builder()
        .addContactPoints(contactPoints)
        .withLocalDatacenter(datacenter)
        .build();
  }

  static long count(CqlSession session, String keyspace, String table, ConsistencyLevel level) {
    Row row =
        session
            .execute(
                SimpleStatement.newInstance("SELECT count(*) FROM " + keyspace + "." + table)
                    .setConsistencyLevel(level)
                    .setTimeout(Duration.ofSeconds(30)))
            .one();
    return row.getLong(0);
  }

  static Set<String> eventIds(
      CqlSession session, String keyspace, String table, ConsistencyLevel level) {
    Set<String> ids = new HashSet<>();
    session
        .execute(
            SimpleStatement.newInstance("SELECT event_id FROM " + keyspace + "." + table)
                .setConsistencyLevel(level)
                .setTimeout(Duration.ofSeconds(30)))
        .forEach(row -> ids.add(row.getString(0)));
    return ids;
  }

  /** Sum over the topic's partitions of the offsets the connector committed. */
  static long committedOffsets(EmbeddedConnectCluster connect, String connector) {
    return connect.connectorOffsets(connector).offsets().stream()
        .map(ConnectorOffset::offset)
        .mapToLong(offset -> ((Number) offset.get("kafka_offset")).longValue())
        .sum();
  }

  /**
   * Polls until the condition holds; exceptions count as "not yet" and the last one is reported.
   */
  static void await(String what, Callable<Boolean> condition) throws InterruptedException {
    awaitValue(what, condition, Boolean.TRUE::equals);
  }

  /**
   * Polls {@code read} until its value satisfies {@code done}; the failure names the last value or
   * exception seen.
   */
  static <T> T awaitValue(String what, Callable<T> read, Predicate<T> done)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(TIMEOUT);
    Object last = null;
    Exception error = null;
    while (Instant.now().isBefore(deadline)) {
      try {
        T value = read.call();
        if (done.test(value)) {
          return value;
        }
        last = value;
        error = null;
      } catch (Exception e) {
        error = e;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Not within " + TIMEOUT + ": " + what + "; last seen: " + last, error);
  }
}
