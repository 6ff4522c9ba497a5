package dev.pageevents.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.DeleteManyModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.TimeSeriesGranularity;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.sink.ErrorKind;
import dev.pageevents.core.sink.PageEventRecord;
import dev.pageevents.core.sink.RejectedRecordsException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.apache.kafka.connect.sink.SinkRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The writer against the in-process MongoDB stand-in (a wire-protocol server, not a mock). */
class MongoWriterTest {
  private MongoServer server;
  private MongoClient client;
  private MongoWriter writer;
  private String uri;

  @BeforeEach
  void start() {
    server = new MongoServer(new MemoryBackend());
    uri = "mongodb://" + toUri(server.bind());
    client = MongoClients.create(uri);
    writer = new MongoWriter(MongoClients.create(uri), "db", null);
  }

  private static String toUri(java.net.InetSocketAddress address) {
    return address.getHostString() + ":" + address.getPort();
  }

  @AfterEach
  void stop() {
    writer.close();
    client.close();
    server.shutdownNow();
  }

  private static List<PageEventRecord> batch(String topic, int from, int to) {
    List<PageEventRecord> batch = new ArrayList<>();
    for (int i = from; i < to; i++) {
      PageEvent event = new PageEvent("e" + i, "/p" + (i % 3), "u" + i, 1_700_000_000_000L + i, i);
      batch.add(new PageEventRecord(new SinkRecord(topic, 0, null, null, null, null, i), event));
    }
    return batch;
  }

  @Test
  void shouldWriteOneDocumentPerEventWithBsonDateAndNoDuplicatesOnRedelivery() throws Exception {
    writer.write(batch("events", 0, 10));
    writer.write(batch("events", 5, 15));

    var collection = client.getDatabase("db").getCollection("events");
    assertThat(collection.countDocuments()).isEqualTo(15);
    Document e7 = collection.find(new Document("_id", "e7")).first();
    assertThat(e7)
        .containsEntry("page", "/p1")
        .containsEntry("user", "u7")
        .containsEntry("ts", new Date(1_700_000_000_007L))
        .containsEntry("durationMs", 7L);
  }

  @Test
  void shouldDeleteTheDocumentsOfTombstonesInTheSameBulkAsUpserts() throws Exception {
    writer.write(batch("events", 0, 5));
    SinkRecord tombstone = new SinkRecord("events", 0, null, "e1", null, null, 9);
    List<PageEventRecord> mixed = new ArrayList<>(batch("events", 5, 7));
    mixed.add(PageEventRecord.delete(tombstone, "e1"));
    mixed.add(PageEventRecord.delete(tombstone, "e3"));
    mixed.add(PageEventRecord.delete(tombstone, "never-written"));

    writer.write(mixed);

    var collection = client.getDatabase("db").getCollection("events");
    List<Object> ids = new ArrayList<>();
    collection.find().forEach(d -> ids.add(d.get("_id")));
    assertThat(ids).containsExactlyInAnyOrder("e0", "e2", "e4", "e5", "e6");
  }

  @Test
  void shouldStopWithAClearMessageWhenTheTimeSeriesCollectionIsARegularOne() {
    // The stand-in ignores the timeseries option of create; a real mongod finds this one regular.
    client.getDatabase("db").createCollection("events");
    TimeSeries mode = new TimeSeries("at", "page", TimeSeriesGranularity.SECONDS);
    try (MongoWriter timeSeries = new MongoWriter(MongoClients.create(uri), "db", null, mode)) {
      assertThatThrownBy(() -> timeSeries.write(batch("events", 0, 1)))
          .isInstanceOfSatisfying(
              IllegalStateException.class,
              e -> {
                assertThat(e).hasMessageContaining("db.events").hasMessageContaining("timeseries");
                assertThat(timeSeries.classify(e)).isEqualTo(ErrorKind.FATAL);
              });
    }
  }

  @Test
  void shouldPlanInsertsOnlyForEventsNotYetStoredAndDeleteEveryCopyInTimeSeriesMode() {
    TimeSeries mode = new TimeSeries("at", null, TimeSeriesGranularity.SECONDS);
    var collection = client.getDatabase("db").getCollection("measurements");
    batch("events", 0, 5).forEach(r -> collection.insertOne(MongoDocuments.of(r.event(), "at")));
    List<PageEventRecord> redelivered = new ArrayList<>(batch("events", 3, 8));
    SinkRecord tombstone = new SinkRecord("events", 0, null, "e1", null, null, 9);
    redelivered.add(PageEventRecord.delete(tombstone, "e1"));

    List<MongoWriter.Planned> planned =
        mode.models(collection, redelivered, List.of(0, 1, 2, 3, 4, 5));

    assertThat(planned).extracting(MongoWriter.Planned::item).containsExactly(2, 3, 4, 5);
    assertThat(planned.subList(0, 3))
        .allSatisfy(p -> assertThat(p.model()).isInstanceOf(InsertOneModel.class));
    assertThat(planned.get(3).model()).isInstanceOf(DeleteManyModel.class);
    collection.bulkWrite(planned.stream().map(MongoWriter.Planned::model).toList());
    List<Object> ids = new ArrayList<>();
    collection.find().forEach(d -> ids.add(d.get("_id")));
    assertThat(ids).containsExactlyInAnyOrder("e0", "e2", "e3", "e4", "e5", "e6", "e7");
  }

  @Test
  void shouldCreatePageAndUserIndexesOnFirstWrite() throws Exception {
    writer.write(batch("events", 0, 1));

    List<String> names = new ArrayList<>();
    client
        .getDatabase("db")
        .getCollection("events")
        .listIndexes()
        .forEach(i -> names.add(i.getString("name")));
    assertThat(names).contains(MongoSchema.PAGE_TS_INDEX, MongoSchema.USER_TS_INDEX);
  }

  @Test
  void shouldKeepOperatorLookingValuesAsPlainStrings() throws Exception {
    PageEvent event = new PageEvent("$gt", "{\"$ne\":null}", "a.b.$c", 1L, 0);
    writer.write(
        List.of(
            new PageEventRecord(new SinkRecord("events", 0, null, null, null, null, 0), event)));

    Document stored = client.getDatabase("db").getCollection("events").find().first();
    assertThat(stored)
        .containsEntry("_id", "$gt")
        .containsEntry("page", "{\"$ne\":null}")
        .containsEntry("user", "a.b.$c");
  }

  @Test
  void shouldNameExactlyTheDocumentsMongoRejectedAndWriteTheRest() {
    client
        .getDatabase("db")
        .getCollection("events")
        .createIndex(Indexes.ascending("page"), new IndexOptions().unique(true));
    List<PageEventRecord> batch = batch("events", 0, 5); // pages /p0 /p1 /p2 /p0 /p1

    assertThatThrownBy(() -> writer.write(batch))
        .isInstanceOfSatisfying(
            RejectedRecordsException.class,
            e -> assertThat(e.reasons().keySet()).containsExactly(3, 4));
    assertThat(client.getDatabase("db").getCollection("events").countDocuments()).isEqualTo(3);
  }

  @Test
  void shouldUseTheTopicAsCollectionUnlessOneIsConfigured() throws Exception {
    writer.write(batch("a", 0, 2));
    writer.write(batch("b", 2, 3));
    try (MongoWriter fixed = new MongoWriter(MongoClients.create(uri), "db", "fixed")) {
      fixed.write(batch("c", 3, 4));
    }

    var db = client.getDatabase("db");
    assertThat(db.getCollection("a").countDocuments()).isEqualTo(2);
    assertThat(db.getCollection("b").countDocuments()).isEqualTo(1);
    assertThat(db.getCollection("fixed").countDocuments()).isEqualTo(1);
  }

  @Test
  void shouldWriteWithTheDefaultMajorityWriteConcernFromTheConfig() throws Exception {
    MongoSinkConfig config = new MongoSinkConfig(java.util.Map.of("connection.uri", uri));
    try (MongoWriter configured =
        new MongoWriter(MongoWriter.createClient(config), config.database(), null)) {
      configured.write(batch("events", 0, 3));
    }

    assertThat(client.getDatabase("pageevents").getCollection("events").countDocuments())
        .isEqualTo(3);
  }

  @Test
  void shouldClassifyUnreachableServersAsTransient() {
    assertThat(writer.classify(new MongoTimeoutException("no server")))
        .isEqualTo(ErrorKind.TRANSIENT);
    assertThat(writer.classify(new MongoSocketOpenException("refused", new ServerAddress())))
        .isEqualTo(ErrorKind.TRANSIENT);
  }

  @Test
  void shouldClassifyAuthenticationFailureAsFatal() {
    assertThat(
            writer.classify(
                new com.mongodb.MongoSecurityException(
                    com.mongodb.MongoCredential.createCredential("u", "admin", new char[0]),
                    "auth failed")))
        .isEqualTo(ErrorKind.FATAL);
  }
}
