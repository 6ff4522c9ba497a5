package dev.pageevents.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.sink.ErrorKind;
import dev.pageevents.core.sink.PageEventRecord;
import dev.pageevents.core.sink.exact.StoreLostWritesException;
import dev.pageevents.core.testing.TestEvents;
import dev.pageevents.core.view.RankedPage;
import dev.pageevents.stack.RedisServer;
import dev.pageevents.stack.SharedServers;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisDataException;

/** The Redis writer against a real Redis server, without Connect: exactness at the store. */
class RedisWriterIT {
  private static final TopicPartition P0 = new TopicPartition("t", 0);

  private RedisKeys keys;
  private JedisPooled redis;
  private RedisWriter writer;
  private RedisView view;

  @BeforeEach
  void setUp() {
    URI endpoint = URI.create(SharedServers.redis().endpoint());
    keys = new RedisKeys("w" + UUID.randomUUID().toString().substring(0, 8), 8, 60, 3600);
    redis = new JedisPooled(new HostAndPort(endpoint.getHost(), endpoint.getPort()));
    writer =
        new RedisWriter(
            new JedisPooled(new HostAndPort(endpoint.getHost(), endpoint.getPort())), keys);
    writer.prepare();
    view = new RedisView(redis, keys);
  }

  @AfterEach
  void tearDown() {
    writer.close();
    redis.close();
  }

  static List<PageEventRecord> records(int partition, long from, long to, String page) {
    List<PageEventRecord> batch = new ArrayList<>();
    for (long offset = from; offset <= to; offset++) {
      SinkRecord sink = new SinkRecord("t", partition, null, null, null, "v", offset);
      batch.add(
          new PageEventRecord(
              sink, new PageEvent("e" + offset, page, "user-" + offset % 3, 1_000 * offset, 10)));
    }
    return batch;
  }

  @Test
  void shouldNotCountARedeliveredOrOverlappingBatchTwice() {
    writer.write(records(0, 0, 9, "/a"));
    writer.write(records(0, 0, 9, "/a"));
    writer.write(records(0, 5, 14, "/a"));

    assertThat(view.page("/a")).isEqualTo(new RedisView.PageCounters(15, 150, 14_000));
    assertThat(writer.appliedOffsets(List.of(P0))).isEqualTo(Map.of(P0, 14L));
    assertThat(view.lastVisit("user-2")).isEqualTo(new RedisView.LastVisit("/a", 14_000));
  }

  /** The pipeline starts a task whose preparation failed transiently and prepares again later. */
  @Test
  void shouldReportRedisDownAtPreparationAsTransientAndSetUpTheLayoutOnceItIsUp() {
    try (RedisServer server = RedisServer.create("redis-down-at-start")) {
      HostAndPort address = new HostAndPort("127.0.0.1", server.port());
      try (RedisWriter startedWhileDown = new RedisWriter(new JedisPooled(address), keys)) {
        assertThatThrownBy(startedWhileDown::prepare)
            .satisfies(
                e -> assertThat(startedWhileDown.classify(e)).isEqualTo(ErrorKind.TRANSIENT));

        server.start();
        startedWhileDown.prepare();
        startedWhileDown.write(records(0, 0, 9, "/a"));

        try (JedisPooled direct = new JedisPooled(address)) {
          assertThat(new RedisView(direct, keys).page("/a"))
              .isEqualTo(new RedisView.PageCounters(10, 100, 9_000));
          assertThat(direct.hget(keys.meta(), "groups")).isEqualTo("8");
        }
      }
    }
  }

  /** As after a restart without persistence: the keys are gone, the writer saw them stored. */
  @Test
  void shouldFindThatTheStoreLostEverythingAndCountEachEventOnceWhenWrittenAgainFromTheStart() {
    writer.write(records(0, 0, 9, "/a"));
    RedisSchema.clear(redis, keys);

    assertThatThrownBy(() -> writer.write(records(0, 10, 14, "/a")))
        .isInstanceOfSatisfying(
            StoreLostWritesException.class,
            lost -> assertThat(lost.resumeFrom()).isEqualTo(Map.of(P0, 0L)))
        .hasMessageContaining("stores offset -1, it had stored 9");
    assertThat(view.page("/a"))
        .as("nothing applied over the gap")
        .isEqualTo(new RedisView.PageCounters(0, 0, 0));

    writer.prepare();
    writer.write(records(0, 0, 14, "/a"));

    assertThat(view.page("/a")).isEqualTo(new RedisView.PageCounters(15, 150, 14_000));
    assertThat(writer.appliedOffsets(List.of(P0))).isEqualTo(Map.of(P0, 14L));
  }

  @Test
  void shouldReloadTheScriptAndCountOnceWhenTheServerLostItsScriptCache() {
    writer.write(records(0, 0, 9, "/a"));
    redis.scriptFlush();

    writer.write(records(0, 5, 14, "/a"));

    assertThat(view.page("/a")).isEqualTo(new RedisView.PageCounters(15, 150, 14_000));
    assertThat(writer.appliedOffsets(List.of(P0))).isEqualTo(Map.of(P0, 14L));
  }

  @Test
  void shouldStoreHostileNamesVerbatimAndRunNoneOfThemAsCode() {
    redis.set(keys.prefix() + ":sentinel", "still here");
    List<PageEventRecord> batch = new ArrayList<>();
    long offset = 0;
    for (String name : TestEvents.HOSTILE_NAMES) {
      SinkRecord sink = new SinkRecord("t", 0, null, null, null, "v", offset);
      batch.add(new PageEventRecord(sink, new PageEvent("e" + offset++, name, name, 5_000, 7)));
    }

    writer.write(batch);

    for (String name : TestEvents.HOSTILE_NAMES) {
      assertThat(view.page(name).visits()).as(name).isEqualTo(1);
      assertThat(redis.exists(keys.page(name))).as(name).isTrue();
      assertThat(view.lastVisit(name).page()).isEqualTo(name);
    }
    assertThat(view.topPages(10))
        .extracting(RankedPage::page)
        .containsExactlyInAnyOrderElementsOf(TestEvents.HOSTILE_NAMES);
    assertThat(redis.get(keys.prefix() + ":sentinel")).isEqualTo("still here");
  }

  @Test
  void shouldRejectAGroupWithAWrongTypeKeyWithoutApplyingAnyOfIt() {
    String clash = "/clash";
    String neighbour = sameGroupAs(clash);
    redis.set(keys.page(clash), "not a hash");
    List<PageEventRecord> batch = new ArrayList<>(records(0, 0, 0, neighbour));
    batch.addAll(records(0, 1, 1, clash));

    assertThatThrownBy(() -> writer.write(batch))
        .isInstanceOf(JedisDataException.class)
        .satisfies(e -> assertThat(writer.classify(e)).isEqualTo(ErrorKind.DATA));

    assertThat(view.page(neighbour).visits()).isZero();
    assertThat(redis.hget(keys.offsets(keys.groupOf(clash)), "t:0")).isNull();
  }

  @Test
  void shouldResumeOnlyPartitionsEveryGroupHasAnOffsetFor() {
    writer.write(records(0, 0, 3, "/a"));
    assertThat(writer.appliedOffsets(List.of(P0, new TopicPartition("t", 1))))
        .isEqualTo(Map.of(P0, 3L));

    redis.hdel(keys.offsets(5), "t:0");

    assertThat(writer.appliedOffsets(List.of(P0))).isEmpty();
  }

  @Test
  void shouldSumBucketsIntoWindows() {
    writer.write(records(0, 0, 179, "/w"));

    assertThat(view.visitsBetween("/w", 0, 59_999)).isEqualTo(60);
    assertThat(view.visitsBetween("/w", 0, 179_999)).isEqualTo(180);
    assertThat(view.topPagesInBucket(120_000, 1)).containsExactly(new RankedPage("/w", 60));
  }

  @Test
  void shouldWriteAsAnAclUserAllowedOnlyItsPrefixAndFailFatallyWithAWrongPassword() {
    URI endpoint = URI.create(SharedServers.redis().endpoint());
    String user = keys.prefix() + "-user";
    redis.sendCommand(
        Protocol.Command.ACL,
        "SETUSER",
        user,
        "reset",
        "on",
        ">s3cret pass",
        "~" + keys.prefix() + ":*",
        "+@all");
    Map<String, String> props =
        Map.of(
            RedisSinkConfig.HOSTS_CONFIG,
            endpoint.getHost() + ":" + endpoint.getPort(),
            RedisSinkConfig.USER_CONFIG,
            user,
            RedisSinkConfig.PASSWORD_CONFIG,
            "s3cret pass",
            RedisSinkConfig.PREFIX_CONFIG,
            keys.prefix(),
            RedisSinkConfig.GROUPS_CONFIG,
            "8");
    RedisSinkConfig config = new RedisSinkConfig(props);

    try (RedisWriter acl = new RedisWriter(RedisClients.create(config), config.keys())) {
      acl.prepare();
      acl.write(records(0, 0, 2, "/acl"));
    }
    assertThat(view.page("/acl").visits()).isEqualTo(3);

    Map<String, String> wrong = new HashMap<>(props);
    wrong.put(RedisSinkConfig.PASSWORD_CONFIG, "wrong");
    assertThat(new RedisSinkConnector().validate(wrong).configValues())
        .filteredOn(value -> value.name().equals(RedisSinkConfig.PASSWORD_CONFIG))
        .singleElement()
        .satisfies(value -> assertThat(value.errorMessages()).isNotEmpty());
    assertThatThrownBy(() -> RedisClients.create(new RedisSinkConfig(wrong)).ping())
        .satisfies(e -> assertThat(writer.classify(e)).isEqualTo(ErrorKind.FATAL));
  }

  private String sameGroupAs(String page) {
    for (int i = 0; ; i++) {
      String candidate = "/neighbour-" + i;
      if (keys.groupOf(candidate) == keys.groupOf(page)) {
        return candidate;
      }
    }
  }
}
