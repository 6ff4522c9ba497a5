package dev.pageevents.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.DeleteManyModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.TimeSeriesGranularity;
import com.mongodb.client.model.TimeSeriesOptions;
import dev.pageevents.core.sink.PageEventRecord;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * Time-series collection mode (MongoDB 6.0+, deletes 7.0+): the options the collection is created
 * with at start, and insert-only writes. A time-series collection has no unique {@code _id} index
 * and takes no upserts, so before inserting, the batch's ids already stored in the batch's time
 * range are looked up and skipped: a redelivered or replayed event is not inserted twice. Two tasks
 * writing the same record at the same moment (a zombie task during a rebalance) can still store it
 * twice; deletes remove every copy.
 *
 * @param timeField name of the event time field, instead of {@code ts}
 * @param metaField the document field used as metaField, or null for none
 * @param granularity bucket granularity
 */
record TimeSeries(String timeField, String metaField, TimeSeriesGranularity granularity) {
  private static final int NAMESPACE_EXISTS = 48;

  /** The options of the {@code create} command. */
  CreateCollectionOptions createOptions() {
    TimeSeriesOptions options = new TimeSeriesOptions(timeField).granularity(granularity);
    if (metaField != null) {
      options.metaField(metaField);
    }
    return new CreateCollectionOptions().timeSeriesOptions(options);
  }

  /**
   * Creates the collection as a time-series collection, or checks that the existing one is one.
   *
   * @throws IllegalStateException when a collection of that name exists but is not time-series (or
   *     the server ignored the time-series options)
   */
  void ensureCollection(MongoDatabase database, String name) {
    try {
      database.createCollection(name, createOptions());
    } catch (MongoCommandException e) {
      if (e.getErrorCode() != NAMESPACE_EXISTS) {
        throw e;
      }
    }
    Document info = database.listCollections().filter(Filters.eq("name", name)).first();
    String type = info == null ? null : info.getString("type");
    if (!"timeseries".equals(type)) {
      throw new IllegalStateException(
          "Collection "
              + database.getName()
              + "."
              + name
              + " is of type '"
              + type
              + "', not 'timeseries': drop or rename it, choose another collection, or unset"
              + " timeseries.timefield (a server that ignores the time-series option, such as a"
              + " stand-in, also ends here; time-series mode needs MongoDB 6.0+)");
    }
  }

  /** Inserts for events not yet stored, a delete of every copy for each tombstone. */
  List<MongoWriter.Planned> models(
      MongoCollection<Document> collection, List<PageEventRecord> batch, List<Integer> items) {
    Set<Object> stored = storedIds(collection, batch, items);
    List<MongoWriter.Planned> models = new ArrayList<>(items.size());
    for (int item : items) {
      PageEventRecord record = batch.get(item);
      if (record.isDelete()) {
        models.add(
            new MongoWriter.Planned(
                item, new DeleteManyModel<>(Filters.eq(MongoDocuments.ID, record.id()))));
      } else if (!stored.contains(record.id())) {
        models.add(
            new MongoWriter.Planned(
                item, new InsertOneModel<>(MongoDocuments.of(record.event(), timeField))));
      }
    }
    return models;
  }

  private Set<Object> storedIds(
      MongoCollection<Document> collection, List<PageEventRecord> batch, List<Integer> items) {
    List<String> ids = new ArrayList<>();
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
    for (int item : items) {
      PageEventRecord record = batch.get(item);
      if (!record.isDelete()) {
        ids.add(record.id());
        from = Math.min(from, record.event().timestampMs());
        to = Math.max(to, record.event().timestampMs());
      }
    }
    Set<Object> stored = new HashSet<>();
    if (ids.isEmpty()) {
      return stored;
    }
    collection
        .find(
            Filters.and(
                Filters.gte(timeField, new Date(from)),
                Filters.lte(timeField, new Date(to)),
                Filters.in(MongoDocuments.ID, ids)))
        .projection(Projections.include(MongoDocuments.ID))
        .forEach(document -> stored.add(document.get(MongoDocuments.ID)));
    return stored;
  }
}
