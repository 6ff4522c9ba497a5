package dev.pageevents.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.core.sink.ErrorKind;
import dev.pageevents.core.sink.PageEventRecord;
import dev.pageevents.stack.RedisClusterServer;
import dev.pageevents.stack.RedisServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** The writer against a Redis Cluster whose master dies and whose replica takes over. */
class RedisClusterFailoverIT {

  @Test
  void shouldWriteToThePromotedReplicaAfterAMasterIsKilled() throws InterruptedException {
    try (RedisClusterServer cluster = RedisClusterServer.create("writer-failover", 1)) {
      cluster.start();
      RedisSinkConfig config =
          new RedisSinkConfig(
              Map.of(
                  RedisSinkConfig.MODE_CONFIG,
                  RedisSinkConfig.MODE_CLUSTER,
                  RedisSinkConfig.HOSTS_CONFIG,
                  cluster.endpoint(),
                  RedisSinkConfig.PREFIX_CONFIG,
                  "failover",
                  RedisSinkConfig.GROUPS_CONFIG,
                  "16"));
      List<String> pages = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        pages.add("/page-" + i);
      }
      try (RedisWriter writer = new RedisWriter(RedisClients.create(config), config.keys());
          UnifiedJedis reader = RedisClients.create(config)) {
        RedisView view = new RedisView(reader, config.keys());
        writer.prepare();
        writeEach(writer, pages, 0);
        RedisServer master = cluster.masters().get(0);

        cluster.killMaster(master);
        writeWithRetries(writer, pages, 1);

        for (String page : pages) {
          assertThat(view.visits(page)).as("visits of %s", page).isEqualTo(2);
        }
      }
    }
  }

  /** One event per page, all at {@code offset} of its own partition (one partition per page). */
  private static void writeEach(RedisWriter writer, List<String> pages, long offset) {
    List<PageEventRecord> batch = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      batch.addAll(RedisWriterIT.records(i, offset, offset, pages.get(i)));
    }
    writer.write(batch);
  }

  /** As the sink's write pipeline does: transient errors are retried, for up to 30 s here. */
  private static void writeWithRetries(RedisWriter writer, List<String> pages, long offset)
      throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      try {
        writeEach(writer, pages, offset);
        return;
      } catch (RuntimeException e) {
        if (writer.classify(e) != ErrorKind.TRANSIENT || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(500);
      }
    }
  }
}
