package dev.pageevents.elasticsearch;

import dev.pageevents.core.sink.PageEventSinkTask;
import dev.pageevents.core.sink.StoreWriter;

/** Indexes page events into Elasticsearch through the shared write pipeline. */
public final class ElasticsearchSinkTask extends PageEventSinkTask<ElasticsearchSinkConfig> {

  public ElasticsearchSinkTask() {
    super(ElasticsearchSinkConfig::new);
  }

  @Override
  protected StoreWriter createWriter(ElasticsearchSinkConfig config) {
    return new ElasticsearchWriter(ElasticsearchClients.transport(config), config);
  }
}
