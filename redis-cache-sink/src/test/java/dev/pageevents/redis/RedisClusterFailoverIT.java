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
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** The writer against a Redis Cluster whose master dies and whose replica takes over. */
class RedisClusterFailoverIT {

  private static final List<String> PAGES =
      IntStream.range(0, 30).mapToObj(i -> "/page-" + i).toList();

  /** What a test does once every page has one event (offset 0) on a fresh cluster. */
  @FunctionalInterface
  private interface Scenario {
    void run(RedisClusterServer cluster, RedisWriter writer, RedisView view)
        throws InterruptedException;
  }

  @Test
  void shouldWriteToThePromotedReplicaAfterAMasterIsKilled() throws InterruptedException {
    onFreshCluster(
        "writer-failover",
        (cluster, writer, view) -> {
          cluster.killMaster(cluster.masters().get(0));
          writeWithRetries(writer, PAGES, 1);

          for (String page : PAGES) {
            assertThat(view.visits(page)).as("visits of %s", page).isEqualTo(2);
          }
        });
  }

  /**
   * Replication is asynchronous: writes a master acknowledged and its replica never received are
   * gone once the replica is promoted. The cut makes that gap certain instead of a matter of
   * microseconds; the writer must notice it and say where to write from again.
   */
  @Test
  void shouldFindTheWritesThePromotedReplicaNeverReceivedAndCountEachOnceWhenWrittenAgain()
      throws InterruptedException {
    onFreshCluster(
        "writer-lost-writes",
        (cluster, writer, view) -> {
          RedisServer master = cluster.masters().get(0);
          cluster.cutReplication(master);
          writeEach(writer, PAGES, 1); // acknowledged by the master alone

          cluster.killMaster(master);

          assertThatThrownBy(() -> writeWithRetries(writer, PAGES, 2))
              .isInstanceOfSatisfying(
                  StoreLostWritesException.class,
                  lost ->
                      assertThat(lost.resumeFrom())
                          .as("every partition resumes at offset 1, the one the master lost")
                          .hasSize(PAGES.size())
                          .allSatisfy((partition, from) -> assertThat(from).isEqualTo(1L)));
          // what the task does next: writes again from there
          writeWithRetries(writer, PAGES, 1);
          writeWithRetries(writer, PAGES, 2);

          for (String page : PAGES) {
            assertThat(view.visits(page)).as("visits of %s", page).isEqualTo(3);
          }
        });
  }

  /** A 3-master cluster with a replica each, a writer that wrote offset 0 of every page. */
  private static void onFreshCluster(String name, Scenario scenario) throws InterruptedException {
    try (RedisClusterServer cluster = RedisClusterServer.create(name, 1)) {
      cluster.start();
      RedisSinkConfig config = clusterConfig(cluster, name);
      try (RedisWriter writer = new RedisWriter(RedisClients.create(config), config.keys());
          UnifiedJedis reader = RedisClients.create(config)) {
        writer.prepare();
        writeEach(writer, PAGES, 0);
        scenario.run(cluster, writer, new RedisView(reader, config.keys()));
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
