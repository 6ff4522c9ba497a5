package dev.pageevents.pipeline.faults;

import dev.pageevents.pipeline.demo.Demo;
import dev.pageevents.pipeline.demo.DemoStack;
import dev.pageevents.pipeline.demo.SinkStallReport;
import dev.pageevents.pipeline.demo.Topics;
import dev.pageevents.pipeline.progress.Progress;
import dev.pageevents.pipeline.progress.Progress.SinkProgress;
import dev.pageevents.pipeline.progress.StallWatch;
import dev.pageevents.stack.KafkaBrokerServer;
import dev.pageevents.stack.KafkaConnectProcesses;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Opt-in reproduction loop ({@code -Dloop.rounds=N}) for the MongoDB-sink partition that stopped
 * being consumed after a broker kill in a 2-worker {@code demo --cluster} run (docs/reliability.md,
 * "What these kills found"). The demo's setup without exactly-once (sinks read uncommitted, as in
 * the demo): 3 KRaft brokers, 2 Connect workers, the five sinks on the single stores, the source at
 * 400 events/s. Each round kills -9 the leader of one partition of the events topic (or, with
 * {@code -Dloop.kill=coordinator}, the MongoDB sink group's coordinator), keeps it down 8 s, starts
 * it again, and waits until every sink's group has committed past the log end offsets seen at the
 * kill. A partition whose group offset stops moving for 90 s while behind ({@link StallWatch})
 * fails the loop with the demo's {@link SinkStallReport} (keep the logs with {@code
 * -Dstack.keep=true}).
 */
@EnabledIfSystemProperty(named = "loop.rounds", matches = "\\d+")
class LeaderKillLoopIT {
  private static final Duration STALL_LIMIT = Duration.ofSeconds(90);

  /**
   * {@code -Dloop.kill=coordinator} kills the MongoDB sink group's coordinator instead: the stalled
   * task's offset commit had failed at the kill, so its coordinator was on the killed broker.
   */
  private static final boolean KILL_COORDINATOR =
      "coordinator".equals(System.getProperty("loop.kill"));

  @Test
  void loop() throws Exception {
    int rounds = Integer.getInteger("loop.rounds");
    Path plugins = Path.of(System.getProperty("plugins.dir"));
    try (DemoStack stack =
        DemoStack.start(
            KafkaConnectProcesses.builder().brokers(3).workers(2).restPort(0).pluginPath(plugins),
            Map.of(),
            System.out)) {
      List<String> sets = new ArrayList<>();
      sets.add(Demo.SOURCE + ".events.per.second=400");
      sets.add(Demo.SOURCE + ".max.events=100000000");
      sets.add(Demo.SOURCE + ".topic.creation.default.replication.factor=3");
      Demo demo = new Demo(new Demo.Options(0, false, 0, plugins, null, sets), System.out);
      Map<String, Map<String, String>> configs = demo.configs(stack);
      String topic = configs.get(Demo.SOURCE).get(Demo.TOPIC_KEY);
      Topics.create(stack.bootstrapServers(), topic, configs.get(Demo.SOURCE));
      List<String> sinks = demo.register(stack.connectUrl(), configs);
      try (Admin admin =
              Admin.create(
                  Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
          Progress progress = new Progress(stack.bootstrapServers(), topic, sinks)) {
        Thread.sleep(20_000);
        for (int round = 0; round < rounds; round++) {
          KafkaConnectProcesses kafka = stack.kafka();
          KafkaBrokerServer leader =
              KILL_COORDINATOR
                  ? coordinatorOf(admin, kafka, "connect-mongo-sink")
                  : kafka.leaderOf(topic, round % 3);
          leader.kill();
          Map<TopicPartition, Long> atKill = ends(admin, topic);
          System.out.println("LOOP " + round + " killed " + leader + " ends " + atKill);
          Thread.sleep(8_000);
          leader.start();
          Optional<SinkProgress> stuck = awaitPast(progress, atKill);
          if (stuck.isPresent()) {
            System.out.println("LOOP STALL round " + round);
            throw SinkStallReport.gather(stuck.get(), STALL_LIMIT, kafka.workers(), System.out);
          }
          System.out.println("LOOP " + round + " ok");
        }
      }
    }
  }

  /**
   * The broker coordinating a consumer group (its {@code __consumer_offsets} partition's leader).
   */
  private static KafkaBrokerServer coordinatorOf(
      Admin admin, KafkaConnectProcesses kafka, String group) throws Exception {
    int id = admin.describeConsumerGroups(List.of(group)).all().get().get(group).coordinator().id();
    return kafka.brokers().stream().filter(b -> b.nodeId() == id).findFirst().orElseThrow();
  }

  private static Map<TopicPartition, Long> ends(Admin admin, String topic) throws Exception {
    Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
    for (int p = 0; p < 3; p++) {
      specs.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    return admin.listOffsets(specs).all().get().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  /**
   * Empty when every sink group committed past the given ends, else the first sink with a partition
   * whose committed offset did not move for {@link #STALL_LIMIT} while behind.
   */
  private static Optional<SinkProgress> awaitPast(Progress progress, Map<TopicPartition, Long> ends)
      throws InterruptedException {
    StallWatch watch = new StallWatch(STALL_LIMIT);
    while (true) {
      Progress.Snapshot now = progress.snapshot();
      Optional<SinkProgress> stuck = watch.stalled(now, System.nanoTime());
      boolean past =
          now.sinks().values().stream()
              .flatMap(sink -> sink.behind().stream())
              .allMatch(lag -> lag.committed() >= ends.get(lag.partition()));
      if (past || stuck.isPresent()) {
        return past ? Optional.empty() : stuck;
      }
      Thread.sleep(2_000);
    }
  }
}
