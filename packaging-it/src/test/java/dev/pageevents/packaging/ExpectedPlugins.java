package dev.pageevents.packaging;

import java.util.List;

/**
 * Every plugin archive the build must produce. A new connector module adds its line here, so an
 * archive cannot be left out of the checks below.
 */
final class ExpectedPlugins {
  /** One plugin: its module (archive) name, its connector class and its kind. */
  record Plugin(String artifactId, String connectorClass, String type) {
    String serviceFile() {
      return "META-INF/services/org.apache.kafka.connect."
          + (type.equals("source") ? "source.SourceConnector" : "sink.SinkConnector");
    }
  }

  static final List<Plugin> ALL =
      List.of(
          new Plugin(
              "page-event-source-connector",
              "dev.pageevents.source.PageEventSourceConnector",
              "source"),
          new Plugin("cassandra-sink", "dev.pageevents.cassandra.CassandraSinkConnector", "sink"),
          new Plugin("mongo-sink", "dev.pageevents.mongo.MongoSinkConnector", "sink"),
          new Plugin(
              "elasticsearch-sink",
              "dev.pageevents.elasticsearch.ElasticsearchSinkConnector",
              "sink"),
          new Plugin("redis-cache-sink", "dev.pageevents.redis.RedisSinkConnector", "sink"),
          new Plugin("neo4j-graph-sink", "dev.pageevents.neo4j.Neo4jSinkConnector", "sink"));

  static final String VERSION = System.getProperty("project.version");

  private ExpectedPlugins() {}
}
