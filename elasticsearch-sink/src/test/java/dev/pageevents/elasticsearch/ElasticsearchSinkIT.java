package dev.pageevents.elasticsearch;

import static dev.pageevents.core.testing.DeadLetters.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.event.PageEventJson;
import dev.pageevents.core.testing.DeadLetters;
import dev.pageevents.core.testing.DocumentSinkContract;
import dev.pageevents.core.testing.PageEventTopic;
import dev.pageevents.core.testing.SinkItConfig;
import dev.pageevents.core.testing.SinkTaskMetricsProbe;
import dev.pageevents.stack.KafkaConnectStack;
import dev.pageevents.stack.SharedServers;
import dev.pageevents.stack.StoreServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.test.TestUtils;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Elasticsearch sink in a real Connect cluster of two workers against a real Elasticsearch
 * 8.19.9 node: the shared {@link DocumentSinkContract}, and what only Elasticsearch has (full-text
 * search, daily indices and shards, documents the index mapping rejects, deletes from a per-topic
 * index).
 */
class ElasticsearchSinkIT extends DocumentSinkContract {
  private static final List<String> PAGES =
      List.of("/products/123", "/home", "/products/7", "/cart", "/blog/kafka-connect-sinks");
  private static final long START = Instant.parse("2026-11-19T20:00:00Z").toEpochMilli();
  private static final long TIMEOUT_MS = 120_000;

  private static StoreServer elasticsearch;
  private static KafkaConnectStack stack;
  private static EmbeddedConnectCluster connect;
  private static ElasticsearchTransport transport;
  private static ElasticsearchClient client;
  private String indexSuffix = "{yyyy.MM.dd}";

  @BeforeAll
  static void startStack() {
    elasticsearch = SharedServers.elasticsearch();
    stack = KafkaConnectStack.builder().workers(2).build().start();
    assumeTrue(stack.cluster() != null, "needs the embedded Connect cluster");
    connect = stack.cluster();
    transport =
        new RestClientTransport(
            RestClient.builder(HttpHost.create(elasticsearch.endpoint())).build(),
            new JacksonJsonpMapper());
    client = new ElasticsearchClient(transport);
  }

  @AfterAll
  static void stopStack() throws Exception {
    if (transport != null) {
      transport.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Override
  protected EmbeddedConnectCluster connect() {
    return connect;
  }

  @Override
  protected Map<String, String> storeConfig() {
    return storeSettings(indexPattern());
  }

  @Override
  protected void stopStore() {
    assumeTrue(!elasticsearch.external(), "restarting needs the embedded node");
    elasticsearch.stop();
  }

  @Override
  protected void startStore() {
    elasticsearch.start();
  }

  @Override
  protected void loseDocuments(List<PageEvent> events) throws Exception {
    IndexPattern pattern = new IndexPattern(indexPattern());
    for (PageEvent lost : events) {
      client.delete(
          d -> d.index(pattern.indexFor(topic().name(), lost.timestampMs())).id(lost.eventId()));
    }
  }

  @Test
  void shouldDeleteTheDocumentOfEachKeyedTombstoneFromTheTopicsIndexWithoutALookup()
      throws Exception {
    indexSuffix = "{topic}";
    deleteByTombstonesAndReplay();
  }

  /** This scenario's indices: one per day, or one per topic. */
  private String indexPattern() {
    return storeKey() + "-" + indexSuffix;
  }

  private static Map<String, String> storeSettings(String indexPattern) {
    Map<String, String> props = new HashMap<>();
    props.put("connector.class", ElasticsearchSinkConnector.class.getName());
    props.put("connection.urls", elasticsearch.endpoint());
    props.put("index.pattern", indexPattern);
    props.put("index.template.name", indexPattern.substring(0, indexPattern.indexOf('-')));
    props.put("index.number.of.shards", "3");
    props.put("index.number.of.replicas", "0");
    props.put("bulk.max.actions", "200");
    props.put("max.in.flight.requests", "2");
    props.put("read.timeout.ms", "5000");
    return props;
  }

  private static PageEventTopic topic(String name, int partitions) {
    connect.kafka().createTopic(name, partitions);
    return new PageEventTopic(stack.bootstrapServers(), name);
  }

  private static Map<String, String> sinkConfig(String topic) {
    Map<String, String> props = SinkItConfig.stringsWithDeadLetterQueue(topic, topic + "-dlq");
    props.putAll(storeSettings(topic + "-{yyyy.MM.dd}"));
    props.put("index.template.name", topic);
    props.put("batch.size", "1000");
    props.put("retry.backoff.max.ms", "1000");
    return props;
  }

  private static ElasticsearchView view(String topic) {
    return new ElasticsearchView(client, topic + "-*");
  }

  private static void awaitCount(ElasticsearchView view, long expected)
      throws InterruptedException {
    TestUtils.waitForCondition(
        () -> view.count() == expected, TIMEOUT_MS, "expected " + expected + " documents");
  }

  @Test
  void shouldIndexOneSearchableDocumentPerEventInDailyIndicesAndShards() throws Exception {
    String name = "es-search";
    PageEventTopic topic = topic(name, 3);
    List<PageEvent> events = topic.events(0, 3000, PAGES, START);
    topic.produceEvents(events);
    connect.configureConnector(name, sinkConfig(name));
    ElasticsearchView view = view(name);

    awaitCount(view, events.size());
    assertThat(view.totalsByPage()).isEqualTo(topic.groundTruth());
    Set<String> expectedProducts =
        events.stream()
            .filter(e -> e.page().startsWith("/products/"))
            .map(PageEvent::eventId)
            .collect(Collectors.toSet());
    assertThat(view.searchPages("products", 10_000))
        .extracting(ElasticsearchView.Match::eventId)
        .containsExactlyInAnyOrderElementsOf(expectedProducts);
    assertThat(view.searchPages("kafka", 10_000))
        .hasSize((int) events.stream().filter(e -> e.page().contains("kafka")).count());
    assertThat(client.indices().get(g -> g.index(name + "-*")).result().keySet())
        .containsExactlyInAnyOrder(
            name + "-2026.11.19", name + "-2026.11.20", name + "-2026.11.21");
    IndexPattern pattern = new IndexPattern(name + "-{yyyy.MM.dd}");
    PageEvent sample = events.get(10);
    ElasticsearchView.Location where = view.whereIs(sample.eventId());
    System.out.println("Where " + sample.eventId() + " lives: " + where);
    assertThat(where.index()).isEqualTo(pattern.indexFor(name, sample.timestampMs()));
    assertThat(where.shard()).matches("\\[" + where.index() + "\\]\\[[0-2]\\]");

    connect.deleteConnector(name);
  }

  @Test
  void shouldSendPoisonRecordsAndDocumentsTheIndexRejectsToTheDlqAndIndexTheRest()
      throws Exception {
    String name = "es-poison";
    PageEventTopic topic = topic(name, 1);
    // An index whose mapping cannot take a user name: Elasticsearch rejects that one document.
    long rejectedDay = Instant.parse("2001-01-01T12:00:00Z").toEpochMilli();
    client
        .indices()
        .create(
            c ->
                c.index(name + "-2001.01.01")
                    .mappings(m -> m.properties("user", p -> p.long_(l -> l))));
    String rejected =
        PageEventJson.toJson(new PageEvent("rejected-by-es", "/a", "user-x", rejectedDay, 1));
    List<String> poison =
        List.of(
            "{not json",
            "{\"eventId\":\"p-missing\",\"page\":\"/a\",\"user\":\"u\"}",
            "{\"eventId\":\"p-type\",\"page\":\"/a\",\"user\":\"u\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"durationMs\":\"long\"}",
            "{\"eventId\":{\"$ne\":null},\"page\":\"/a\",\"user\":\"u\",\"timestamp\":1700000000000,\"durationMs\":1}",
            "{\"eventId\":\"p-op\",\"page\":{\"$gt\":\"\"},\"user\":\"u\",\"timestamp\":1700000000000,\"durationMs\":1}");
    topic.produceEvents(topic.events(0, 100, PAGES, START));
    topic.produceRaw(poison);
    topic.produceRaw(List.of(rejected));
    topic.produceEvents(topic.events(100, 200, PAGES, START));
    connect.configureConnector(name, sinkConfig(name));
    ElasticsearchView view = view(name);

    awaitCount(view, 200);
    ConsumerRecords<byte[], byte[]> dlq =
        connect.kafka().consume(poison.size() + 1, TIMEOUT_MS, name + "-dlq");
    assertThat(dlq.count()).isEqualTo(poison.size() + 1);
    Map<String, String> messages = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : dlq) {
      assertThat(header(record, "__connect.errors.topic")).isEqualTo(name);
      messages.put(DeadLetters.value(record), header(record, "__connect.errors.exception.message"));
    }
    assertThat(messages.keySet()).containsExactlyInAnyOrderElementsOf(concat(poison, rejected));
    poison.forEach(p -> assertThat(messages.get(p)).contains("Bad page event"));
    assertThat(messages.get(rejected)).contains("Elasticsearch rejected the document");
    assertThat(SinkTaskMetricsProbe.sum(name, "RecordsSentToDlq")).isEqualTo(poison.size() + 1);
    connect
        .assertions()
        .assertConnectorAndExactlyNumTasksAreRunning(name, 2, "the sink must keep running");
    connect.deleteConnector(name);
  }

  private static List<String> concat(List<String> list, String one) {
    List<String> all = new ArrayList<>(list);
    all.add(one);
    return all;
  }
}
