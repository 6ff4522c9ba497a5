package dev.pageevents.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import dev.pageevents.core.sink.DocumentStoreWriter;
import dev.pageevents.core.sink.ErrorKind;
import dev.pageevents.core.sink.PageEventRecord;
import dev.pageevents.core.sink.RejectedRecordsException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Writes each batch as one unordered bulk of {@code ReplaceOne} upserts per collection, keyed by
 * {@code _id = eventId}: a redelivered or replayed event replaces its own document, never adds one.
 * A tombstone's delete is a {@code DeleteOne} by {@code _id} in the same bulk (the pipeline gives
 * at most one operation per id, so the unordered bulk cannot reorder them).
 */
final class MongoWriter implements DocumentStoreWriter {
  private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
  private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

  /** Server error codes worth a retry: timeouts, elections, shutdown, lost primaries. */
  private static final Set<Integer> TRANSIENT_CODES =
      Set.of(6, 7, 50, 89, 91, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436);

  /** Unauthorized, authentication failed, Atlas "not allowed". */
  private static final Set<Integer> FATAL_CODES = Set.of(13, 18, 8000);

  private static final int DUPLICATE_KEY = 11000;

  private final MongoClient client;
  private final MongoDatabase database;
  private final String fixedCollection;
  private final TimeSeries timeSeries;
  private final Set<String> indexed = new HashSet<>();

  /** A write model for the batch item at position {@code item}. */
  record Planned(int item, WriteModel<Document> model) {}

  MongoWriter(MongoClient client, String database, String fixedCollection) {
    this(client, database, fixedCollection, null);
  }

  /**
   * @param timeSeries the time-series mode, or null for a regular collection
   */
  MongoWriter(MongoClient client, String database, String fixedCollection, TimeSeries timeSeries) {
    this.client = client;
    this.database = client.getDatabase(database);
    this.fixedCollection = fixedCollection;
    this.timeSeries = timeSeries;
  }

  /** A client for the sink's settings: its connection string, timeout and write concern. */
  static MongoClient createClient(MongoSinkConfig config) {
    MongoClientSettings settings =
        MongoClientSettings.builder()
            .applyConnectionString(config.connectionString())
            .applyToClusterSettings(
                cluster ->
                    cluster.serverSelectionTimeout(
                        config.serverSelectionTimeoutMs(), TimeUnit.MILLISECONDS))
            .writeConcern(config.writeConcern())
            .applicationName("pageevents-mongo-sink")
            .build();
    return MongoClients.create(settings);
  }

  @Override
  public void write(List<PageEventRecord> batch) throws RejectedRecordsException {
    Map<String, List<Integer>> byCollection = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      byCollection.computeIfAbsent(collectionOf(batch.get(i)), c -> new ArrayList<>()).add(i);
    }
    Map<Integer, String> rejected = new HashMap<>();
    byCollection.forEach((name, indices) -> writeTo(collection(name), batch, indices, rejected));
    if (!rejected.isEmpty()) {
      throw new RejectedRecordsException(rejected);
    }
  }

  private void writeTo(
      MongoCollection<Document> collection,
      List<PageEventRecord> batch,
      List<Integer> indices,
      Map<Integer, String> rejected) {
    List<Planned> planned =
        timeSeries != null
            ? timeSeries.models(collection, batch, indices)
            : upsertsAndDeletes(batch, indices);
    if (planned.isEmpty()) {
      return;
    }
    List<WriteModel<Document>> models = planned.stream().map(Planned::model).toList();
    try {
      collection.bulkWrite(models, UNORDERED);
    } catch (MongoBulkWriteException e) {
      if (e.getWriteConcernError() != null || e.getWriteErrors().stream().anyMatch(this::retry)) {
        throw e;
      }
      for (BulkWriteError error : e.getWriteErrors()) {
        rejected.put(
            planned.get(error.getIndex()).item(),
            "MongoDB rejected the document (code " + error.getCode() + "): " + error.getMessage());
      }
    }
  }

  private static List<Planned> upsertsAndDeletes(List<PageEventRecord> batch, List<Integer> items) {
    List<Planned> planned = new ArrayList<>(items.size());
    for (int item : items) {
      PageEventRecord record = batch.get(item);
      Bson byId = Filters.eq(MongoDocuments.ID, record.id());
      planned.add(
          new Planned(
              item,
              record.isDelete()
                  ? new DeleteOneModel<>(byId)
                  : new ReplaceOneModel<>(byId, MongoDocuments.of(record.event()), UPSERT)));
    }
    return planned;
  }

  private String collectionOf(PageEventRecord record) {
    return fixedCollection != null ? fixedCollection : record.record().topic();
  }

  private MongoCollection<Document> collection(String name) {
    MongoCollection<Document> collection = database.getCollection(name);
    if (indexed.add(name)) {
      try {
        if (timeSeries != null) {
          timeSeries.ensureCollection(database, name);
          MongoSchema.ensureIndexes(collection, timeSeries.timeField());
        } else {
          MongoSchema.ensureIndexes(collection);
        }
      } catch (RuntimeException e) {
        indexed.remove(name);
        throw e;
      }
    }
    return collection;
  }

  @Override
  public ErrorKind classify(Throwable error) {
    if (error instanceof MongoBulkWriteException bulk) {
      return bulk.getWriteConcernError() != null
              || bulk.getWriteErrors().stream().anyMatch(this::retry)
          ? ErrorKind.TRANSIENT
          : ErrorKind.DATA;
    }
    if (error instanceof MongoSecurityException
        || error instanceof MongoCommandException command
            && FATAL_CODES.contains(command.getErrorCode())) {
      return ErrorKind.FATAL;
    }
    if (error instanceof MongoSocketException
        || error instanceof MongoTimeoutException
        || error instanceof MongoExecutionTimeoutException
        || error instanceof MongoNotPrimaryException
        || error instanceof MongoNodeIsRecoveringException
        || error instanceof MongoWriteConcernException
        || error instanceof MongoInterruptedException) {
      return ErrorKind.TRANSIENT;
    }
    if (error instanceof MongoException mongo
        && (mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
            || mongo.hasErrorLabel("RetryableWriteError")
            || TRANSIENT_CODES.contains(mongo.getCode()))) {
      return ErrorKind.TRANSIENT;
    }
    return ErrorKind.FATAL;
  }

  /**
   * A write error another attempt may not hit: a timeout or election, or two upserts of the same
   * {@code _id} racing (duplicate key on the {@code _id_} index).
   */
  private boolean retry(BulkWriteError error) {
    if (error.getCode() == DUPLICATE_KEY) {
      return error.getMessage() != null && error.getMessage().contains("index: _id_");
    }
    return TRANSIENT_CODES.contains(error.getCode());
  }

  @Override
  public void close() {
    client.close();
  }
}
