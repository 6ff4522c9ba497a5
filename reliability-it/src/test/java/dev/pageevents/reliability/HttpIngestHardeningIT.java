package dev.pageevents.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source connector's HTTP ingest, run from its archive in a real worker, under hostile clients:
 * no or a wrong bearer token (401), an oversized body (413), and a slowloris crowd of connections
 * that never finish their headers (more than http.threads), while a normal client must still get
 * through within a bound: slow connections are closed after http.request.timeout.ms.
 */
class HttpIngestHardeningIT {
  private static final Logger log = LoggerFactory.getLogger(HttpIngestHardeningIT.class);
  private static final String NAME = "http-hardening";
  private static final String TOKEN = "ingest-token-for-tests";
  private static final int MAX_BODY = 4096;

  /** More slow clients than the default 64 http.threads. */
  private static final int SLOW_CLIENTS = 100;

  private static final long REQUEST_TIMEOUT_MS = 2_000;

  /** How long a normal request may take while the slow clients hold their connections. */
  private static final Duration BOUND = Duration.ofSeconds(10);

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static int port;

  @BeforeAll
  static void startHttpSource() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Worker.connect().kafka().createTopic(NAME, 1);
    Map<String, String> config = new HashMap<>(BadConfigIT.baseConfig("SOURCE"));
    config.put("topic", NAME);
    config.put("mode", "http");
    config.put("http.bind.address", "127.0.0.1");
    config.put("http.port", Integer.toString(port));
    config.put("http.bearer.token", TOKEN);
    config.put("http.max.body.bytes", Integer.toString(MAX_BODY));
    config.put("http.request.timeout.ms", Long.toString(REQUEST_TIMEOUT_MS));
    config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    config.put("value.converter.schemas.enable", "false");
    Worker.connect().configureConnector(NAME, config);
    Worker.connect()
        .assertions()
        .assertConnectorAndExactlyNumTasksAreRunning(NAME, 1, "HTTP source not running");
  }

  @AfterAll
  static void stopHttpSource() {
    Worker.connect().deleteConnector(NAME);
  }

  @Test
  void shouldAnswer401WithoutOrWithAWrongBearerTokenAnd200WithTheRightOne() throws Exception {
    assertThat(send(event("no-token"), null).statusCode()).isEqualTo(401);
    assertThat(send(event("wrong"), "Bearer not-the-token").statusCode()).isEqualTo(401);
    assertThat(send(event("basic"), "Basic " + TOKEN).statusCode()).isEqualTo(401);
    HttpResponse<String> ok = send(event("right"), "Bearer " + TOKEN);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
  }

  @Test
  void shouldAnswer413ToABodyOverTheLimit() throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 0; body.length() <= MAX_BODY; i++) {
      body.append(event("big-" + i)).append('\n');
    }
    HttpResponse<String> tooBig = send(body.toString(), "Bearer " + TOKEN);
    assertThat(tooBig.statusCode()).isEqualTo(413);
    assertThat(tooBig.body()).contains("http.max.body.bytes=" + MAX_BODY);
  }

  @Test
  void shouldServeANormalClientWithinTheBoundWhileManySlowClientsHoldConnections()
      throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < SLOW_CLIENTS; i++) {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        OutputStream out = socket.getOutputStream();
        // Half a request line and no end of headers: the slowloris pattern.
        out.write(
            "POST /events HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        slow.add(socket);
      }
      drip(slow);
      long start = System.nanoTime();
      HttpResponse<String> normal = send(event("while-slow"), "Bearer " + TOKEN);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      log.info(
          "a normal request took {} ms with {} slow clients open", took.toMillis(), slow.size());
      assertThat(normal.statusCode()).isEqualTo(200);
      assertThat(took).isLessThan(BOUND);
    } finally {
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  /** One more byte from every slow client, as a slowloris keeps its connections alive. */
  private static void drip(List<Socket> slow) {
    for (Socket socket : slow) {
      try {
        socket.getOutputStream().write('a');
      } catch (IOException closedByServer) {
        // the server may already have dropped it: that is allowed
      }
    }
  }

  private static HttpResponse<String> send(String body, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events"))
            .timeout(BOUND.multipliedBy(3))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String event(String id) {
    return "{\"eventId\":\""
        + id
        + "\",\"page\":\"/h\",\"user\":\"u\",\"timestamp\":"
        + System.currentTimeMillis()
        + ",\"durationMs\":5}";
  }
}
