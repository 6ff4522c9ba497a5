package dev.pageevents.reliability;

import static dev.pageevents.core.testing.Await.awaitValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pageevents.core.testing.TestEvents;
import dev.pageevents.core.view.GroundTruth;
import dev.pageevents.core.view.PageTotals;
import dev.pageevents.stack.RedisServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Protocol;

/**
 * Authentication, TLS and secrets, for real: the Redis sink writes over TLS (certificates made for
 * the test) as an ACL user whose password comes from Kafka's file config provider and whose
 * truststore password comes from the env provider; a connector whose password went stale fails
 * without its secret in the status trace, the worker log or the validate response.
 */
class SecretsIT {
  private static final String TRUSTSTORE_ENV = "PAGEEVENTS_IT_TRUSTSTORE_PASSWORD";
  private static final Path DIR = Path.of("target", "secrets-it").toAbsolutePath();
  private static RedisServer redis;
  private static TestCertificates certs;
  private static JedisPooled admin;
  private static final Map<String, RawTopic> TOPICS = new HashMap<>();
  private static int batches;

  @BeforeAll
  static void startTlsRedis() throws Exception {
    certs = TestCertificates.create(DIR, System.getenv(TRUSTSTORE_ENV));
    redis = RedisServer.tls("secrets-redis", certs.cert(), certs.key(), certs.ca());
    redis.start();
    admin = new JedisPooled(new HostAndPort("127.0.0.1", redis.port()));
  }

  @AfterAll
  static void stopRedis() {
    if (admin != null) {
      admin.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void shouldWriteOverTlsAsAnAclUserWithSecretsFromTheFileAndEnvConfigProviders() throws Exception {
    String secret = "file-secret-" + UUID.randomUUID();
    createUser("pe-provider", secret);
    Path secrets = Files.writeString(DIR.resolve("redis.properties"), "password=" + secret + "\n");
    String name = "secrets-provider";
    Map<String, String> config = tlsConfig(name, "pe-provider");
    config.put("redis.password", "${file:" + secrets + ":password}");
    config.put("redis.ssl.truststore.password", "${env:" + TRUSTSTORE_ENV + "}");

    List<ConsumerRecord<byte[], byte[]>> sent = produce(name, 40);
    Worker.connect().configureConnector(name, config);

    Map<String, PageTotals> truth = GroundTruth.of(sent).pages();
    awaitValue("the events in Redis, written over TLS", () -> stored(name), truth::equals);
    String shownConfig = get("/connectors/" + name + "/config");
    assertThat(shownConfig).contains("${file:").doesNotContain(secret);
    Worker.connect().deleteConnector(name);
  }

  @Test
  void shouldKeepAStalePasswordOutOfTheStatusTraceTheWorkerLogAndValidation() throws Exception {
    String secret = "stale-secret-" + UUID.randomUUID();
    createUser("pe-rotated", secret);
    String name = "secrets-stale";
    Map<String, String> config = tlsConfig(name, "pe-rotated");
    config.put("redis.password", secret);
    config.put("redis.ssl.truststore.password", System.getenv(TRUSTSTORE_ENV));
    List<ConsumerRecord<byte[], byte[]>> sent = produce(name, 20);
    Worker.connect().configureConnector(name, config);
    awaitValue(
        "the first events in Redis", () -> stored(name), GroundTruth.of(sent).pages()::equals);

    // Rotate the password in Redis only and drop the sink's authenticated connections.
    admin.sendCommand(Protocol.Command.ACL, "SETUSER", "pe-rotated", "resetpass", ">rotated");
    admin.sendCommand(Protocol.Command.CLIENT, "KILL", "USER", "pe-rotated");
    produce(name, 20);
    String trace =
        awaitValue(
            "the task to fail on the stale password",
            () -> {
              JsonNode status = Worker.status(name);
              JsonNode task = status == null ? null : status.path("tasks").path(0);
              return task != null && "FAILED".equals(task.path("state").asText())
                  ? task.path("trace").asText()
                  : null;
            },
            t -> t != null);
    assertThat(trace).containsAnyOf("WRONGPASS", "NOAUTH", "credentials");
    assertThat(trace).doesNotContain(secret);
    assertThat(Worker.statusText(name)).doesNotContain(secret);
    HttpResponse<String> validation = Worker.validate(config);
    assertThat(validation.body()).doesNotContain(secret).contains("refused the credentials");
    String log = Files.readString(Path.of("target", "worker.log"), StandardCharsets.UTF_8);
    assertThat(log).as("worker log").contains(name).doesNotContain(secret);
    Worker.connect().deleteConnector(name);
  }

  private static void createUser(String user, String password) {
    admin.sendCommand(
        Protocol.Command.ACL, "SETUSER", user, "reset", "on", ">" + password, "~*", "+@all");
  }

  private static Map<String, String> tlsConfig(String name, String user) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", Sink.REDIS.connectorClass);
    config.put("name", name);
    config.put("tasks.max", "1");
    config.put("topics", name);
    config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("redis.hosts", "127.0.0.1:" + redis.tlsPort());
    config.put("redis.ssl.enabled", "true");
    config.put("redis.ssl.truststore.location", certs.truststore().toString());
    config.put("redis.username", user);
    config.put("redis.key.prefix", name);
    config.put("redis.hash.groups", "1");
    config.put("max.retries", "2");
    config.put("retry.backoff.ms", "100");
    config.put("retry.backoff.max.ms", "200");
    return config;
  }

  private static List<ConsumerRecord<byte[], byte[]>> produce(String name, int count) {
    List<byte[][]> values = new ArrayList<>();
    for (String json : TestEvents.json(++batches, count, 5, 5)) {
      values.add(new byte[][] {null, json.getBytes(StandardCharsets.UTF_8)});
    }
    return TOPICS.computeIfAbsent(name, RawTopic::new).produce(values);
  }

  /** Per-page totals under the connector's prefix (one group), read on the plain port. */
  private static Map<String, PageTotals> stored(String prefix) {
    Map<String, PageTotals> pages = new TreeMap<>();
    for (String page : admin.zrange(prefix + ":{0}:top", 0, -1)) {
      Map<String, String> hash = admin.hgetAll(prefix + ":{0}:page:" + page);
      pages.put(
          page,
          new PageTotals(
              page,
              Long.parseLong(hash.getOrDefault("visits", "0")),
              Long.parseLong(hash.getOrDefault("durationMs", "0"))));
    }
    return pages;
  }

  private static String get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(Worker.stack().connectUrl() + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
