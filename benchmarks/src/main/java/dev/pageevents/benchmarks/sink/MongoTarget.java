package dev.pageevents.benchmarks.sink;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.pageevents.core.event.PageEvent;
import dev.pageevents.stack.process.Ports;
import dev.pageevents.stack.process.Workspace;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * MongoDB: the mongo-java-server stand-in (no real mongod runs here) serving TCP from this JVM,
 * with its in-memory backend (so the server is not the limit) or its H2 file backend; the native
 * baseline is unordered {@code bulkWrite} of 1,000 ReplaceOne upserts by {@code _id}.
 */
public final class MongoTarget implements SinkTarget {
  static final String DATABASE = "bench";
  static final String COLLECTION = "page_events";
  private static final int BULK = 1000;

  private final boolean memory;
  private final int port = Ports.free();
  private MongoServer server;
  private MongoClient client;
  private boolean indexed;

  public MongoTarget(boolean memory) {
    this.memory = memory;
  }

  @Override
  public String name() {
    return memory ? "mongo" : "mongo-h2";
  }

  @Override
  public String archive() {
    return "mongo-sink";
  }

  @Override
  public String sampleConfig() {
    return "mongo-sink.json";
  }

  String uri() {
    return "mongodb://127.0.0.1:" + port;
  }

  @Override
  public void start() {
    MongoBackend backend =
        memory
            ? new MemoryBackend()
            : new H2Backend(
                Workspace.serverDir("bench-mongo-h2")
                    .resolve("mongo.mv")
                    .toAbsolutePath()
                    .toString());
    server = new MongoServer(backend);
    server.bind("127.0.0.1", port);
    client = MongoClients.create(uri());
  }

  @Override
  public InetSocketAddress address() {
    return new InetSocketAddress("127.0.0.1", port);
  }

  @Override
  public Map<String, String> connection(InetSocketAddress address) {
    return Map.of(
        "mongodb.uri",
        "mongodb://" + SinkTarget.hostPort(address),
        "mongodb.database",
        DATABASE,
        "mongodb.collection",
        COLLECTION,
        "write.concern",
        "1");
  }

  @Override
  public void reset() {
    collection().drop();
    indexed = false;
  }

  MongoCollection<Document> collection() {
    return client.getDatabase(DATABASE).getCollection(COLLECTION);
  }

  /** The secondary indexes our sink creates, for baselines that must do the same work. */
  void createIndexes() {
    collection()
        .createIndexes(
            List.of(
                new IndexModel(
                    Indexes.compoundIndex(Indexes.ascending("page"), Indexes.descending("ts")),
                    new IndexOptions().name("page_1_ts_-1")),
                new IndexModel(
                    Indexes.compoundIndex(Indexes.ascending("user"), Indexes.descending("ts")),
                    new IndexOptions().name("user_1_ts_-1"))));
  }

  @Override
  public void writeNative(List<PageEvent> events) {
    MongoCollection<Document> collection = collection();
    if (!indexed) { // once per emptied collection, not per batch of a consumer loop
      createIndexes();
      indexed = true;
    }
    ReplaceOptions upsert = new ReplaceOptions().upsert(true);
    BulkWriteOptions unordered = new BulkWriteOptions().ordered(false);
    for (int from = 0; from < events.size(); from += BULK) {
      List<WriteModel<Document>> models = new ArrayList<>(BULK);
      for (PageEvent event : events.subList(from, Math.min(events.size(), from + BULK))) {
        Document document =
            new Document("_id", event.eventId())
                .append("page", event.page())
                .append("user", event.user())
                .append("ts", new Date(event.timestampMs()))
                .append("durationMs", event.durationMs());
        models.add(new ReplaceOneModel<>(Filters.eq("_id", event.eventId()), document, upsert));
      }
      collection.bulkWrite(models, unordered);
    }
  }

  @Override
  public String nativeMethod() {
    return "mongodb-driver-sync bulkWrite, unordered, 1,000 ReplaceOne upserts by _id";
  }

  @Override
  public long written() {
    return collection().countDocuments();
  }

  @Override
  public String server() {
    return "mongo-java-server 1.47.0 "
        + (memory ? "MemoryBackend" : "H2 file backend")
        + " (stand-in, not a real mongod)";
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.shutdownNow();
    }
  }
}
