package dev.pageevents.mongo;

import static dev.pageevents.core.testing.DeadLetters.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.testing.CommittedOffsets;
import dev.pageevents.core.testing.DeadLetters;
import dev.pageevents.core.testing.DocumentSinkContract;
import dev.pageevents.core.testing.PageEventTopic;
import dev.pageevents.core.testing.SinkItConfig;
import dev.pageevents.stack.KafkaConnectStack;
import dev.pageevents.stack.MongoServer;
import dev.pageevents.stack.SharedServers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.test.TestUtils;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MongoDB sink in a real Connect cluster of two workers against the MongoDB the stack provides:
 * the shared {@link DocumentSinkContract}, and what only MongoDB has (its indexes and shard key,
 * operator injection, time-series collections).
 */
class MongoSinkIT extends DocumentSinkContract {
  private static final String DATABASE = "it";
  private static final List<String> PAGES =
      List.of("/home", "/products/123", "/products/7", "/cart", "/checkout");
  private static final long START = Instant.parse("2026-11-20T08:00:00Z").toEpochMilli();
  private static final long TIMEOUT_MS = 120_000;

  private static MongoServer mongo;
  private static KafkaConnectStack stack;
  private static EmbeddedConnectCluster connect;
  private static MongoClient client;

  @BeforeAll
  static void startStack() {
    mongo = SharedServers.mongo();
    stack = KafkaConnectStack.builder().workers(2).build().start();
    assumeTrue(stack.cluster() != null, "needs the embedded Connect cluster (fault controls)");
    connect = stack.cluster();
    client = MongoClients.create(mongo.endpoint());
    System.out.println(
        "MongoDB answering MongoSinkIT: "
            + mongo.describe()
            + " at "
            + mongo.endpoint()
            + ", buildInfo: "
            + new MongoView(client, DATABASE, "none").serverDescription());
  }

  @AfterAll
  static void stopStack() {
    if (client != null) {
      client.close();
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
    return storeSettings(storeKey());
  }

  @Override
  protected void loseDocuments(List<PageEvent> events) {
    collection(storeKey())
        .deleteMany(Filters.in("_id", events.stream().map(PageEvent::eventId).toList()));
  }

  private static Map<String, String> storeSettings(String collection) {
    Map<String, String> props = new HashMap<>();
    props.put("connector.class", MongoSinkConnector.class.getName());
    props.put("connection.uri", mongo.endpoint());
    props.put("database", DATABASE);
    props.put("collection", collection);
    props.put("write.concern", "1");
    props.put("server.selection.timeout.ms", "2000");
    return props;
  }

  @Override
  protected void stopStore() {
    assumeTrue(mongo.kind() == MongoServer.Kind.STAND_IN, "stop/start needs the local stand-in");
    mongo.stop();
  }

  /**
   * Starts the stand-in again and replaces this test's own client: its pooled connections went to
   * the stopped server, and the next non-retryable write on one (a multi-document delete) would
   * fail with "Prematurely reached end of stream" instead of reaching the new server.
   */
  @Override
  protected void startStore() {
    mongo.start();
    client.close();
    client = MongoClients.create(mongo.endpoint());
  }

  private static PageEventTopic topic(String name, int partitions) {
    connect.kafka().createTopic(name, partitions);
    return new PageEventTopic(stack.bootstrapServers(), name);
  }

  private static Map<String, String> sinkConfig(String topic, String collection) {
    Map<String, String> props = SinkItConfig.stringsWithDeadLetterQueue(topic, topic + "-dlq");
    props.putAll(storeSettings(collection));
    props.put("retry.backoff.max.ms", "1000");
    return props;
  }

  private static void awaitCount(MongoView view, long expected) throws InterruptedException {
    TestUtils.waitForCondition(
        () -> view.count() == expected,
        TIMEOUT_MS,
        () -> "expected " + expected + " documents, found " + safeCount(view));
  }

  private static String safeCount(MongoView view) {
    try {
      return Long.toString(view.count());
    } catch (RuntimeException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  @Test
  void shouldCreateThePageAndUserTimeIndexesAndExplainWhereADocumentLives() throws Exception {
    String name = "mongo-layout";
    PageEventTopic topic = topic(name, 3);
    List<PageEvent> events = topic.events(0, 300, PAGES, START);
    topic.produceEvents(events);
    connect.configureConnector(name, sinkConfig(name, name));
    MongoView view = new MongoView(client, DATABASE, name);

    awaitCount(view, events.size());
    List<String> indexes = new ArrayList<>();
    collection(name).listIndexes().forEach(i -> indexes.add(i.getString("name")));
    assertThat(indexes).contains(MongoSchema.PAGE_TS_INDEX, MongoSchema.USER_TS_INDEX);
    MongoView.Location where = view.whereIs(name + "-10");
    System.out.println("Where " + name + "-10 lives: " + where.explanation());
    assertThat(where.shardKey()).containsEntry("page", events.get(10).page());
    connect.deleteConnector(name);
  }

  @Test
  void shouldSendEveryPoisonRecordToTheDlqWithErrorHeadersWriteTheRestAndKeepRunning()
      throws Exception {
    String name = "mongo-poison";
    PageEventTopic topic = topic(name, 1);
    List<String> poison =
        List.of(
            "{not json",
            "{\"eventId\":\"p-missing\",\"page\":\"/a\",\"user\":\"u\"}",
            "{\"eventId\":\"p-type\",\"page\":\"/a\",\"user\":\"u\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"durationMs\":\"long\"}",
            "{\"eventId\":{\"$ne\":null},\"page\":\"/a\",\"user\":\"u\",\"timestamp\":1700000000000,\"durationMs\":1}",
            "{\"eventId\":\"p-op\",\"page\":{\"$gt\":\"\"},\"user\":\"u\",\"timestamp\":1700000000000,\"durationMs\":1}",
            "{\"eventId\":\"p-dot\",\"page\":\"/a\",\"user\":{\"a.b\":1},\"timestamp\":1700000000000,\"durationMs\":1}");
    String extraKeys =
        "{\"eventId\":\"extra-keys\",\"page\":\"/x\",\"user\":\"u\",\"timestamp\":1700000000000,"
            + "\"durationMs\":5,\"$where\":\"sleep(1000)\",\"a.b\":1,\"$set\":{\"page\":\"owned\"}}";
    topic.produceEvents(topic.events(0, 100, PAGES, START));
    topic.produceRaw(poison);
    topic.produceEvents(topic.events(100, 200, PAGES, START));
    topic.produceRaw(List.of(extraKeys));
    connect.configureConnector(name, sinkConfig(name, name));
    MongoView view = new MongoView(client, DATABASE, name);

    awaitCount(view, 201);
    ConsumerRecords<byte[], byte[]> dlq =
        connect.kafka().consume(poison.size(), TIMEOUT_MS, name + "-dlq");
    assertThat(dlq.count()).isEqualTo(poison.size());
    List<String> values = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : dlq) {
      values.add(DeadLetters.value(record));
      assertThat(header(record, "__connect.errors.topic")).isEqualTo(name);
      assertThat(header(record, "__connect.errors.exception.message")).contains("Bad page event");
    }
    assertThat(values).containsExactlyInAnyOrderElementsOf(poison);
    assertThat(collection(name).find(Filters.eq("_id", "extra-keys")).first().keySet())
        .containsExactly("_id", "page", "user", "ts", "durationMs");
    assertThat(view.totalsByPage()).isEqualTo(topic.groundTruth());
    connect
        .assertions()
        .assertConnectorAndExactlyNumTasksAreRunning(name, 2, "the sink must keep running");
    connect.deleteConnector(name);
  }

  @Test
  void shouldWriteATimeSeriesCollectionWithoutDuplicatesOnReplayAndDeleteByTombstone()
      throws Exception {
    assumeTrue(
        mongo.kind() != MongoServer.Kind.STAND_IN,
        "time-series collections need a real mongod (6.0+; set MONGO_URI or run Docker): the"
            + " stand-in mongo-java-server accepts the timeseries option of create but ignores it");
    String name = "mongo-timeseries";
    PageEventTopic topic = topic(name, 3);
    List<PageEvent> events = topic.events(0, 600, PAGES, START);
    List<String> deleted = List.of(events.get(1).eventId(), events.get(100).eventId());
    topic.produceEventsKeyedById(events);
    topic.produceTombstones(deleted);
    long records = events.size() + deleted.size();
    Map<String, String> props = sinkConfig(name, name);
    props.put("delete.on.null.values", "true");
    props.put("timeseries.timefield", "at");
    props.put("timeseries.metafield", "page");
    props.put("timeseries.granularity", "minutes");
    connect.configureConnector(name, props);
    MongoView view = new MongoView(client, DATABASE, name);

    awaitCommitted(name, records);
    Document info =
        client.getDatabase(DATABASE).listCollections().filter(Filters.eq("name", name)).first();
    assertThat(info.getString("type")).isEqualTo("timeseries");
    assertThat(view.count()).isEqualTo(events.size() - deleted.size());

    connect.stopConnector(name);
    connect.resetConnectorOffsets(name);
    TestUtils.waitForCondition(
        () -> CommittedOffsets.sum(connect, name) <= 0, TIMEOUT_MS, "offsets were not reset");
    connect.resumeConnector(name);
    awaitCommitted(name, records);
    assertThat(view.count()).isEqualTo(events.size() - deleted.size());
    assertThat(collection(name).countDocuments(Filters.in("_id", deleted))).isZero();
    connect.deleteConnector(name);
  }

  private static void awaitCommitted(String name, long records) throws InterruptedException {
    TestUtils.waitForCondition(
        () -> CommittedOffsets.sum(connect, name) == records,
        TIMEOUT_MS,
        () -> "the sink did not commit all " + records + " records");
  }

  private static MongoCollection<Document> collection(String name) {
    return client.getDatabase(DATABASE).getCollection(name);
  }
}
