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
 *
 * <p>The benchmark knows the sink only through its public configuration and the two query tables
 * its README documents ({@code visits_by_page_day}: partition {@code (page, day)}, and {@code
 * visits_by_user_day}: partition {@code (user, day)}, each row {@code ts, event_id} plus the other
 * name and {@code duration_ms}; {@code day} is the UTC date, the sample config's {@code
 * bucket=day}). The native baseline writes the same rows into those tables (created by the sink's
 * earlier run) with its own statements, {@link #INSERT_BY_PAGE} and {@link #INSERT_BY_USER}, at the
 * sample config's {@code consistency.level=LOCAL_QUORUM}; {@link #written} counts the by-page rows
 * with one partition read per page, as a user would.
 */
public final class CassandraTarget implements SinkTarget {
  static final String KEYSPACE = "bench";
  private static final int CHUNK = 10_000;
  private static final int MAX_BATCH_ROWS = 100;
  private static final int IN_FLIGHT = 64;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final String INSERT_BY_PAGE =
      "INSERT INTO "
          + KEYSPACE
          + ".visits_by_page_day (page, day, ts, event_id, user, duration_ms)"
          + " VALUES (?, ?, ?, ?, ?, ?)";
  private static final String INSERT_BY_USER =
      "INSERT INTO "
          + KEYSPACE
          + ".visits_by_user_day (user, day, ts, event_id, page, duration_ms)"
          + " VALUES (?, ?, ?, ?, ?, ?)";

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
    server.fullJit(); // as a production server runs: C1 alone doubles its CPU per write
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
        "cassandra.hosts",
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
    PreparedStatement byPage = session.prepare(INSERT_BY_PAGE);
    PreparedStatement byUser = session.prepare(INSERT_BY_USER);
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (int from = 0; from < events.size(); from += CHUNK) {
      List<PageEvent> chunk = events.subList(from, Math.min(events.size(), from + CHUNK));
      Map<String, List<BoundStatement>> partitions = new LinkedHashMap<>();
      for (PageEvent event : chunk) {
        Instant ts = Instant.ofEpochMilli(event.timestampMs());
        String day = DAY.format(ts);
        long duration = event.durationMs();
        partitions
            .computeIfAbsent("p\u0000" + event.page() + day, k -> new ArrayList<>())
            .add(
                byPage
                    .bind(event.page(), day, ts, event.eventId(), event.user(), duration)
                    .setConsistencyLevel(DefaultConsistencyLevel.LOCAL_QUORUM));
        partitions
            .computeIfAbsent("u\u0000" + event.user() + day, k -> new ArrayList<>())
            .add(
                byUser
                    .bind(event.user(), day, ts, event.eventId(), event.page(), duration)
                    .setConsistencyLevel(DefaultConsistencyLevel.LOCAL_QUORUM));
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
