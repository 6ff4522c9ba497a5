package dev.pageevents.source;

import static dev.pageevents.source.ConnectTestCluster.config;
import static dev.pageevents.source.ConnectTestCluster.eventIds;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP ingest in a real Connect runtime: durable 200s, 400 naming the line, 429 when full. */
class HttpIngestIT {
  private static final String TOKEN = "s3cret";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static ConnectTestCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = ConnectTestCluster.start("http-ingest-it", 1, Map.of());
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  private static String event(String id) {
    return "{\"eventId\":\""
        + id
        + "\",\"page\":\"/home\",\"user\":\"u1\","
        + "\"timestamp\":\"2024-05-01T12:00:00Z\",\"durationMs\":1200}";
  }

  private static HttpRequest post(int port, String body, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events"))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.build();
  }

  private static HttpResponse<String> send(int port, String body, String token) throws Exception {
    return HTTP.send(post(port, body, token), HttpResponse.BodyHandlers.ofString());
  }

  private static int startHttpConnector(String name, Map<String, String> settings)
      throws InterruptedException {
    int port = ConnectTestCluster.freePort();
    cluster.connect().kafka().createTopic(name, 1);
    Map<String, String> config = config(name, 1, settings);
    config.put("mode", "http");
    config.put("http.port", Integer.toString(port));
    cluster.connect().configureConnector(name, config);
    cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 1, "running");
    return port;
  }

  @Test
  void shouldAnswer200OnlyOnceTheEventsAreInKafka() throws Exception {
    String topic = "http-good";
    int port = startHttpConnector(topic, Map.of("http.bearer.token", TOKEN));

    assertThat(send(port, event("one"), TOKEN).body()).isEqualTo("{\"accepted\":1}");
    HttpResponse<String> array = send(port, "[" + event("two") + "," + event("three") + "]", TOKEN);
    assertThat(array.statusCode()).isEqualTo(200);
    HttpResponse<String> ndjson = send(port, event("four") + "\n" + event("five") + "\n", TOKEN);
    assertThat(ndjson.body()).isEqualTo("{\"accepted\":2}");
    HttpResponse<String> noToken = send(port, event("six"), null);
    assertThat(noToken.statusCode()).isEqualTo(401);

    // No waiting: a 200 means the events are already durable in the topic.
    assertThat(eventIds(cluster.readAll(topic, false)))
        .containsExactly("one", "two", "three", "four", "five");
  }

  @Test
  void shouldWriteEventsOfEitherInputFormatInTheCourseFormatWhenAsked() throws Exception {
    String topic = "http-course";
    int port = startHttpConnector(topic, Map.of("event.format", "course"));
    String courseInput =
        "{\"name\":\"/cart\",\"user\":\"u2\",\"date\":\"2024-05-01T12:00:01.5Z\","
            + "\"duration\":300}";

    assertThat(send(port, event("one") + "\n" + courseInput, null).body())
        .isEqualTo("{\"accepted\":2}");

    assertThat(ConnectTestCluster.texts(cluster.readAll(topic, false)))
        .containsExactly(
            "{\"name\":\"/home\",\"user\":\"u1\",\"date\":\"2024-05-01T12:00:00.000Z\","
                + "\"duration\":1200}",
            "{\"name\":\"/cart\",\"user\":\"u2\",\"date\":\"2024-05-01T12:00:01.500Z\","
                + "\"duration\":300}");
  }

  @Test
  void shouldAnswer400NamingTheLineAndWriteNothingOfABadRequest() throws Exception {
    String topic = "http-bad";
    int port = startHttpConnector(topic, Map.of());

    HttpResponse<String> missingField =
        send(port, event("bad-1") + "\n{\"eventId\":\"bad-2\",\"user\":\"u\"}\n", null);
    assertThat(missingField.statusCode()).isEqualTo(400);
    assertThat(missingField.body()).contains("line 2").contains("'page' is missing");
    HttpResponse<String> notJson = send(port, event("bad-3") + "\n{\"page\": oops}", null);
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).contains("line 2").contains("not valid JSON");
    HttpResponse<String> wrongType = send(port, event("bad-4").replace("1200", "\"long\""), null);
    assertThat(wrongType.body()).contains("line 1").contains("durationMs");

    assertThat(send(port, event("good"), null).statusCode()).isEqualTo(200);
    assertThat(eventIds(cluster.readAll(topic, false))).containsExactly("good");
  }

  @Test
  void shouldAnswer429WithRetryAfterWhenTheQueueIsFull() throws Exception {
    String topic = "http-full";
    int port = startHttpConnector(topic, Map.of("http.queue.capacity", "4"));
    cluster.connect().pauseConnector(topic);
    cluster.connect().assertions().assertConnectorAndExactlyNumTasksArePaused(topic, 1, "paused");

    // 5 events for 4 places while the task is paused: whichever request comes second gets 429.
    CompletableFuture<HttpResponse<String>> four =
        HTTP.sendAsync(
            post(port, String.join("\n", event("a"), event("b"), event("c"), event("d")), null),
            HttpResponse.BodyHandlers.ofString());
    CompletableFuture<HttpResponse<String>> one =
        HTTP.sendAsync(post(port, event("e"), null), HttpResponse.BodyHandlers.ofString());
    CompletableFuture.anyOf(four, one).get(30, TimeUnit.SECONDS);
    HttpResponse<String> rejected = (four.isDone() ? four : one).get();
    assertThat(rejected.statusCode()).isEqualTo(429);
    assertThat(rejected.headers().firstValue("Retry-After")).hasValue("1");

    cluster.connect().resumeConnector(topic);
    HttpResponse<String> accepted = (four.isDone() ? one : four).get(30, TimeUnit.SECONDS);
    assertThat(accepted.statusCode()).isEqualTo(200);
    List<String> expected = accepted == four.get() ? List.of("a", "b", "c", "d") : List.of("e");
    assertThat(eventIds(cluster.readAll(topic, false))).containsExactlyElementsOf(expected);
  }
}
