package dev.pageevents.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CassandraServerIT {

  /** A session on every contact point; timeouts allow for schema changes on a busy machine. */
  static CqlSession connect(CassandraServer cassandra) {
    return connect(cassandra.contactPoints(), cassandra.localDatacenter());
  }

  static CqlSession connect(List<InetSocketAddress> contactPoints, String datacenter) {
    return CqlSession.builder()
        .addContactPoints(contactPoints)
        .withLocalDatacenter(datacenter)
        .withConfigLoader(
            DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                .withDuration(
                    DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT,
                    Duration.ofSeconds(30))
                .build())
        .build();
  }

  @Test
  void shouldWriteAndReadBackThroughTheDriverAndKeepDataAcrossRestart() {
    CassandraServer cassandra = SharedServers.cassandra();
    try (CqlSession session = connect(cassandra)) {
      session.execute(
          "CREATE KEYSPACE IF NOT EXISTS smoke WITH replication ="
              + " {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE IF NOT EXISTS smoke.pages (url text PRIMARY KEY, visits int)");
      PreparedStatement insert =
          session.prepare("INSERT INTO smoke.pages (url, visits) VALUES (?, ?)");
      session.execute(insert.bind("/home", 7));
    }
    if (!cassandra.external()) {
      cassandra.stop();
      cassandra.start();
    }
    try (CqlSession session = connect(cassandra)) {
      int visits =
          session
              .execute(
                  session.prepare("SELECT visits FROM smoke.pages WHERE url = ?").bind("/home"))
              .one()
              .getInt("visits");
      assertThat(visits).isEqualTo(7);
    }
  }
}
