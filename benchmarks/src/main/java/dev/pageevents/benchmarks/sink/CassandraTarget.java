package dev.pageevents.benchmarks.sink;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import dev.pageevents.core.event.PageEvent;
import dev.pageevents.stack.CassandraServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Cassandra 5.0.9 (one embedded node): each event is a row in the by-page and the by-user table;
 * the native baseline sends prepared INSERTs grouped into UNLOGGED batches per partition (at most
 * 100 rows), asynchronously with at most 64 requests in flight.
 */
public final class CassandraTarget implements SinkTarget {
  static final String KEYSPACE = "bench";
  private static final int CHUNK = 10_000;
  private static final int MAX_BATCH_ROWS = 100;
  private static final int IN_FLIGHT = 64;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private CassandraServer server;
  private CqlSession session;

  @Override
  public String name() {
    return "cassandra";
  }

  @Override
  public String archive() {
    return "cassandra-sink";
  }

  @Override
  public String sampleConfig() {
    return "cassandra-sink.json";
  }

  @Override
  public void start() {
    server = CassandraServer.create("bench-cassandra", 1);
    server.start();
    session =
        CqlSession.builder()
            .addContactPoints(server.contactPoints())
            .withLocalDatacenter(server.localDatacenter())
            .build();
  }

  @Override
  public InetSocketAddress address() {
    return server.contactPoints().get(0);
  }

  /**
   * The one node at {@code address}: the driver keeps the contact point's address for the node it
   * reached, so every connection of its pool goes there (through the proxy when it is one).
   */
  @Override
  public Map<String, String> connection(InetSocketAddress address) {
    return Map.of(
        "cassandra.contact.points",
        SinkTarget.hostPort(address),
        "cassandra.local.datacenter",
        server.localDatacenter(),
        "cassandra.keyspace",
        KEYSPACE);
  }

  @Override
  public void reset() {
    if (session.getMetadata().getKeyspace(KEYSPACE).isPresent()) {
      for (String table : List.of("visits_by_page_day", "visits_by_user_day")) {
        session.execute(
            com.datastax.oss.driver.api.core.cql.SimpleStatement.newInstance(
                    "TRUNCATE " + KEYSPACE + "." + table)
                .setTimeout(Duration.ofSeconds(60)));
      }
    }
  }

  @Override
  public void writeNative(List<PageEvent> events) throws Exception {
    PreparedStatement byPage = session.prepare(insert("visits_by_page_day", "page", "user"));
    PreparedStatement byUser = session.prepare(insert("visits_by_user_day", "user", "page"));
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (int from = 0; from < events.size(); from += CHUNK) {
      List<PageEvent> chunk = events.subList(from, Math.min(events.size(), from + CHUNK));
      Map<String, List<BoundStatement>> partitions = new LinkedHashMap<>();
      for (PageEvent event : chunk) {
        String day = DAY.format(Instant.ofEpochMilli(event.timestampMs()));
        partitions
            .computeIfAbsent("p\u0000" + event.page() + day, k -> new ArrayList<>())
            .add(bind(byPage, event.page(), day, event, event.user()));
        partitions
            .computeIfAbsent("u\u0000" + event.user() + day, k -> new ArrayList<>())
            .add(bind(byUser, event.user(), day, event, event.page()));
      }
      for (List<BoundStatement> rows : partitions.values()) {
        for (int i = 0; i < rows.size(); i += MAX_BATCH_ROWS) {
          List<BoundStatement> slice = rows.subList(i, Math.min(rows.size(), i + MAX_BATCH_ROWS));
          Statement<?> statement =
              slice.size() == 1
                  ? slice.get(0)
                  : BatchStatement.newInstance(BatchType.UNLOGGED, List.copyOf(slice));
          inFlight.acquire();
          session
              .executeAsync(statement)
              .whenComplete(
                  (ok, error) -> {
                    if (error != null) {
                      failure.compareAndSet(null, error);
                    }
                    inFlight.release();
                  });
        }
      }
      if (failure.get() != null) {
        break;
      }
    }
    inFlight.acquire(IN_FLIGHT);
    inFlight.release(IN_FLIGHT);
    if (failure.get() != null) {
      throw new IllegalStateException("Native Cassandra write failed", failure.get());
    }
  }

  private static String insert(String table, String key, String other) {
    return "INSERT INTO "
        + KEYSPACE
        + "."
        + table
        + " ("
        + key
        + ", day, ts, event_id, "
        + other
        + ", duration_ms) VALUES (?, ?, ?, ?, ?, ?)";
  }

  private static BoundStatement bind(
      PreparedStatement insert, String key, String day, PageEvent event, String other) {
    return insert
        .bind(
            key,
            day,
            Instant.ofEpochMilli(event.timestampMs()),
            event.eventId(),
            other,
            event.durationMs())
        .setConsistencyLevel(DefaultConsistencyLevel.LOCAL_QUORUM);
  }

  @Override
  public String nativeMethod() {
    return "java-driver-core 4.19 prepared INSERTs (2 rows/event), UNLOGGED batches per partition"
        + " (<=100 rows), 64 async requests in flight";
  }

  /** Rows of the by-page table, counted per page partition. */
  @Override
  public long written() {
    PreparedStatement count =
        session.prepare(
            "SELECT count(*) FROM " + KEYSPACE + ".visits_by_page_day WHERE page = ? AND day = ?");
    long total = 0;
    for (int page = 0; page < BenchEvents.PAGES; page++) {
      Row row =
          session
              .execute(
                  count
                      .bind(BenchEvents.page(page), "2026-01-01")
                      .setTimeout(Duration.ofSeconds(30)))
              .one();
      total += row == null ? 0 : row.getLong(0);
    }
    return total;
  }

  @Override
  public String server() {
    return "Cassandra 5.0.9, 1 node, -Xmx512m (embedded-stack)";
  }

  @Override
  public void close() {
    if (session != null) {
      session.close();
    }
    if (server != null) {
      server.close();
    }
  }
}
