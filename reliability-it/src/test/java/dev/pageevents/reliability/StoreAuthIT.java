package dev.pageevents.reliability;

import static dev.pageevents.core.testing.Await.awaitValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.pageevents.core.testing.TestEvents;
import dev.pageevents.core.view.GroundTruth;
import dev.pageevents.core.view.PageTotals;
import dev.pageevents.stack.CassandraServer;
import dev.pageevents.stack.Neo4jServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.SessionConfig;

/**
 * Stores with authentication on, for real: Neo4j with basic auth and Cassandra with
 * PasswordAuthenticator, each written by its sink with a password from Kafka's file config
 * provider; a wrong password is reported by {@code /validate} on a credentials field, without the
 * secret in the response.
 */
class StoreAuthIT {
  private static final Path DIR = Path.of("target", "store-auth-it").toAbsolutePath();

  @Test
  void shouldWriteToNeo4jWithBasicAuthAndReportAWrongPasswordOnItsField() throws Exception {
    String password = "neo4j-it-" + UUID.randomUUID();
    try (Neo4jServer neo4j = Neo4jServer.withAuth("auth-neo4j")) {
      neo4j.start();
      try (Driver initial =
              GraphDatabase.driver(neo4j.endpoint(), AuthTokens.basic("neo4j", "neo4j"));
          var system = initial.session(SessionConfig.forDatabase("system"))) {
        system
            .run("ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO $pw", Map.of("pw", password))
            .consume();
      }
      Map<String, String> config = Sink.NEO4J.connectorConfig("auth-neo4j", "auth_neo4j");
      config.put("neo4j.uri", neo4j.endpoint());
      config.put("neo4j.username", "neo4j");
      config.put("neo4j.password", "${file:" + secretFile("neo4j", password) + ":password}");
      List<ConsumerRecord<byte[], byte[]>> sent = produce("auth-neo4j");
      Worker.connect().configureConnector("auth-neo4j", config);

      Map<String, PageTotals> truth = GroundTruth.of(sent).pages();
      try (Driver driver =
          GraphDatabase.driver(neo4j.endpoint(), AuthTokens.basic("neo4j", password))) {
        awaitValue("the events in Neo4j", () -> Sink.neo4jTotals(driver), truth::equals);
      }
      Worker.connect().deleteConnector("auth-neo4j");

      assertWrongPasswordReported(config, "neo4j.password", "neo4j.password");
    }
  }

  @Test
  void shouldWriteToCassandraWithPasswordAuthAndReportAWrongPasswordOnTheCredentials()
      throws Exception {
    String password = "cassandra-it-" + UUID.randomUUID();
    try (CassandraServer cassandra = CassandraServer.withPasswordAuth("auth-cassandra")) {
      cassandra.start();
      // The superuser cassandra/cassandra is created shortly after CQL opens.
      awaitValue(
          "a writer role created by the superuser",
          () -> {
            try (CqlSession admin = session(cassandra, "cassandra", "cassandra")) {
              admin.execute(
                  "CREATE ROLE IF NOT EXISTS pe_writer WITH PASSWORD = '"
                      + password
                      + "' AND LOGIN = true");
              admin.execute("GRANT ALL PERMISSIONS ON ALL KEYSPACES TO pe_writer");
              return true;
            }
          },
          created -> created);
      Map<String, String> config = Sink.CASSANDRA.connectorConfig("auth-cassandra", "auth_cql");
      config.put("cassandra.hosts", cassandra.endpoint());
      config.put("cassandra.username", "pe_writer");
      config.put(
          "cassandra.password", "${file:" + secretFile("cassandra", password) + ":password}");
      List<ConsumerRecord<byte[], byte[]>> sent = produce("auth-cassandra");
      Worker.connect().configureConnector("auth-cassandra", config);

      Map<String, PageTotals> truth = GroundTruth.of(sent).pages();
      try (CqlSession reader = session(cassandra, "pe_writer", password)) {
        awaitValue(
            "the events in Cassandra",
            () -> Sink.cassandraTotals(reader, "auth_cql"),
            truth::equals);
      }
      Worker.connect().deleteConnector("auth-cassandra");

      assertWrongPasswordReported(config, "cassandra.username", "credentials");
    }
  }

  /** The same config with a wrong literal password: an error on the field, never the secret. */
  private static void assertWrongPasswordReported(
      Map<String, String> config, String field, String phrase) throws Exception {
    String wrong = "wrong-" + UUID.randomUUID();
    Map<String, String> bad = new HashMap<>(config);
    bad.put("name", "auth-wrong");
    bad.put(field.startsWith("neo4j") ? "neo4j.password" : "cassandra.password", wrong);
    HttpResponse<String> response = Worker.validate(bad);
    assertThat(response.body()).doesNotContain(wrong);
    List<String> errors = new ArrayList<>();
    Worker.json()
        .readTree(response.body())
        .path("configs")
        .forEach(
            c -> {
              if (c.path("value").path("name").asText().equals(field)) {
                c.path("value").path("errors").forEach(e -> errors.add(e.asText()));
              }
            });
    assertThat(errors).as(response.body()).anyMatch(e -> e.contains(phrase));
  }

  private static CqlSession session(CassandraServer cassandra, String user, String password) {
    return CqlSession.builder()
        .addContactPoints(cassandra.contactPoints())
        .withLocalDatacenter(cassandra.localDatacenter())
        .withAuthCredentials(user, password)
        .build();
  }

  private static Path secretFile(String name, String password) throws Exception {
    Files.createDirectories(DIR);
    return Files.writeString(DIR.resolve(name + ".properties"), "password=" + password + "\n");
  }

  private static List<ConsumerRecord<byte[], byte[]>> produce(String topic) {
    List<byte[][]> values = new ArrayList<>();
    for (String json : TestEvents.json(topic.hashCode(), 40, 5, 6)) {
      values.add(new byte[][] {null, json.getBytes(StandardCharsets.UTF_8)});
    }
    return new RawTopic(topic).produce(values);
  }
}
