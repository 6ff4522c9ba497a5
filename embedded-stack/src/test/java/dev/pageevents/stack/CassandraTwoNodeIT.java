package dev.pageevents.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CassandraTwoNodeIT {
  private static CassandraServer ring;

  @BeforeAll
  static void startRing() {
    ring = CassandraServer.create("cassandra-ring", 2);
    ring.start();
  }

  @AfterAll
  static void closeRing() {
    ring.close();
  }

  @Test
  void shouldReplicateEveryRowToBothNodesWithReplicationFactorTwo() {
    try (CqlSession session = CassandraServerIT.connect(ring)) {
      assertThat(session.getMetadata().getNodes()).hasSize(2);
      session.execute(
          "CREATE KEYSPACE ring WITH replication ="
              + " {'class': 'SimpleStrategy', 'replication_factor': 2}");
      session.execute("CREATE TABLE ring.pages (url text PRIMARY KEY, visits int)");
      session.execute(
          SimpleStatement.newInstance("INSERT INTO ring.pages (url, visits) VALUES (?, ?)", "/a", 1)
              .setConsistencyLevel(ConsistencyLevel.ALL));
      TokenMap tokens = session.getMetadata().getTokenMap().orElseThrow();
      var key =
          com.datastax.oss.driver.api.core.type.codec.TypeCodecs.TEXT.encode(
              "/a", session.getContext().getProtocolVersion());
      assertThat(tokens.getReplicas(CqlIdentifier.fromCql("ring"), key)).hasSize(2);
    }
    ring.node(0).kill();
    try (CqlSession session =
        CassandraServerIT.connect(List.of(ring.contactPoints().get(1)), ring.localDatacenter())) {
      var row =
          session
              .execute(
                  SimpleStatement.newInstance("SELECT visits FROM ring.pages WHERE url = ?", "/a")
                      .setConsistencyLevel(ConsistencyLevel.ONE))
              .one();
      assertThat(row).isNotNull();
      assertThat(row.getInt("visits")).isEqualTo(1);
    }
  }
}
