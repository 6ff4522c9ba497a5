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
import dev.pageevents.core.sink.StoreWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  @Override
  public void write(List<PageEventRecord> batch) throws Exception {
    List<BoundStatement> byPage = new ArrayList<>(batch.size());
    List<BoundStatement> byUser = new ArrayList<>(batch.size());
    for (PageEventRecord record : batch) {
      PageEvent event = record.event();
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
