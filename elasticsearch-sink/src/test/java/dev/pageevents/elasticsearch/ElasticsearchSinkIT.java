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
import dev.pageevents.core.testing.CommittedOffsets;
import dev.pageevents.core.testing.DeadLetters;
import dev.pageevents.core.testing.PageEventTopic;
import dev.pageevents.core.testing.SinkItConfig;
import dev.pageevents.core.testing.SinkTaskMetricsProbe;
import dev.pageevents.stack.KafkaConnectStack;
import dev.pageevents.stack.SharedServers;
import dev.pageevents.stack.StoreServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Elasticsearch sink in a real Connect runtime against a real Elasticsearch 8.19.9 node; the
 * test that restarts the node runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ElasticsearchSinkIT {
  private static final List<String> PAGES =
      List.of("/products/123", "/home", "/products/7", "/cart", "/blog/kafka-connect-sinks");
  private static final long START = Instant.parse("2026-11-19T20:00:00Z").toEpochMilli();
  private static final long TIMEOUT_MS = 120_000;

  private static StoreServer elasticsearch;
  private static KafkaConnectStack stack;
  private static EmbeddedConnectCluster connect;
  private static ElasticsearchTransport transport;
  private static ElasticsearchClient client;

  @BeforeAll
  static void startStack() {
    elasticsearch = SharedServers.elasticsearch();
    stack = KafkaConnectStack.builder().build().start();
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

  private static PageEventTopic topic(String name, int partitions) {
    connect.kafka().createTopic(name, partitions);
    return new PageEventTopic(stack.bootstrapServers(), name);
  }

  private static Map<String, String> sinkConfig(String topic) {
    Map<String, String> props = SinkItConfig.stringsWithDeadLetterQueue(topic, topic + "-dlq");
    props.put("connector.class", ElasticsearchSinkConnector.class.getName());
    props.put("connection.urls", elasticsearch.endpoint());
    props.put("index.pattern", topic + "-{yyyy.MM.dd}");
    props.put("index.template.name", topic);
    props.put("index.number.of.shards", "3");
    props.put("index.number.of.replicas", "0");
    props.put("batch.size", "1000");
    props.put("bulk.max.actions", "200");
    props.put("max.in.flight.requests", "2");
    props.put("read.timeout.ms", "5000");
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
  @Order(1)
  void shouldIndexOneSearchableDocumentPerEventAggregatingLikeTheTopicAndStillNAfterAFullReplay()
      throws Exception {
    String name = "es-replay";
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

    // Lose some documents, then replay the whole topic from offset 0.
    for (int i = 1; i <= 3; i++) {
      PageEvent lost = events.get(i);
      client.delete(d -> d.index(pattern.indexFor(name, lost.timestampMs())).id(lost.eventId()));
    }
    awaitCount(view, events.size() - 3);
    connect.stopConnector(name);
    connect.resetConnectorOffsets(name);
    connect.resumeConnector(name);

    TestUtils.waitForCondition(
        () -> SinkTaskMetricsProbe.sum(name, "RecordsWritten") >= events.size(),
        TIMEOUT_MS,
        "the replay did not rewrite every event");
    assertThat(view.count()).isEqualTo(events.size());
    assertThat(view.totalsByPage()).isEqualTo(topic.groundTruth());
    connect.deleteConnector(name);
  }

  @Test
  @Order(2)
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

  @Test
  @Order(3)
  void shouldDeleteTheDocumentOfEachKeyedTombstoneAcrossDailyIndicesAndStayExactAfterAReplay()
      throws Exception {
    deleteByTombstonesAndReplay("es-tombstones", "es-tombstones-{yyyy.MM.dd}", 3000);
  }

  @Test
  @Order(4)
  void shouldDeleteTheDocumentOfEachKeyedTombstoneFromTheTopicsIndexWithoutALookup()
      throws Exception {
    deleteByTombstonesAndReplay("es-tomb-topic", "es-tomb-topic-{topic}", 600);
  }

  /**
   * N events keyed by id, then tombstones for every 7th id and one without a key: exactly the
   * survivors are indexed, the keyless tombstone is in the DLQ, and a full replay ends the same.
   */
  private static void deleteByTombstonesAndReplay(String name, String pattern, int count)
      throws Exception {
    PageEventTopic topic = topic(name, 3);
    List<PageEvent> events = topic.events(0, count, PAGES, START);
    List<String> deleted = new ArrayList<>();
    for (int i = 0; i < events.size(); i += 7) {
      deleted.add(events.get(i).eventId());
    }
    topic.produceEventsKeyedById(events);
    topic.produceTombstones(deleted);
    topic.produceTombstones(Collections.singletonList(null));
    long records = events.size() + deleted.size() + 1;
    Map<String, String> props = sinkConfig(name);
    props.put("index.pattern", pattern);
    props.put("delete.on.null.values", "true");
    connect.configureConnector(name, props);
    ElasticsearchView view = view(name);

    awaitCommitted(name, records);
    assertExactlyTheSurvivors(view, events, deleted);
    ConsumerRecords<byte[], byte[]> dlq = connect.kafka().consume(1, TIMEOUT_MS, name + "-dlq");
    assertThat(header(dlq.iterator().next(), "__connect.errors.exception.message"))
        .contains("tombstone")
        .contains("has no key");

    // Replay the whole topic: every upsert comes back and every tombstone deletes again.
    connect.stopConnector(name);
    connect.resetConnectorOffsets(name);
    TestUtils.waitForCondition(
        () -> CommittedOffsets.sum(connect, name) <= 0, TIMEOUT_MS, "offsets were not reset");
    connect.resumeConnector(name);
    awaitCommitted(name, records);
    assertExactlyTheSurvivors(view, events, deleted);
    connect.deleteConnector(name);
  }

  private static void awaitCommitted(String name, long records) throws InterruptedException {
    TestUtils.waitForCondition(
        () -> CommittedOffsets.sum(connect, name) == records,
        TIMEOUT_MS,
        () -> "the sink did not commit all " + records + " records");
  }

  private static void assertExactlyTheSurvivors(
      ElasticsearchView view, List<PageEvent> events, List<String> deleted) throws Exception {
    Set<String> gone = Set.copyOf(deleted);
    Set<String> survivors =
        events.stream()
            .map(PageEvent::eventId)
            .filter(id -> !gone.contains(id))
            .collect(Collectors.toSet());
    assertThat(view.count()).isEqualTo(survivors.size());
    assertThat(view.searchPages("products", 10_000))
        .extracting(ElasticsearchView.Match::eventId)
        .doesNotContainAnyElementsOf(gone);
  }

  @Test
  @Order(5)
  void shouldRecoverWhenElasticsearchRestartsMidStreamAndEndWithTheExactCount() throws Exception {
    assumeTrue(!elasticsearch.external(), "restarting needs the embedded node");
    String name = "es-restart";
    PageEventTopic topic = topic(name, 2);
    topic.produceEvents(topic.events(0, 1000, PAGES, START));
    connect.configureConnector(name, sinkConfig(name));
    ElasticsearchView view = view(name);
    TestUtils.waitForCondition(() -> view.count() > 0, TIMEOUT_MS, "nothing indexed");

    elasticsearch.stop();
    try {
      topic.produceEvents(topic.events(1000, 2000, PAGES, START));
      TestUtils.waitForCondition(
          () -> SinkTaskMetricsProbe.sum(name, "RecordsRetried") > 0,
          TIMEOUT_MS,
          "the sink never retried while Elasticsearch was down");
    } finally {
      elasticsearch.start();
    }

    awaitCount(view, 2000);
    assertThat(view.totalsByPage()).isEqualTo(topic.groundTruth());
    connect
        .assertions()
        .assertConnectorAndExactlyNumTasksAreRunning(name, 2, "the sink must recover");
    connect.deleteConnector(name);
  }

  private static List<String> concat(List<String> list, String one) {
    List<String> all = new ArrayList<>(list);
    all.add(one);
    return all;
  }
}
