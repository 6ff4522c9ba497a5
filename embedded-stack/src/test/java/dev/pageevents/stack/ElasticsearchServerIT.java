package dev.pageevents.stack;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.util.Map;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

class ElasticsearchServerIT {

  /** A client on the given node URL; close the returned transport's RestClient with it. */
  static ElasticsearchClient client(RestClient rest) {
    return new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
  }

  static RestClient rest(String url) {
    return RestClient.builder(HttpHost.create(url)).build();
  }

  @Test
  @SuppressWarnings("rawtypes")
  void shouldIndexAndReadBackThroughTheClientAndKeepDataAcrossRestart() throws IOException {
    StoreServer es = SharedServers.elasticsearch();
    try (RestClient rest = rest(es.endpoint())) {
      ElasticsearchClient client = client(rest);
      client.index(i -> i.index("smoke").id("home").document(Map.of("url", "/home", "visits", 7)));
      client.indices().refresh(r -> r.index("smoke"));
      assertThat(client.count(c -> c.index("smoke")).count()).isEqualTo(1);
    }
    if (!es.external()) {
      es.stop();
      es.start();
    }
    try (RestClient rest = rest(es.endpoint())) {
      var doc = client(rest).get(g -> g.index("smoke").id("home"), Map.class);
      assertThat(doc.found()).isTrue();
      assertThat(doc.source()).containsEntry("url", "/home");
    }
  }
}
