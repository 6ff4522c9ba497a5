package dev.pageevents.mongo;

import dev.pageevents.core.sink.PageEventSinkTask;
import dev.pageevents.core.sink.StoreWriter;

/** Writes page events to MongoDB through the shared write pipeline. */
public final class MongoSinkTask extends PageEventSinkTask<MongoSinkConfig> {

  public MongoSinkTask() {
    super(MongoSinkConfig::new);
  }

  @Override
  protected StoreWriter createWriter(MongoSinkConfig config) {
    return new MongoWriter(
        MongoWriter.createClient(config),
        config.database(),
        config.collection(),
        config.timeSeries());
  }
}
