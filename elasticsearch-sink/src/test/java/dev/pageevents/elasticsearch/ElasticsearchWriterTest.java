package dev.pageevents.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.sink.ErrorKind;
import dev.pageevents.core.sink.PageEventRecord;
import dev.pageevents.core.sink.RejectedRecordsException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The writer's request logic against a scripted HTTP endpoint that answers like Elasticsearch's
 * {@code _index_template} and {@code _bulk}: concurrency, splitting, per-item outcomes and the
 * credentials every bulk request carries.
 */
class ElasticsearchWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpServer server;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final CountDownLatch twoArrived = new CountDownLatch(2);
  private final Map<String, Integer> itemStatus = new ConcurrentHashMap<>();
  private final Map<String, String> indexedIn = new ConcurrentHashMap<>();
  private final AtomicInteger bulkRequests = new AtomicInteger();
  private final List<String> bulkAuthorizations = new CopyOnWriteArrayList<>();
  private volatile String requiredAuthorization;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/_index_template/", e -> respond(e, 200, "{\"acknowledged\":true}"));
    server.createContext("/_bulk", this::bulk);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void bulk(HttpExchange exchange) throws IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (requiredAuthorization != null && !requiredAuthorization.equals(authorization)) {
      exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"es\"");
      respond(exchange, 401, "{}");
      return;
    }
    bulkAuthorizations.add(String.valueOf(authorization));
    bulkRequests.incrementAndGet();
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      twoArrived.countDown();
      twoArrived.await(5, TimeUnit.SECONDS); // a sequential writer never gets a second request here
      String[] lines =
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("\n");
      ArrayNode items = JSON.createArrayNode();
      boolean errors = false;
      for (int i = 0; i + 1 < lines.length; i += 2) {
        JsonNode action = JSON.readTree(lines[i]).get("index");
        String id = action.get("_id").asText();
        int status = itemStatus.getOrDefault(id, 201);
        ObjectNode item = items.addObject().putObject("index");
        item.put("_index", action.get("_index").asText()).put("_id", id).put("status", status);
        if (status >= 300) {
          errors = true;
          item.putObject("error")
              .put("type", "document_parsing_exception")
              .put("reason", "bad " + id);
        } else {
          indexedIn.put(id, action.get("_index").asText());
          item.put("result", "created");
        }
      }
      ObjectNode body = JSON.createObjectNode().put("took", 1).put("errors", errors);
      body.set("items", items);
      respond(exchange, 200, body.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private ElasticsearchWriter writer(String... extra) {
    Map<String, String> props = new HashMap<>();
    props.put("elasticsearch.urls", "http://127.0.0.1:" + server.getAddress().getPort());
    props.put("bulk.max.actions", "100");
    props.put("max.in.flight.requests", "2");
    for (int i = 0; i < extra.length; i += 2) {
      props.put(extra[i], extra[i + 1]);
    }
    ElasticsearchSinkConfig config = new ElasticsearchSinkConfig(props);
    return new ElasticsearchWriter(ElasticsearchClients.transport(config), config);
  }

  private static List<PageEventRecord> batch(int count) {
    List<PageEventRecord> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      PageEvent event = new PageEvent("e" + i, "/p", "u", 1_700_000_000_000L + i * 3_600_000L, i);
      batch.add(new PageEventRecord(new SinkRecord("t", 0, null, null, null, null, i), event));
    }
    return batch;
  }

  @Test
  void shouldKeepTwoBulkRequestsInFlightAndIndexEveryDocumentInItsDailyIndex() throws Exception {
    try (ElasticsearchWriter writer = writer()) {
      writer.write(batch(200));
    }

    assertThat(bulkRequests.get()).isEqualTo(2);
    assertThat(maxInFlight.get()).isEqualTo(2);
    assertThat(indexedIn).hasSize(200);
    assertThat(indexedIn.get("e0")).isEqualTo("pageevents-2023.11.14");
    assertThat(indexedIn.get("e199")).isEqualTo("pageevents-2023.11.23");
  }

  @Test
  void shouldNameTheRejectedItemsByTheirIndexInTheWholeBatch() {
    itemStatus.put("e3", 400);
    itemStatus.put("e150", 400);

    try (ElasticsearchWriter writer = writer()) {
      assertThatThrownBy(() -> writer.write(batch(200)))
          .isInstanceOfSatisfying(
              RejectedRecordsException.class,
              e -> {
                assertThat(e.reasons().keySet()).containsExactly(3, 150);
                assertThat(e.reasons().get(150)).contains("document_parsing_exception: bad e150");
              });
    }
    assertThat(indexedIn).hasSize(198);
  }

  @Test
  void shouldRetryTheBatchWhenItemsAreThrottled() {
    itemStatus.put("e7", 429);
    itemStatus.put("e8", 400);

    try (ElasticsearchWriter writer = writer()) {
      assertThatThrownBy(() -> writer.write(batch(200)))
          .isInstanceOfSatisfying(
              ElasticsearchWriter.ItemsThrottledException.class,
              e -> assertThat(writer.classify(e)).isEqualTo(ErrorKind.TRANSIENT));
    }
  }

  @Test
  void shouldSendTheApiKeyWithEveryBulkRequest() throws Exception {
    try (ElasticsearchWriter writer = writer("elasticsearch.api.key", "a2V5OnNlY3JldA==")) {
      writer.write(batch(200));
    }

    assertThat(bulkAuthorizations).hasSize(2).containsOnly("ApiKey a2V5OnNlY3JldA==");
  }

  @Test
  void shouldAnswerABasicAuthChallengeOnBulkRequestsWithTheConfiguredCredentials()
      throws Exception {
    requiredAuthorization =
        "Basic "
            + Base64.getEncoder().encodeToString("elastic:s3cret".getBytes(StandardCharsets.UTF_8));

    try (ElasticsearchWriter writer =
        writer("elasticsearch.username", "elastic", "elasticsearch.password", "s3cret")) {
      writer.write(batch(200));
    }

    assertThat(indexedIn).hasSize(200);
    assertThat(bulkAuthorizations).containsOnly(requiredAuthorization);
  }
}
