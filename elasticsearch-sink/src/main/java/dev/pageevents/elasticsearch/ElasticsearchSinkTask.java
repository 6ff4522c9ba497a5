package dev.pageevents.elasticsearch;

import dev.pageevents.core.sink.PageEventSinkTask;
import dev.pageevents.core.sink.StoreWriter;
import java.util.Map;

/** Indexes page events into Elasticsearch through the shared write pipeline. */
public final class ElasticsearchSinkTask extends PageEventSinkTask<ElasticsearchSinkConfig> {

  @Override
  protected ElasticsearchSinkConfig parseConfig(Map<String, String> props) {
    return new ElasticsearchSinkConfig(props);
  }

  @Override
  protected StoreWriter createWriter(ElasticsearchSinkConfig config) {
    return new ElasticsearchWriter(ElasticsearchClients.transport(config), config);
  }
}
