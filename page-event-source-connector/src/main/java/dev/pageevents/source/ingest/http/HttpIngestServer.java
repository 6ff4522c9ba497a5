package dev.pageevents.source.ingest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pageevents.core.event.PageEvent;
import dev.pageevents.source.emit.RecordFactory;
import dev.pageevents.source.ingest.BadInputException;
import dev.pageevents.source.ingest.EventBodyParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /events}: parses the body, queues its events for the task, and answers only after
 * Kafka has acknowledged all of them (200), so a 2xx means durable. Bad input gets 400 naming the
 * line, a full queue 429 with Retry-After, a missing or wrong bearer token 401, a body over
 * http.max.body.bytes 413; a client that takes longer than http.request.timeout.ms to send its
 * request is disconnected ({@link RequestDeadlines}).
 */
public final class HttpIngestServer implements AutoCloseable {
  public static final String PATH = "/events";

  private static final Logger LOG = LoggerFactory.getLogger(HttpIngestServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<Integer> OPEN_PORTS = ConcurrentHashMap.newKeySet();

  private final HttpIngestSettings settings;
  private final EventBodyParser parser;
  private final RecordFactory records;
  private final LinkedBlockingQueue<IngestRecord> queue = new LinkedBlockingQueue<>();
  private final Set<IngestBatch> waiting = ConcurrentHashMap.newKeySet();
  private final Semaphore capacity;
  private final HttpServer server;
  private final ExecutorService executor;
  private final RequestDeadlines deadlines;
  private volatile boolean closed;

  public HttpIngestServer(
      HttpIngestSettings settings, EventBodyParser parser, RecordFactory records) {
    this.settings = settings;
    this.parser = parser;
    this.records = records;
    this.capacity = new Semaphore(settings.queueCapacity());
    try {
      server = HttpServer.create(new InetSocketAddress(settings.bindAddress(), settings.port()), 0);
    } catch (IOException e) {
      throw new ConnectException(
          "Cannot listen on http.bind.address "
              + settings.bindAddress()
              + " http.port "
              + settings.port()
              + " ("
              + e.getMessage()
              + "); pick a free port",
          e);
    }
    // One thread per connection being served, up to http.threads; idle ones end after a while.
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            settings.threads(),
            settings.threads(),
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>());
    pool.allowCoreThreadTimeOut(true);
    executor = pool;
    deadlines = new RequestDeadlines(settings.requestTimeoutMs(), port());
    server.setExecutor(deadlines.wrap(executor));
    server.createContext(PATH, this::handle);
    server.start();
    OPEN_PORTS.add(port());
    LOG.info("HTTP ingest listening on {}:{}{}", settings.bindAddress(), port(), PATH);
  }

  /** Whether a server of this connector listens on the port in this JVM (e.g. the running task). */
  public static boolean isOpenHere(int port) {
    return OPEN_PORTS.contains(port);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Waits briefly for the first queued record, then takes what else is there, up to max. */
  List<IngestRecord> take(int max, long waitMs) throws InterruptedException {
    IngestRecord first = queue.poll(waitMs, TimeUnit.MILLISECONDS);
    if (first == null) {
      return List.of();
    }
    List<IngestRecord> taken = new ArrayList<>(Math.min(max, queue.size() + 1));
    taken.add(first);
    queue.drainTo(taken, max - 1);
    return taken;
  }

  /** Kafka acknowledged a record: free its queue slot and count it for its request. */
  void acknowledged(IngestRecord record) {
    capacity.release();
    record.batch().acknowledged();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!PATH.equals(exchange.getRequestURI().getPath())) {
        respond(exchange, 404, Map.of("error", "not found; POST events to " + PATH));
      } else if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        respond(exchange, 405, Map.of("error", "use POST"));
      } else if (!authorised(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        respond(exchange, 401, Map.of("error", "missing or wrong bearer token"));
      } else {
        ingest(exchange);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("HTTP ingest request failed", e);
      respond(exchange, 500, Map.of("error", String.valueOf(e.getMessage())));
    }
  }

  private boolean authorised(String header) {
    if (settings.bearerToken() == null) {
      return true;
    }
    byte[] expected = ("Bearer " + settings.bearerToken()).getBytes(StandardCharsets.UTF_8);
    byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, given);
  }

  private void ingest(HttpExchange exchange) throws IOException, InterruptedException {
    byte[] body = readBody(exchange.getRequestBody());
    deadlines.requestRead();
    if (body == null) {
      respond(
          exchange,
          413,
          Map.of("error", "body exceeds http.max.body.bytes=" + settings.maxBodyBytes()));
      return;
    }
    List<PageEvent> events;
    try {
      events = parser.parse(body);
    } catch (BadInputException e) {
      respond(exchange, 400, Map.of("error", e.getMessage(), "line", e.line()));
      return;
    }
    if (events.size() > settings.queueCapacity()) {
      respond(
          exchange,
          413,
          Map.of(
              "error",
              events.size()
                  + " events exceed http.queue.capacity="
                  + settings.queueCapacity()
                  + "; send smaller requests"));
      return;
    }
    if (closed || !capacity.tryAcquire(events.size())) {
      exchange.getResponseHeaders().set("Retry-After", "1");
      respond(exchange, 429, Map.of("error", "the queue is full; retry after 1 second"));
      return;
    }
    IngestBatch batch = new IngestBatch(events.size());
    if (events.isEmpty()) {
      batch.done().complete(null);
    }
    waiting.add(batch);
    for (PageEvent event : events) {
      queue.add(new IngestRecord(records, event, batch));
    }
    awaitAcknowledgement(exchange, batch, events.size());
  }

  private void awaitAcknowledgement(HttpExchange exchange, IngestBatch batch, int count)
      throws IOException, InterruptedException {
    try {
      batch.done().get(settings.ackTimeoutMs(), TimeUnit.MILLISECONDS);
      respond(exchange, 200, Map.of("accepted", count));
    } catch (TimeoutException e) {
      respond(
          exchange,
          503,
          Map.of(
              "error",
              "Kafka did not acknowledge within http.ack.timeout.ms="
                  + settings.ackTimeoutMs()
                  + "; the events may still be written"));
    } catch (ExecutionException e) {
      respond(exchange, 503, Map.of("error", "not written: " + e.getCause().getMessage()));
    } finally {
      waiting.remove(batch);
    }
  }

  /** The body, or null when it is longer than the limit. */
  private byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(settings.maxBodyBytes() + 1);
    return body.length > settings.maxBodyBytes() ? null : body;
  }

  private static void respond(HttpExchange exchange, int status, Map<String, ?> body)
      throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /** Stops listening; requests still waiting get 503 because the task is stopping. */
  @Override
  public void close() {
    closed = true;
    ConnectException stopping = new ConnectException("the connector task is stopping");
    waiting.forEach(batch -> batch.fail(stopping));
    OPEN_PORTS.remove(port());
    server.stop(1);
    deadlines.close();
    executor.shutdownNow();
    LOG.info("HTTP ingest on port {} closed", port());
  }
}
