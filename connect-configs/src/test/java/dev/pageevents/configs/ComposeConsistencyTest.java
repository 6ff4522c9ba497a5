package dev.pageevents.configs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml agrees with connect-configs: every host:port a connector or worker config
 * names is a compose service publishing that port, the mounted paths are the plugin modules' build
 * output and this module's files, and the worker's topics and converters match the connectors'.
 */
class ComposeConsistencyTest {
  private static final Pattern HOST_PORT =
      Pattern.compile("(?:[a-z+]+://)?([a-z][a-z0-9-]*):(\\d{2,5})");
  private static final Path ROOT = ModuleFiles.repositoryRoot();

  private static JsonNode services;
  private static Map<String, Map<String, String>> connectors;
  private static Properties distributed;

  @BeforeAll
  static void load() throws IOException {
    services =
        new ObjectMapper(new YAMLFactory())
            .readTree(ROOT.resolve("docker-compose.yml").toFile())
            .path("services");
    connectors = ConnectorConfigs.load(ModuleFiles.dir().resolve("connectors"));
    distributed = WorkerFile.distributed();
  }

  @Test
  void shouldNameAComposeServiceAndItsPortForEveryStoreAConnectorConnectsTo() {
    Set<String> hosts = new HashSet<>();
    connectors.forEach(
        (name, config) ->
            config.forEach(
                (key, value) -> {
                  Matcher m = HOST_PORT.matcher(value);
                  while (m.find()) {
                    hosts.add(m.group(1));
                    assertServicePublishes(name + " " + key, m.group(1), m.group(2));
                  }
                }));

    assertThat(hosts)
        .containsExactlyInAnyOrder("mongo", "cassandra", "elasticsearch", "redis", "neo4j");
  }

  @Test
  void shouldPointTheWorkerAtTheComposeBrokerAndPublishItsRestPort() {
    assertThat(distributed.getProperty("bootstrap.servers")).isEqualTo("kafka:9092");
    assertThat(env("kafka", "KAFKA_ADVERTISED_LISTENERS")).contains("PLAINTEXT://kafka:9092");
    assertThat(distributed.getProperty("rest.advertised.host.name")).isEqualTo("connect");
    assertThat(distributed.getProperty("listeners")).endsWith(":8083");
    assertServicePublishes("worker listeners", "connect", "8083");
    assertThat(command("register-connectors")).contains("--connect", "http://connect:8083");
  }

  @Test
  void shouldGiveTheStandaloneWorkerTheBrokersHostListener() throws IOException {
    Properties standalone = new Properties();
    try (Reader in =
        Files.newBufferedReader(
            ModuleFiles.dir().resolve("worker").resolve("connect-standalone.properties"))) {
      standalone.load(in);
    }

    assertThat(standalone.getProperty("bootstrap.servers")).isEqualTo("localhost:29092");
    assertThat(env("kafka", "KAFKA_ADVERTISED_LISTENERS")).contains("://localhost:29092");
    assertThat(ports("kafka")).contains("29092:29092");
    assertThat(standalone.getProperty("plugin.path"))
        .isEqualTo(distributed.getProperty("plugin.path"));
  }

  @Test
  void shouldMountEveryPluginModulesBuildOutputAndUnzipItIntoThePluginPath() throws IOException {
    List<String> pluginModules;
    try (Stream<Path> dirs = Files.list(ROOT)) {
      pluginModules =
          dirs.filter(d -> Files.isDirectory(d.resolve("src/main/hub")))
              .map(d -> d.getFileName().toString())
              .sorted()
              .toList();
    }
    Map<String, String> mounts = mounts("connect");
    List<String> mountedTargets = new ArrayList<>();
    mounts.forEach(
        (host, container) -> {
          assertThat(ROOT.resolve(host).normalize()).startsWith(ROOT);
          if (host.endsWith("/target")) {
            String module = Path.of(host).getParent().getFileName().toString();
            mountedTargets.add(module);
            assertThat(ROOT.resolve(module).resolve("pom.xml")).exists();
            assertThat(container).endsWith("/" + module);
          } else {
            assertThat(ROOT.resolve(host)).isDirectory();
          }
        });

    assertThat(pluginModules).hasSize(6);
    assertThat(mountedTargets).containsExactlyInAnyOrderElementsOf(pluginModules);
    String script = String.join(" ", command("connect"));
    assertThat(script)
        .contains("-d " + distributed.getProperty("plugin.path"))
        .contains(mounts.get("./connect-configs/worker") + "/connect-distributed.properties");
  }

  @Test
  void shouldRegisterTheMountedConfigsWithTheRunnableJarThisModuleBuilds() throws IOException {
    Map<String, String> mounts = mounts("register-connectors");
    String pom = Files.readString(ModuleFiles.dir().resolve("pom.xml"));
    Matcher jarName = Pattern.compile("<cli.jar.name>([^<]+)</cli.jar.name>").matcher(pom);
    assertThat(jarName.find()).isTrue();
    String jar = "./connect-configs/target/" + jarName.group(1) + ".jar";

    assertThat(mounts).containsKeys(jar, "./connect-configs/connectors");
    assertThat(command("register-connectors"))
        .containsSubsequence("-jar", mounts.get(jar))
        .containsSubsequence("--dir", mounts.get("./connect-configs/connectors"));
  }

  @Test
  void shouldAgreeOnTopicsConvertersAndReplicationWithOneBroker() {
    Map<String, String> source = connectors.get("page-event-source");
    connectors.forEach(
        (name, config) -> {
          assertThat(config.get("key.converter"))
              .as(name)
              .isEqualTo(distributed.getProperty("key.converter"));
          if (name.equals("page-event-source")) {
            assertThat(config.get("value.converter"))
                .as(name)
                .isEqualTo(distributed.getProperty("value.converter"));
            assertThat(config.get("value.converter.schemas.enable"))
                .as(name)
                .isEqualTo(distributed.getProperty("value.converter.schemas.enable"));
          } else {
            // The sinks read the JSON text themselves (cheaper than JsonConverter's tree, and a
            // malformed value is reported by the sink with the record and field named).
            assertThat(config.get("value.converter"))
                .as(name)
                .isEqualTo("org.apache.kafka.connect.storage.StringConverter");
            assertThat(config.get("topics")).as(name).isEqualTo(source.get("topic"));
            assertThat(config.get("errors.deadletterqueue.topic.replication.factor"))
                .isEqualTo("1");
          }
        });
    for (String key :
        List.of(
            "config.storage.replication.factor",
            "offset.storage.replication.factor",
            "status.storage.replication.factor")) {
      assertThat(distributed.getProperty(key)).as(key).isEqualTo("1");
    }
    assertThat(source.get("topic.creation.default.replication.factor")).isEqualTo("1");
    assertThat(env("kafka", "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")).isEqualTo("1");
  }

  @Test
  void shouldMatchTheStoresSettingsTheConnectorsRelyOn() {
    assertThat(command("mongo")).containsSubsequence("--replSet", "rs0");
    assertThat(connectors.get("mongo-sink").get("mongodb.uri")).contains("replicaSet=rs0");
    assertThat(env("neo4j", "NEO4J_AUTH")).isEqualTo("none");
    assertThat(connectors.get("neo4j-graph-sink").get("neo4j.username")).isEmpty();
    assertThat(env("elasticsearch", "xpack.security.enabled")).isEqualTo("false");
    assertThat(connectors.get("elasticsearch-sink").get("elasticsearch.urls"))
        .startsWith("http://");
    assertThat(connectors.get("elasticsearch-sink").get("index.number.of.replicas")).isEqualTo("0");
  }

  @Test
  void shouldRunKafkaOnThreeKraftBrokersWithReplicationThreeInTheClusterProfile() {
    List<String> brokers = List.of("kafka-1", "kafka-2", "kafka-3");
    Set<String> nodeIds = new HashSet<>();
    for (String broker : brokers) {
      assertThat(profiles(broker)).as(broker).containsExactly("cluster");
      assertThat(env(broker, "KAFKA_CONTROLLER_QUORUM_VOTERS"))
          .as(broker)
          .isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
      assertThat(env(broker, "KAFKA_ADVERTISED_LISTENERS"))
          .contains("PLAINTEXT://" + broker + ":9092");
      assertThat(env(broker, "CLUSTER_ID")).isEqualTo(env("kafka-1", "CLUSTER_ID"));
      assertThat(env(broker, "KAFKA_DEFAULT_REPLICATION_FACTOR")).isEqualTo("3");
      assertThat(env(broker, "KAFKA_MIN_INSYNC_REPLICAS")).isEqualTo("2");
      assertThat(env(broker, "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")).isEqualTo("3");
      nodeIds.add(env(broker, "KAFKA_NODE_ID"));
    }
    assertThat(nodeIds).containsExactlyInAnyOrder("1", "2", "3");
    assertThat(profiles("kafka")).isEmpty();
    String worker = String.join(" ", command("connect-cluster"));
    assertThat(worker)
        .contains("bootstrap.servers=kafka-1:9092,kafka-2:9092,kafka-3:9092")
        .contains("storage.replication.factor\\)=1$$/\\1=3")
        .contains("rest.advertised.host.name=connect-cluster");
    assertThat(mounts("connect-cluster")).isEqualTo(mounts("connect"));
  }

  @Test
  void shouldRunCassandraElasticsearchAndRedisOnSeveralNodesInTheClusterProfile() {
    for (String node : List.of("cassandra-1", "cassandra-2", "cassandra-3")) {
      assertThat(profiles(node)).as(node).containsExactly("cluster");
      assertThat(env(node, "CASSANDRA_SEEDS")).as(node).isEqualTo("cassandra-1");
    }
    for (String node : List.of("elasticsearch-1", "elasticsearch-2", "elasticsearch-3")) {
      assertThat(env(node, "node.name")).isEqualTo(node);
      assertThat(env(node, "discovery.seed_hosts"))
          .isEqualTo("elasticsearch-1,elasticsearch-2,elasticsearch-3");
      assertThat(env(node, "cluster.initial_master_nodes"))
          .isEqualTo("elasticsearch-1,elasticsearch-2,elasticsearch-3");
    }
    for (int i = 1; i <= 6; i++) {
      assertThat(command("redis-" + i)).containsSubsequence("--cluster-enabled", "yes");
    }
    assertThat(String.join(" ", command("redis-cluster-init")))
        .contains("for n in 1 2 3 4 5 6")
        .contains("--cluster-replicas 1");
  }

  @Test
  void shouldRegisterTheSameConfigsWithTheClustersEndpointsAndReplication() {
    List<String> register = command("register-connectors-cluster");
    assertThat(register)
        .containsSubsequence("--connect", "http://connect-cluster:8083")
        .containsSubsequence(
            "--dir", mounts("register-connectors").get("./connect-configs/connectors"));
    assertThat(mounts("register-connectors-cluster")).isEqualTo(mounts("register-connectors"));
    List<String> sets = new ArrayList<>();
    for (int i = 0; i < register.size() - 1; i++) {
      if (register.get(i).equals("--set")) {
        sets.add(register.get(i + 1));
      }
    }
    Map<String, Map<String, String>> cluster = ConnectorConfigs.withOverrides(connectors, sets);

    Set<String> hosts = new HashSet<>();
    for (String name : List.of("cassandra-sink", "elasticsearch-sink", "redis-cache-sink")) {
      cluster
          .get(name)
          .forEach(
              (key, value) -> {
                Matcher m = HOST_PORT.matcher(value);
                while (m.find()) {
                  hosts.add(m.group(1));
                  assertThat(profiles(m.group(1))).as(name + " " + key).containsExactly("cluster");
                  assertThat(containerPorts(m.group(1))).as(name + " " + key).contains(m.group(2));
                }
              });
    }
    assertThat(hosts)
        .containsExactlyInAnyOrder(
            "cassandra-1",
            "cassandra-2",
            "cassandra-3",
            "elasticsearch-1",
            "elasticsearch-2",
            "elasticsearch-3",
            "redis-1",
            "redis-2",
            "redis-3",
            "redis-4",
            "redis-5",
            "redis-6");
    assertThat(cluster.get("cassandra-sink"))
        .containsEntry("keyspace.replication.factor", "3")
        .containsEntry("consistency.level", "QUORUM");
    assertThat(cluster.get("elasticsearch-sink")).containsEntry("index.number.of.replicas", "1");
    assertThat(cluster.get("redis-cache-sink")).containsEntry("redis.mode", "cluster");
    assertThat(cluster.get("page-event-source"))
        .containsEntry("topic.creation.default.replication.factor", "3");
    cluster.forEach(
        (name, config) -> {
          if (config.containsKey("errors.deadletterqueue.topic.name")) {
            assertThat(config)
                .as(name)
                .containsEntry("errors.deadletterqueue.topic.replication.factor", "3");
          }
        });
    assertThat(cluster.get("mongo-sink"))
        .isEqualTo(withDlqReplication(connectors.get("mongo-sink")));
    assertThat(cluster.get("neo4j-graph-sink"))
        .isEqualTo(withDlqReplication(connectors.get("neo4j-graph-sink")));
  }

  private static Map<String, String> withDlqReplication(Map<String, String> config) {
    Map<String, String> expected = new HashMap<>(config);
    expected.put("errors.deadletterqueue.topic.replication.factor", "3");
    return expected;
  }

  private static List<String> profiles(String service) {
    List<String> profiles = new ArrayList<>();
    services.path(service).path("profiles").forEach(p -> profiles.add(p.asText()));
    return profiles;
  }

  /** The ports a service listens on for other services: published or only exposed. */
  private static List<String> containerPorts(String service) {
    List<String> container =
        new ArrayList<>(
            ports(service).stream().map(p -> p.substring(p.lastIndexOf(':') + 1)).toList());
    services.path(service).path("expose").forEach(p -> container.add(p.asText()));
    return container;
  }

  private static void assertServicePublishes(String where, String service, String port) {
    assertThat(services.has(service)).as(where + ": compose service '" + service + "'").isTrue();
    List<String> containerPorts =
        ports(service).stream().map(p -> p.substring(p.lastIndexOf(':') + 1)).toList();
    assertThat(containerPorts).as(where + ": ports of " + service).contains(port);
  }

  private static List<String> ports(String service) {
    List<String> ports = new ArrayList<>();
    services.path(service).path("ports").forEach(p -> ports.add(p.asText()));
    return ports;
  }

  private static String env(String service, String name) {
    return services.path(service).path("environment").path(name).asText();
  }

  private static List<String> command(String service) {
    List<String> parts = new ArrayList<>();
    JsonNode command = services.path(service).path("command");
    if (command.isArray()) {
      command.forEach(p -> parts.add(p.asText()));
    } else {
      parts.addAll(List.of(command.asText().split("\\s+")));
    }
    return parts;
  }

  /** Host path (as written, e.g. "./mongo-sink/target") to container path. */
  private static Map<String, String> mounts(String service) {
    Map<String, String> mounts = new HashMap<>();
    services
        .path(service)
        .path("volumes")
        .forEach(
            v -> {
              String[] parts = v.asText().split(":");
              mounts.put(parts[0], parts[1]);
            });
    return mounts;
  }
}
