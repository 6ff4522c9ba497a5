package dev.pageevents.cassandra.it;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.pageevents.cassandra.CassandraSinkConnector;
import dev.pageevents.core.testing.SinkItConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffset;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/** What the Cassandra integration tests share: the connector config and reading Cassandra. */
final class SinkIt {
  private SinkIt() {}

  /** A sink config with string values, a DLQ, and quick retries. */
  static Map<String, String> connectorConfig(
      String topic, String contactPoints, String datacenter, String keyspace) {
    Map<String, String> config = SinkItConfig.stringsWithDeadLetterQueue(topic, topic + "-dlq");
    config.putAll(storeSettings(contactPoints, datacenter, keyspace));
    config.put("retry.backoff.ms", "200");
    config.put("retry.backoff.max.ms", "2000");
    return config;
  }

  /** The connector's Cassandra settings: where it connects, its keyspace, many quick retries. */
  static Map<String, String> storeSettings(
      String contactPoints, String datacenter, String keyspace) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", CassandraSinkConnector.class.getName());
    config.put("cassandra.contact.points", contactPoints);
    config.put("cassandra.local.datacenter", datacenter);
    config.put("cassandra.keyspace", keyspace);
    config.put("cassandra.request.timeout.ms", "5000");
    config.put("max.retries", "50");
    return config;
  }

  /**
   * The tests' own session. Its requests (schema changes, full-table counts) wait up to 30 s, not
   * the driver's 2 s, which a busy CI machine exceeds.
   */
  static CqlSession session(List<InetSocketAddress> contactPoints, String datacenter) {
    return CqlSession.builder()
        .addContactPoints(contactPoints)
        .withLocalDatacenter(datacenter)
        .withConfigLoader(
            DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                .build())
        .build();
  }

  static long count(CqlSession session, String keyspace, String table, ConsistencyLevel level) {
    Row row =
        session
            .execute(
                SimpleStatement.newInstance("SELECT count(*) FROM " + keyspace + "." + table)
                    .setConsistencyLevel(level))
            .one();
    return row.getLong(0);
  }

  static Set<String> eventIds(
      CqlSession session, String keyspace, String table, ConsistencyLevel level) {
    Set<String> ids = new HashSet<>();
    session
        .execute(
            SimpleStatement.newInstance("SELECT event_id FROM " + keyspace + "." + table)
                .setConsistencyLevel(level))
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
}
