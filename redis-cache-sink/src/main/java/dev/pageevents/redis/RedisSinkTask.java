package dev.pageevents.redis;

import dev.pageevents.core.sink.PageEventSinkTask;
import dev.pageevents.core.sink.StoreWriter;

/** The Redis sink's task: a {@link RedisWriter} behind the shared write pipeline. */
public final class RedisSinkTask extends PageEventSinkTask<RedisSinkConfig> {

  public RedisSinkTask() {
    super(RedisSinkConfig::new);
  }

  @Override
  protected StoreWriter createWriter(RedisSinkConfig config) {
    return new RedisWriter(RedisClients.create(config), config.keys());
  }
}
