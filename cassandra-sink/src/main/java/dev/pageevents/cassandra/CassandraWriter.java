package dev.pageevents.cassandra;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.RequestThrottlingException;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.datastax.oss.driver.api.core.connection.BusyConnectionException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.ConnectionInitException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.servererrors.BootstrappingException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.QueryConsistencyException;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.sink.ErrorKind;
import dev.pageevents.core.sink.PageEventRecord;
import dev.pageevents.core.sink.RejectedRecordsException;
import dev.pageevents.core.sink.StoreWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Writes each page event as one row in each query table with prepared, idempotent INSERTs, sent
 * asynchronously with at most {@code max.concurrent.requests} in flight; optionally grouped into
 * UNLOGGED batches per partition. A batch returns only when every statement is acknowledged at the
 * configured consistency. Replays are harmless: event_id is part of the primary key.
 */
public final class CassandraWriter implements StoreWriter {
  private final CqlSession session;
  private final CassandraSinkConfig config;
  private final PreparedStatement insertByPage;
  private final PreparedStatement insertByUser;
  private final InFlightWindow window;

  public CassandraWriter(CqlSession session, CassandraSinkConfig config) {
    this.session = session;
    this.config = config;
    String keyspace = config.keyspace().asCql(true);
    this.insertByPage = session.prepare(insertCql(keyspace, CassandraSchema.PAGE_TABLE, "page"));
    this.insertByUser = session.prepare(insertCql(keyspace, CassandraSchema.USER_TABLE, "user"));
    this.window = new InFlightWindow(config.maxConcurrentRequests());
  }

  /** The INSERT of one table: the table's key column first, the other one as a regular column. */
  static String insertCql(String keyspaceCql, String table, String key) {
    String other = "page".equals(key) ? "user" : "page";
    return "INSERT INTO "
        + keyspaceCql
        + "."
        + table
        + " ("
        + key
        + ", day, ts, event_id, "
        + other
        + ", duration_ms) VALUES (?, ?, ?, ?, ?, ?) USING TTL ?";
  }

  /** Longest partition key component Cassandra stores: its length is serialized in 2 bytes. */
  static final int MAX_KEY_BYTES = 65_535;

  /**
   * Writes both rows of every event; an event whose page or user is too long to be a partition key
   * is left out whole (not one row of two) and reported as rejected after the others are written.
   */
  @Override
  public void write(List<PageEventRecord> batch) throws Exception {
    List<BoundStatement> byPage = new ArrayList<>(batch.size());
    List<BoundStatement> byUser = new ArrayList<>(batch.size());
    Map<Integer, String> rejected = new TreeMap<>();
    for (int i = 0; i < batch.size(); i++) {
      PageEvent event = batch.get(i).event();
      String tooLong = tooLongKey(event);
      if (tooLong != null) {
        rejected.put(i, tooLong);
        continue;
      }
      String bucket = config.bucket().of(event.timestampMs());
      byPage.add(bind(insertByPage, event.page(), bucket, event, event.user()));
      byUser.add(bind(insertByUser, event.user(), bucket, event, event.page()));
    }
    List<Statement<?>> statements = new ArrayList<>(batch.size() * 2);
    if (config.batchByPartition()) {
      statements.addAll(partitionBatches(byPage));
      statements.addAll(partitionBatches(byUser));
    } else {
      statements.addAll(byPage);
      statements.addAll(byUser);
    }
    List<Supplier<CompletionStage<AsyncResultSet>>> requests = new ArrayList<>();
    for (Statement<?> statement : statements) {
      requests.add(() -> session.executeAsync(statement));
    }
    window.runAll(requests);
    if (!rejected.isEmpty()) {
      throw new RejectedRecordsException(rejected);
    }
  }

  /** Why the event's page or user cannot be a partition key, or null when both can. */
  static String tooLongKey(PageEvent event) {
    for (String[] field : new String[][] {{"page", event.page()}, {"user", event.user()}}) {
      int bytes = field[1].getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_KEY_BYTES) {
        return "field '"
            + field[0]
            + "' is "
            + bytes
            + " bytes in UTF-8; a Cassandra partition key holds at most "
            + MAX_KEY_BYTES
            + " (lower pageevent.max.string.length)";
      }
    }
    return null;
  }

  private BoundStatement bind(
      PreparedStatement insert, String key, String bucket, PageEvent event, String other) {
    return insert
        .bind(
            key,
            bucket,
            Instant.ofEpochMilli(event.timestampMs()),
            event.eventId(),
            other,
            event.durationMs(),
            config.ttlSeconds())
        .setIdempotent(true)
        .setConsistencyLevel(config.consistency());
  }

  /** UNLOGGED batches, each holding rows of one partition only (first two bound values). */
  private List<Statement<?>> partitionBatches(List<BoundStatement> rows) {
    Map<List<Object>, List<BoundStatement>> byPartition = new LinkedHashMap<>();
    for (BoundStatement row : rows) {
      List<Object> key = List.of(row.getString(0), row.getString(1));
      byPartition.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    int maxRows = config.batchPartitionMaxRows();
    List<Statement<?>> batches = new ArrayList<>();
    for (List<BoundStatement> partition : byPartition.values()) {
      for (int from = 0; from < partition.size(); from += maxRows) {
        List<BoundStatement> slice =
            partition.subList(from, Math.min(partition.size(), from + maxRows));
        batches.add(
            slice.size() == 1
                ? slice.get(0)
                : BatchStatement.builder(BatchType.UNLOGGED)
                    .addStatements(List.copyOf(slice))
                    .setIdempotence(true)
                    .setConsistencyLevel(config.consistency())
                    .build());
      }
    }
    return batches;
  }

  @Override
  public ErrorKind classify(Throwable error) {
    return classifyError(error);
  }

  /** TRANSIENT for timeouts/unavailable/overloaded, DATA for a rejected row, FATAL otherwise. */
  static ErrorKind classifyError(Throwable thrown) {
    Throwable error = InFlightWindow.unwrap(thrown);
    if (error instanceof AuthenticationException || error instanceof UnauthorizedException) {
      return ErrorKind.FATAL;
    }
    if (error instanceof AllNodesFailedException allFailed) {
      boolean auth =
          allFailed.getAllErrors().values().stream()
              .flatMap(List::stream)
              .anyMatch(e -> e instanceof AuthenticationException);
      return auth ? ErrorKind.FATAL : ErrorKind.TRANSIENT;
    }
    if (error instanceof InvalidQueryException) {
      return isMissingSchema(error.getMessage()) ? ErrorKind.FATAL : ErrorKind.DATA;
    }
    if (error instanceof QueryConsistencyException
        || error instanceof UnavailableException
        || error instanceof OverloadedException
        || error instanceof BootstrappingException
        || error instanceof DriverTimeoutException
        || error instanceof RequestThrottlingException
        || error instanceof ClosedConnectionException
        || error instanceof HeartbeatException
        || error instanceof BusyConnectionException
        || error instanceof ConnectionInitException) {
      return ErrorKind.TRANSIENT;
    }
    return ErrorKind.FATAL;
  }

  private static boolean isMissingSchema(String message) {
    String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
    return text.contains("keyspace")
        || text.contains("unconfigured table")
        || text.contains("undefined column")
        || text.contains("undefined name");
  }

  @Override
  public void close() {
    session.close();
  }
}
