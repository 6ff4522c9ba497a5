package dev.pageevents.stack;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import java.io.IOException;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

class ElasticsearchThreeNodeIT {

  @Test
  void shouldFormAGreenClusterOfThreeNodesWithReplicatedShards() throws IOException {
    try (ElasticsearchServer cluster = ElasticsearchServer.create("es-cluster", 3)) {
      cluster.start();
      try (RestClient rest = ElasticsearchServerIT.rest(cluster.endpoints().get(2))) {
        ElasticsearchClient client = ElasticsearchServerIT.client(rest);
        client
            .indices()
            .create(
                c -> c.index("spread").settings(s -> s.numberOfShards("3").numberOfReplicas("1")));
        HealthResponse health =
            client
                .cluster()
                .health(
                    h ->
                        h.index("spread")
                            .waitForStatus(HealthStatus.Green)
                            .timeout(t -> t.time("60s")));
        assertThat(health.numberOfNodes()).isEqualTo(3);
        assertThat(health.status()).isEqualTo(HealthStatus.Green);
        assertThat(health.activeShards()).isEqualTo(6);
      }
    }
  }
}
