package dev.pageevents.redis;

import dev.pageevents.core.sink.PageEventSinkTask;
import dev.pageevents.core.sink.StoreWriter;
import java.util.Map;

/** The Redis sink's task: a {@link RedisWriter} behind the shared write pipeline. */
public final class RedisSinkTask extends PageEventSinkTask<RedisSinkConfig> {

  @Override
  protected RedisSinkConfig parseConfig(Map<String, String> props) {
    return new RedisSinkConfig(props);
  }

  @Override
  protected StoreWriter createWriter(RedisSinkConfig config) {
    return new RedisWriter(RedisClients.create(config), config.keys());
  }
}
