package dev.pageevents.reliability;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.pageevents.core.view.PageTotals;
import dev.pageevents.stack.CassandraServer;
import dev.pageevents.stack.SharedServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.bson.Document;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/**
 * The five sinks under test: each one's connector class, its store settings for one test (a fresh
 * namespace: collection, index, keyspace, key prefix; Neo4j has one graph, emptied by reset), and a
 * reader of the per-page totals it stored, written against the store's own client, not the sink's
 * classes (which must stay off the test classpath).
 */
enum Sink {
  MONGO("dev.pageevents.mongo.MongoSinkConnector") {
    @Override
    Map<String, String> storeConfig(String ns) {
      return Map.of(
          "mongodb.uri", SharedServers.mongo().endpoint(),
          "mongodb.database", "reliability",
          "mongodb.collection", ns,
          "write.concern", "1",
          "mongodb.server.selection.timeout.ms", "2000");
    }

    @Override
    Map<String, PageTotals> stored(String ns) {
      Map<String, long[]> sums = new TreeMap<>();
      try (MongoClient client = MongoClients.create(SharedServers.mongo().endpoint())) {
        for (Document doc : client.getDatabase("reliability").getCollection(ns).find()) {
          add(sums, doc.getString("page"), ((Number) doc.get("durationMs")).longValue());
        }
      }
      return totals(sums);
    }
  },

  ELASTICSEARCH("dev.pageevents.elasticsearch.ElasticsearchSinkConnector") {
    @Override
    Map<String, String> storeConfig(String ns) {
      return Map.of(
          "elasticsearch.urls",
          SharedServers.elasticsearch().endpoint(),
          "index.pattern",
          ns + "-{yyyy.MM.dd}",
          "index.template.name",
          ns,
          "index.number.of.shards",
          "1",
          "index.number.of.replicas",
          "0",
          "elasticsearch.read.timeout.ms",
          "5000");
    }

    @Override
    Map<String, PageTotals> stored(String ns) throws Exception {
      String base = SharedServers.elasticsearch().endpoint() + "/" + ns + "-*";
      post(base + "/_refresh?allow_no_indices=true", "");
      JsonNode hits =
          Worker.json()
              .readTree(
                  post(
                      base + "/_search?allow_no_indices=true",
                      "{\"size\":10000,\"query\":{\"match_all\":{}}}"))
              .path("hits")
              .path("hits");
      Map<String, long[]> sums = new TreeMap<>();
      for (JsonNode hit : hits) {
        add(
            sums,
            hit.path("_source").path("page").asText(),
            hit.path("_source").path("durationMs").asLong());
      }
      return totals(sums);
    }

    private String post(String url, String body) throws Exception {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + response.body());
      }
      return response.body();
    }
  },

  CASSANDRA("dev.pageevents.cassandra.CassandraSinkConnector") {
    @Override
    Map<String, String> storeConfig(String ns) {
      CassandraServer cassandra = SharedServers.cassandra();
      return Map.of(
          "cassandra.hosts",
          cassandra.endpoint(),
          "cassandra.local.datacenter",
          cassandra.localDatacenter(),
          "cassandra.keyspace",
          ns,
          "cassandra.request.timeout.ms",
          "5000");
    }

    @Override
    Map<String, PageTotals> stored(String ns) {
      CassandraServer cassandra = SharedServers.cassandra();
      try (CqlSession cql =
          CqlSession.builder()
              .addContactPoints(cassandra.contactPoints())
              .withLocalDatacenter(cassandra.localDatacenter())
              .build()) {
        return cassandraTotals(cql, ns);
      }
    }
  },

  REDIS("dev.pageevents.redis.RedisSinkConnector") {
    private static final int GROUPS = 4;

    @Override
    Map<String, String> storeConfig(String ns) {
      URI redis = URI.create(SharedServers.redis().endpoint());
      return Map.of(
          "redis.hosts",
          redis.getHost() + ":" + redis.getPort(),
          "redis.key.prefix",
          ns,
          "redis.hash.groups",
          Integer.toString(GROUPS));
    }

    /** Pages from each group's ranking, counters from each page's hash (see RedisKeys). */
    @Override
    Map<String, PageTotals> stored(String ns) {
      URI uri = URI.create(SharedServers.redis().endpoint());
      Map<String, PageTotals> pages = new TreeMap<>();
      try (JedisPooled redis = new JedisPooled(new HostAndPort(uri.getHost(), uri.getPort()))) {
        for (int group = 0; group < GROUPS; group++) {
          for (String page : redis.zrange(ns + ":{" + group + "}:top", 0, -1)) {
            Map<String, String> hash = redis.hgetAll(ns + ":{" + groupOf(page) + "}:page:" + page);
            pages.put(
                page,
                new PageTotals(
                    page,
                    Long.parseLong(hash.getOrDefault("visits", "0")),
                    Long.parseLong(hash.getOrDefault("durationMs", "0"))));
          }
        }
      }
      return pages;
    }

    private int groupOf(String name) {
      CRC32 crc = new CRC32();
      crc.update(name.getBytes(StandardCharsets.UTF_8));
      return (int) (crc.getValue() % GROUPS);
    }
  },

  NEO4J("dev.pageevents.neo4j.Neo4jSinkConnector") {
    @Override
    void reset(String ns) {
      try (Driver driver = driver()) {
        driver.executableQuery("MATCH (n) DETACH DELETE n").execute();
      }
    }

    @Override
    Map<String, String> storeConfig(String ns) {
      return Map.of("neo4j.uri", SharedServers.neo4j().endpoint(), "neo4j.username", "");
    }

    @Override
    Map<String, PageTotals> stored(String ns) {
      try (Driver driver = driver()) {
        return neo4jTotals(driver);
      }
    }

    private Driver driver() {
      return GraphDatabase.driver(SharedServers.neo4j().endpoint(), AuthTokens.none());
    }
  };

  final String connectorClass;

  Sink(String connectorClass) {
    this.connectorClass = connectorClass;
  }

  /** Empties what namespace {@code ns} would read, where a fresh namespace is not enough. */
  void reset(String ns) {}

  /** Store settings for a test using namespace {@code ns} (lower case letters, digits, _). */
  abstract Map<String, String> storeConfig(String ns);

  /** Visits and total duration per page as the store holds them now. */
  abstract Map<String, PageTotals> stored(String ns) throws Exception;

  /** Connector config: raw bytes in, one task, the store's settings. */
  Map<String, String> connectorConfig(String topic, String ns) {
    Map<String, String> config = new HashMap<>(storeConfig(ns));
    config.put("connector.class", connectorClass);
    config.put("tasks.max", "1");
    config.put("topics", topic);
    config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("retry.backoff.ms", "200");
    config.put("retry.backoff.max.ms", "1000");
    return config;
  }

  /**
   * Totals from Cassandra's by-page table; if the by-user table disagrees (a half-written event), a
   * marker entry makes any comparison with the ground truth fail.
   */
  static Map<String, PageTotals> cassandraTotals(CqlSession cql, String keyspace) {
    Map<String, PageTotals> byPage = scan(cql, keyspace + ".visits_by_page_day");
    Map<String, PageTotals> byUser = scan(cql, keyspace + ".visits_by_user_day");
    if (!byPage.equals(byUser)) {
      Map<String, PageTotals> marked = new TreeMap<>(byPage);
      marked.put("!by-user table differs", new PageTotals("!", byUser.size(), 0));
      return marked;
    }
    return byPage;
  }

  private static Map<String, PageTotals> scan(CqlSession cql, String table) {
    Map<String, long[]> sums = new TreeMap<>();
    for (Row row : cql.execute("SELECT page, duration_ms FROM " + table)) {
      add(sums, row.getString(0), row.getLong(1));
    }
    return totals(sums);
  }

  /** Per-page visits and durations summed over Neo4j's VISITED relationships. */
  static Map<String, PageTotals> neo4jTotals(Driver driver) {
    Map<String, PageTotals> pages = new TreeMap<>();
    for (Record r :
        driver
            .executableQuery(
                "MATCH (:User)-[v:VISITED]->(p:Page) RETURN p.name AS page,"
                    + " sum(v.count) AS visits, sum(v.totalDurationMs) AS durationMs")
            .execute()
            .records()) {
      String page = r.get("page").asString();
      pages.put(page, new PageTotals(page, r.get("visits").asLong(), r.get("durationMs").asLong()));
    }
    return pages;
  }

  private static void add(Map<String, long[]> sums, String page, long durationMs) {
    long[] sum = sums.computeIfAbsent(page, p -> new long[2]);
    sum[0]++;
    sum[1] += durationMs;
  }

  private static Map<String, PageTotals> totals(Map<String, long[]> sums) {
    Map<String, PageTotals> totals = new TreeMap<>();
    sums.forEach((page, sum) -> totals.put(page, new PageTotals(page, sum[0], sum[1])));
    return totals;
  }
}
