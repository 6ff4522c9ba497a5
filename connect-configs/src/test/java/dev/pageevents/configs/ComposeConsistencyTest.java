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
