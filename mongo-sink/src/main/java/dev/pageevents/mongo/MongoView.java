package dev.pageevents.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.pageevents.core.view.ClientStoreView;
import dev.pageevents.core.view.PageTotals;
import dev.pageevents.core.view.ViewSample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * The read side of the MongoDB sink: totals per page, a page's latest visits, and where a document
 * lives (shard key value and, on a sharded cluster, the shard that owns it). Never writes.
 */
public final class MongoView extends ClientStoreView {
  static final String STORE_NAME = "MongoDB";

  /** The shard key this module recommends for an events collection (see the README). */
  public static final Document SHARD_KEY =
      new Document(MongoDocuments.PAGE, 1).append(MongoDocuments.ID, "hashed");

  private final MongoClient client;
  private final MongoDatabase database;
  private final MongoCollection<Document> collection;

  /** A view over an open client, which the caller keeps and closes. */
  public MongoView(MongoClient client, String database, String collection) {
    this(client, false, database, collection);
  }

  private MongoView(MongoClient client, boolean ownsClient, String database, String collection) {
    super(STORE_NAME, client, ownsClient);
    this.client = client;
    this.database = client.getDatabase(database);
    this.collection = this.database.getCollection(collection);
  }

  /**
   * Where one document lives.
   *
   * @param eventId the document's {@code _id}
   * @param page its page, or null when no such document exists
   * @param shardKey the value of the shard key {@code {page: 1, _id: "hashed"}} for it
   * @param shard the shard that owns it, or null when the collection is not sharded
   * @param explanation one line a person can read
   */
  public record Location(
      String eventId, String page, Document shardKey, String shard, String explanation) {}

  /**
   * A view that connects with a connector config (the same keys as the sink) and owns the client;
   * it reads the configured collection.
   */
  public static MongoView open(Map<String, String> connectorConfig) {
    MongoSinkConfig config = new MongoSinkConfig(connectorConfig);
    return new MongoView(
        MongoWriter.createClient(config), true, config.database(), config.collection());
  }

  /** The three most visited pages, by an aggregation. */
  @Override
  public List<String> sampleQuery(ViewSample sample) {
    List<String> lines = new ArrayList<>();
    lines.add("  aggregation ($group by page, $sum visits and duration), top 3:");
    totalsByPage().values().stream()
        .sorted(Comparator.comparingLong(PageTotals::visits).reversed())
        .limit(3)
        .forEach(
            t ->
                lines.add(
                    String.format(
                        "    %-12s %,8d visits, %,14d ms",
                        t.page(), t.visits(), t.totalDurationMs())));
    return lines;
  }

  /** The shard key, and where the sample page's latest visit lives. */
  @Override
  public List<String> whereLives(ViewSample sample) {
    List<Document> latest = latestVisits(sample.page(), 1);
    if (latest.isEmpty()) {
      return List.of();
    }
    Location where = whereIs(String.valueOf(latest.get(0).get("_id")));
    return List.of(
        "  where it lives: shard key " + SHARD_KEY.toJson(), "    " + where.explanation());
  }

  @Override
  public Optional<String> answeredBy() {
    return Optional.of(serverDescription());
  }

  public long count() {
    return collection.countDocuments();
  }

  /** Visits and total duration per page, by page name. */
  public Map<String, PageTotals> totalsByPage() {
    Map<String, PageTotals> totals = new LinkedHashMap<>();
    collection
        .aggregate(
            List.of(
                Aggregates.group(
                    "$" + MongoDocuments.PAGE,
                    Accumulators.sum("visits", 1),
                    Accumulators.sum("durationMs", "$" + MongoDocuments.DURATION_MS)),
                Aggregates.sort(Sorts.ascending("_id"))))
        .forEach(
            group -> {
              String page = group.getString("_id");
              totals.put(
                  page,
                  new PageTotals(
                      page,
                      ((Number) group.get("visits")).longValue(),
                      ((Number) group.get("durationMs")).longValue()));
            });
    return totals;
  }

  /** The newest visits of one page, served by the {page: 1, ts: -1} index. */
  public List<Document> latestVisits(String page, int limit) {
    return collection
        .find(Filters.eq(MongoDocuments.PAGE, page))
        .sort(Sorts.descending(MongoDocuments.TIMESTAMP))
        .limit(limit)
        .into(new ArrayList<>());
  }

  /** Which server answers: "MongoDB 7.0.5" or the stand-in's own version string. */
  public String serverDescription() {
    Document info = database.runCommand(new Document("buildInfo", 1));
    return "MongoDB " + info.getString("version");
  }

  /** Where the event's document lives: its shard key value and, when sharded, its shard. */
  public Location whereIs(String eventId) {
    Document document = collection.find(Filters.eq(MongoDocuments.ID, eventId)).first();
    if (document == null) {
      return new Location(eventId, null, null, null, "no document with _id " + eventId);
    }
    String page = document.getString(MongoDocuments.PAGE);
    Document key = new Document(MongoDocuments.PAGE, page).append(MongoDocuments.ID, eventId);
    String shard = owningShard(key);
    String explanation =
        shard == null
            ? "collection is not sharded: the document lives on the single replica set; sharded"
                + " by {page: 1, _id: 'hashed'} it would sit in the chunk range of page '"
                + page
                + "' at hash(_id)"
            : "shard key {page: '" + page + "', _id: hash('" + eventId + "')} → shard " + shard;
    return new Location(eventId, page, key, shard, explanation);
  }

  /** The shard mongos routes an exact shard-key query to, or null when not behind mongos. */
  private String owningShard(Document key) {
    try {
      Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
      if (!"isdbgrid".equals(hello.getString("msg"))) {
        return null;
      }
      Document explain =
          database.runCommand(
              new Document(
                      "explain",
                      new Document("find", collection.getNamespace().getCollectionName())
                          .append("filter", key))
                  .append("verbosity", "queryPlanner"));
      Document plan =
          explain.get("queryPlanner", Document.class).get("winningPlan", Document.class);
      List<Document> shards = plan.getList("shards", Document.class);
      return shards == null || shards.isEmpty() ? null : shards.get(0).getString("shardName");
    } catch (MongoException | ClassCastException | NullPointerException e) {
      return null;
    }
  }
}
