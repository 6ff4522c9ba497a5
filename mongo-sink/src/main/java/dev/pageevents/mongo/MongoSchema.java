package dev.pageevents.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.List;
import org.bson.Document;

/**
 * The indexes every events collection gets before its first write: per page and per user, newest
 * first, serving "visits of a page/user in a time range". Creating an existing index is a no-op.
 */
final class MongoSchema {
  static final String PAGE_TS_INDEX = "page_1_ts_-1";
  static final String USER_TS_INDEX = "user_1_ts_-1";

  private MongoSchema() {}

  static void ensureIndexes(MongoCollection<Document> collection) {
    ensureIndexes(collection, MongoDocuments.TIMESTAMP);
  }

  /** The same indexes over {@code timeField} (time-series mode names the time field). */
  static void ensureIndexes(MongoCollection<Document> collection, String timeField) {
    collection.createIndexes(
        List.of(
            new IndexModel(
                Indexes.compoundIndex(
                    Indexes.ascending(MongoDocuments.PAGE), Indexes.descending(timeField)),
                new IndexOptions().name(PAGE_TS_INDEX)),
            new IndexModel(
                Indexes.compoundIndex(
                    Indexes.ascending(MongoDocuments.USER), Indexes.descending(timeField)),
                new IndexOptions().name(USER_TS_INDEX))));
  }
}
