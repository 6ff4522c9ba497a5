package dev.pageevents.pipeline.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pageevents.configs.ConnectRestClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The live view: a small page (static resources) and its read-only JSON endpoints, served on
 * localhost by the JDK's HTTP server. Every endpoint answers GET (and HEAD) only, anything else is
 * 405; nothing here writes to a store, a topic or a connector.
 */
public final class LiveServer implements AutoCloseable {
  public static final int DEFAULT_PORT = 8090;
  private static final String WEB = "/dev/pageevents/pipeline/live/web/";
  private static final Map<String, String> STATIC =
      Map.of(
          "/", "index.html text/html",
          "/index.html", "index.html text/html",
          "/live.js", "live.js text/javascript",
          "/live.css", "live.css text/css");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer http;
  private final ExecutorService executor;
  private final List<AutoCloseable> parts = new ArrayList<>();

  /** An endpoint: the query parameters in, a record to serialise out. */
  private interface Endpoint {
    Object answer(Map<String, String> query);
  }

  private LiveServer(HttpServer http, ExecutorService executor) {
    this.http = http;
    this.executor = executor;
  }

  /**
   * Starts serving {@code target} on localhost.
   *
   * @param port the port, 0 for any free one
   */
  public static LiveServer start(LiveTarget target, int port) {
    return start(target, port, Map.of());
  }

  /**
   * Like {@link #start(LiveTarget, int)}, also showing whether each node of {@code nodes} (per
   * system, its endpoints) is up.
   */
  public static LiveServer start(LiveTarget target, int port, Map<String, List<String>> nodes) {
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not serve the live view on port " + port, e);
    }
    ExecutorService executor =
        Executors.newFixedThreadPool(
            8,
            r -> {
              Thread thread = new Thread(r, "live-http");
              thread.setDaemon(true);
              return thread;
            });
    http.setExecutor(executor);
    LiveServer server = new LiveServer(http, executor);
    try {
      server.routes(target, new LinkedHashMap<>(nodes));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    http.start();
    return server;
  }

  private void routes(LiveTarget target, Map<String, List<String>> nodes) {
    SinkStates sinks = part(new SinkStates(target));
    CompareCache compare = part(new CompareCache(target, sinks::lag));
    SeriesReader series = SeriesReader.open(target).map(this::part).orElse(null);
    ConnectRestClient connect = new ConnectRestClient(target.connectUrl());
    http.createContext("/", this::serveStatic);
    api("/api/series", q -> series(series, q));
    api("/api/sinks", q -> sinks.read());
    api("/api/compare", q -> compare.latest());
    api("/api/connect", q -> ConnectStates.read(connect));
    api("/api/nodes", q -> NodeStates.probe(nodes));
  }

  private static Object series(SeriesReader series, Map<String, String> query) {
    if (series == null) {
      throw new IllegalStateException(
          "No config of a sink whose store keeps time buckets (the Redis sink): the chart"
              + " reads its bucket counters");
    }
    String pages = query.getOrDefault("pages", "");
    return series.read(
        pages.isBlank() ? List.of() : Arrays.asList(pages.split(",")),
        bounded(query.get("top"), SeriesReader.DEFAULT_PAGES, SeriesReader.MAX_PAGES),
        bounded(query.get("buckets"), SeriesReader.DEFAULT_BUCKETS, SeriesReader.MAX_BUCKETS));
  }

  private static int bounded(String value, int fallback, int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Math.max(1, Math.min(max, Integer.parseInt(value.trim())));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a number, got '" + value + "'");
    }
  }

  private <T extends AutoCloseable> T part(T part) {
    parts.add(part);
    return part;
  }

  private void api(String path, Endpoint endpoint) {
    http.createContext(
        path,
        exchange -> {
          try (exchange) {
            if (!readOnly(exchange)) {
              return;
            }
            if (!exchange.getRequestURI().getPath().equals(path)) {
              send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
              return;
            }
            int status = 200;
            Object body;
            try {
              body = endpoint.answer(query(exchange.getRequestURI()));
            } catch (IllegalArgumentException e) {
              status = 400;
              body = Map.of("error", String.valueOf(e.getMessage()));
            } catch (RuntimeException e) {
              status = 503;
              body = Map.of("error", String.valueOf(e.getMessage()));
            }
            send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
          }
        });
  }

  private void serveStatic(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!readOnly(exchange)) {
        return;
      }
      String[] resource = STATIC.getOrDefault(exchange.getRequestURI().getPath(), "").split(" ");
      InputStream in =
          resource.length < 2 ? null : LiveServer.class.getResourceAsStream(WEB + resource[0]);
      if (in == null) {
        send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
        return;
      }
      try (in) {
        send(exchange, 200, resource[1] + "; charset=utf-8", in.readAllBytes());
      }
    }
  }

  /** True for GET and HEAD; otherwise answers 405 and returns false. */
  private static boolean readOnly(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    if (method.equals("GET") || method.equals("HEAD")) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
    send(exchange, 405, "text/plain", "read-only: GET only".getBytes(StandardCharsets.UTF_8));
    return false;
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> query = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      query.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return query;
  }

  /** Where the page is, e.g. http://localhost:8090/. */
  public String url() {
    return "http://localhost:" + http.getAddress().getPort() + "/";
  }

  /** Stops serving and closes every client. */
  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
    IllegalStateException failure = null;
    for (AutoCloseable part : parts) {
      try {
        part.close();
      } catch (Exception e) {
        failure =
            failure != null ? failure : new IllegalStateException("Could not close " + part, e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
