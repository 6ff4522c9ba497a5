package dev.pageevents.cassandra;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Metadata;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The sink's keyspace and its two query tables: one per access path, both holding every visit
 * (denormalised on purpose). Creates them when {@code schema.auto.create=true}, and always checks
 * that existing tables have the columns, keys and clustering order the writer relies on.
 */
public final class CassandraSchema {
  public static final String PAGE_TABLE = "visits_by_page_day";
  public static final String USER_TABLE = "visits_by_user_day";

  /** Visits of one page in one time bucket, newest first: one partition read. */
  public static final TableShape PAGE_SHAPE = shape(PAGE_TABLE, "page", "user");

  /** Visits of one user in one time bucket, newest first. */
  public static final TableShape USER_SHAPE = shape(USER_TABLE, "user", "page");

  private static final Duration DDL_TIMEOUT = Duration.ofSeconds(60);

  private final CqlIdentifier keyspace;

  public CassandraSchema(CqlIdentifier keyspace) {
    this.keyspace = keyspace;
  }

  private static TableShape shape(String table, String key, String other) {
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put(key, "text");
    columns.put("day", "text");
    columns.put("ts", "timestamp");
    columns.put("event_id", "text");
    columns.put(other, "text");
    columns.put("duration_ms", "bigint");
    return new TableShape(table, List.of(key, "day"), List.of("ts DESC", "event_id ASC"), columns);
  }

  /** The CREATE KEYSPACE statement for the configured replication. */
  static String createKeyspaceCql(CassandraSinkConfig config) {
    String replication;
    if (CassandraSinkConfig.NETWORK_TOPOLOGY_STRATEGY.equals(config.replicationStrategy())) {
      replication =
          config.datacenterFactors().entrySet().stream()
              .map(e -> ", '" + e.getKey() + "': " + e.getValue())
              .collect(Collectors.joining("", "{'class': 'NetworkTopologyStrategy'", "}"));
    } else {
      replication =
          "{'class': 'SimpleStrategy', 'replication_factor': " + config.replicationFactor() + "}";
    }
    return "CREATE KEYSPACE IF NOT EXISTS "
        + config.keyspace().asCql(true)
        + " WITH replication = "
        + replication;
  }

  /** Creates what is missing (keyspace, tables), then checks the tables as {@link #check} does. */
  public void create(CqlSession session, CassandraSinkConfig config) {
    execute(session, createKeyspaceCql(config));
    for (TableShape shape : List.of(PAGE_SHAPE, USER_SHAPE)) {
      execute(session, shape.createCql(keyspace.asCql(true)));
    }
    session.refreshSchema();
    failOnProblems(problems(session.getMetadata(), true));
  }

  /** Empties both query tables (those that exist); the keyspace and tables stay. */
  public void truncate(CqlSession session) {
    Optional<KeyspaceMetadata> found = session.getMetadata().getKeyspace(keyspace);
    for (TableShape shape : List.of(PAGE_SHAPE, USER_SHAPE)) {
      if (found.flatMap(ks -> ks.getTable(shape.name())).isPresent()) {
        execute(session, "TRUNCATE " + keyspace.asCql(true) + "." + shape.name());
      }
    }
  }

  /** Fails with a message naming every missing or different table and column. */
  public void check(CqlSession session) {
    failOnProblems(problems(session.getMetadata(), true));
  }

  /**
   * What is wrong with the schema: missing keyspace or tables (when {@code missingIsProblem}) and
   * every difference of an existing table from the expected shape.
   */
  public List<String> problems(Metadata metadata, boolean missingIsProblem) {
    Optional<KeyspaceMetadata> found = metadata.getKeyspace(keyspace);
    List<String> problems = new ArrayList<>();
    for (TableShape expected : List.of(PAGE_SHAPE, USER_SHAPE)) {
      Optional<TableMetadata> table = found.flatMap(ks -> ks.getTable(expected.name()));
      if (table.isPresent()) {
        problems.addAll(expected.mismatches(keyspace.asInternal(), TableShape.of(table.get())));
      } else if (missingIsProblem) {
        problems.add(
            found.isPresent()
                ? "table " + keyspace.asInternal() + "." + expected.name() + " does not exist"
                : "keyspace " + keyspace.asInternal() + " does not exist");
      }
    }
    return problems.stream().distinct().toList();
  }

  private void failOnProblems(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new ConnectException(describe(problems));
    }
  }

  /** One message for a list of schema problems, with what to do about them. */
  public static String describe(List<String> problems) {
    return "The Cassandra schema does not match what the sink writes: "
        + String.join("; ", problems)
        + ". Fix or drop the table (it is created with schema.auto.create=true), or point "
        + CassandraSinkConfig.KEYSPACE_CONFIG
        + " at another keyspace.";
  }

  private static void execute(CqlSession session, String cql) {
    session.execute(SimpleStatement.newInstance(cql).setTimeout(DDL_TIMEOUT));
  }
}
