package dev.pageevents.benchmarks.sink;

import dev.pageevents.stack.KafkaConnectProcesses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The stores under benchmark by name, and the broker plus worker processes they are run in. */
public final class SinkTargets {
  /** Every sink's name, in the order the benchmarks run them. */
  public static final List<String> ALL =
      List.of("mongo", "cassandra", "elasticsearch", "redis", "neo4j");

  private static final Map<String, Supplier<SinkTarget>> TARGETS =
      Map.of(
          "mongo", () -> new MongoTarget(true),
          "cassandra", CassandraTarget::new,
          "elasticsearch", ElasticsearchTarget::new,
          "redis", RedisTarget::new,
          "neo4j", Neo4jTarget::new);

  private SinkTargets() {}

  /** A new, not yet started target; MongoDB on the stand-in's in-memory backend. */
  public static SinkTarget create(String name) {
    Supplier<SinkTarget> target = TARGETS.get(name);
    if (target == null) {
      throw new IllegalArgumentException("Unknown sink " + name + "; known: " + ALL);
    }
    return target.get();
  }

  /**
   * One KRaft broker and one distributed worker as processes (REST on a free port, C2 JIT on), the
   * worker with a fixed heap and the unpacked plugin archives on its plugin.path.
   */
  public static KafkaConnectProcesses kafka(Path plugins, String workerHeap) {
    return kafka(plugins, workerHeap, List.of());
  }

  /** As {@link #kafka(Path, String)}, with more JVM options for the worker. */
  static KafkaConnectProcesses kafka(Path plugins, String workerHeap, List<String> workerOptions) {
    List<String> options = new ArrayList<>(List.of("-Xms" + workerHeap, "-Xmx" + workerHeap));
    options.add("-XX:+UseG1GC");
    options.addAll(workerOptions);
    return KafkaConnectProcesses.builder()
        .restPort(0)
        .pluginPath(plugins)
        .workerProperty("offset.flush.interval.ms", "250")
        .brokerJvmOptions(List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC"))
        .workerJvmOptions(options)
        .build();
  }
}
