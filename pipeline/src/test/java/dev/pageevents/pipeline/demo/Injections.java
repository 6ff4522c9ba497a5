package dev.pageevents.pipeline.demo;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import dev.pageevents.cassandra.CassandraSchema;
import dev.pageevents.cassandra.CassandraSinkConfig;
import dev.pageevents.cassandra.CassandraView;
import dev.pageevents.cassandra.CassandraView.Visit;
import dev.pageevents.elasticsearch.ElasticsearchSinkConfig;
import dev.pageevents.mongo.MongoSinkConfig;
import dev.pageevents.neo4j.Neo4jSinkConfig;
import dev.pageevents.pipeline.compare.Store;
import dev.pageevents.redis.RedisSinkConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/**
 * Deliberate damage to one store, written with that store's own client behind the sink's back: the
 * comparison must then name the store and the page.
 */
final class Injections {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Injections() {}

  /** Removes one visit of {@code page} from the store, or (Redis, Neo4j) adds one to a counter. */
  static void damage(Store store, Map<String, String> config, String page) throws Exception {
    switch (store) {
      case MONGODB -> deleteMongoDocument(config, page);
      case CASSANDRA -> deleteCassandraRow(config, page);
      case ELASTICSEARCH -> deleteElasticsearchDocument(config, page);
      case REDIS -> incrementRedisCounter(config, page);
      case NEO4J -> incrementNeo4jCount(config, page);
    }
  }

  private static void deleteMongoDocument(Map<String, String> config, String page) {
    MongoSinkConfig sink = new MongoSinkConfig(config);
    try (MongoClient client = MongoClients.create(sink.connectionString())) {
      long deleted =
          client
              .getDatabase(sink.database())
              .getCollection(sink.collection())
              .deleteOne(Filters.eq("page", page))
              .getDeletedCount();
      check(deleted == 1, "no MongoDB document of " + page);
    }
  }

  private static void deleteCassandraRow(Map<String, String> config, String page) {
    CassandraSinkConfig sink = new CassandraSinkConfig(config);
    Visit visit;
    try (CassandraView view = CassandraView.open(config)) {
      List<Visit> visits = view.partition(page, Demo.START_TIME);
      check(!visits.isEmpty(), "no Cassandra row of " + page);
      visit = visits.get(0);
    }
    try (CqlSession session =
        CqlSession.builder()
            .addContactPoints(sink.contactPoints())
            .withLocalDatacenter(sink.localDatacenter())
            .build()) {
      String table = sink.keyspace().asCql(true) + "." + CassandraSchema.PAGE_TABLE;
      session.execute(
          session
              .prepare(
                  "DELETE FROM "
                      + table
                      + " WHERE page = ? AND day = ? AND ts = ? AND event_id = ?")
              .bind(page, sink.bucket().of(visit.ts()), visit.ts(), visit.eventId()));
    }
  }

  private static void deleteElasticsearchDocument(Map<String, String> config, String page)
      throws Exception {
    String url = config.get(ElasticsearchSinkConfig.URLS_CONFIG).split(",")[0];
    HttpClient http = HttpClient.newHttpClient();
    String query =
        JSON.writeValueAsString(
            Map.of("size", 1, "query", Map.of("term", Map.of("page.keyword", page))));
    JsonNode hits =
        JSON.readTree(
                http.send(
                        HttpRequest.newBuilder(URI.create(url + "/pageevents-*/_search"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(query))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body())
            .path("hits")
            .path("hits");
    check(hits.size() == 1, "no Elasticsearch document of " + page);
    JsonNode hit = hits.get(0);
    String id = URLEncoder.encode(hit.get("_id").asText(), StandardCharsets.UTF_8);
    int status =
        http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            url
                                + "/"
                                + hit.get("_index").asText()
                                + "/_doc/"
                                + id
                                + "?refresh=true"))
                    .DELETE()
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .statusCode();
    check(status == 200, "Elasticsearch DELETE answered " + status);
  }

  private static void incrementRedisCounter(Map<String, String> config, String page) {
    RedisSinkConfig sink = new RedisSinkConfig(config);
    try (JedisPooled redis = new JedisPooled(HostAndPort.from(sink.hosts().get(0)))) {
      redis.hincrBy(sink.keys().page(page), "visits", 1);
    }
  }

  private static void incrementNeo4jCount(Map<String, String> config, String page) {
    try (Driver driver =
        GraphDatabase.driver(config.get(Neo4jSinkConfig.URI_CONFIG), AuthTokens.none())) {
      List<org.neo4j.driver.Record> changed =
          driver
              .executableQuery(
                  "MATCH (:User)-[v:VISITED]->(:Page {name: $page}) WITH v LIMIT 1"
                      + " SET v.count = v.count + 1 RETURN v.count")
              .withParameters(Map.of("page", page))
              .execute()
              .records();
      check(changed.size() == 1, "no Neo4j VISITED relationship of " + page);
    }
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }
}
