package dev.pageevents.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pageevents.core.sink.ErrorKind;
import dev.pageevents.core.sink.PageEventRecord;
import dev.pageevents.core.sink.exact.StoreLostWritesException;
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
      RedisSinkConfig config = clusterConfig(cluster, "failover");
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

  /**
   * Replication is asynchronous: writes a master acknowledged and its replica never received are
   * gone once the replica is promoted. The cut makes that gap certain instead of a matter of
   * microseconds; the writer must notice it and say where to write from again.
   */
  @Test
  void shouldFindTheWritesThePromotedReplicaNeverReceivedAndCountEachOnceWhenWrittenAgain()
      throws InterruptedException {
    try (RedisClusterServer cluster = RedisClusterServer.create("writer-lost-writes", 1)) {
      cluster.start();
      RedisSinkConfig config = clusterConfig(cluster, "lost");
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
        cluster.cutReplication(master);
        writeEach(writer, pages, 1); // acknowledged by the master alone

        cluster.killMaster(master);

        assertThatThrownBy(() -> writeWithRetries(writer, pages, 2))
            .isInstanceOfSatisfying(
                StoreLostWritesException.class,
                lost ->
                    assertThat(lost.resumeFrom())
                        .as("every partition resumes at offset 1, the one the master lost")
                        .hasSize(pages.size())
                        .allSatisfy((partition, from) -> assertThat(from).isEqualTo(1L)));
        // what the task does next: writes again from there
        writeWithRetries(writer, pages, 1);
        writeWithRetries(writer, pages, 2);

        for (String page : pages) {
          assertThat(view.visits(page)).as("visits of %s", page).isEqualTo(3);
        }
      }
    }
  }

  private static RedisSinkConfig clusterConfig(RedisClusterServer cluster, String prefix) {
    return new RedisSinkConfig(
        Map.of(
            RedisSinkConfig.MODE_CONFIG,
            RedisSinkConfig.MODE_CLUSTER,
            RedisSinkConfig.HOSTS_CONFIG,
            cluster.endpoint(),
            RedisSinkConfig.PREFIX_CONFIG,
            prefix,
            RedisSinkConfig.GROUPS_CONFIG,
            "16"));
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
