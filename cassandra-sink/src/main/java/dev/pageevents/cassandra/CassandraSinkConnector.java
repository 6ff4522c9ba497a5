package dev.pageevents.cassandra;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import dev.pageevents.core.config.PageEventSinkConfig;
import dev.pageevents.core.config.Reachability;
import dev.pageevents.core.sink.PageEventSinkConnector;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Sink connector writing page events to Cassandra's page/day and user/day query tables. The
 * connector (one instance) creates the schema before tasks start, so tasks never race on DDL;
 * {@link #validate} checks cross-field settings, reachability and an existing schema.
 */
public final class CassandraSinkConnector extends PageEventSinkConnector {

  @Override
  protected PageEventSinkConfig parseConfig(Map<String, String> props) {
    return new CassandraSinkConfig(props);
  }

  @Override
  public void start(Map<String, String> props) {
    super.start(props);
    CassandraSinkConfig config = new CassandraSinkConfig(props);
    try (CqlSession session = CassandraSessions.open(config)) {
      CassandraSchema schema = new CassandraSchema(config.keyspace());
      if (config.autoCreate()) {
        schema.create(session, config);
      } else {
        schema.check(session);
      }
    } catch (AllNodesFailedException e) {
      throw new ConnectException(unreachable(config, e), e);
    }
  }

  @Override
  public Class<? extends Task> taskClass() {
    return CassandraSinkTask.class;
  }

  @Override
  public ConfigDef config() {
    return CassandraSinkConfig.CONFIG_DEF;
  }

  @Override
  public Config validate(Map<String, String> props) {
    Config result = super.validate(props);
    Map<String, ConfigValue> values =
        result.configValues().stream()
            .collect(Collectors.toMap(ConfigValue::name, Function.identity()));
    if (values.values().stream().anyMatch(v -> !v.errorMessages().isEmpty())) {
      return result;
    }
    CassandraSinkConfig config = new CassandraSinkConfig(props);
    Map<String, String> problems = config.crossFieldProblems();
    problems.forEach((name, message) -> values.get(name).addErrorMessage(message));
    return Reachability.check(result, () -> checkSchema(config), e -> diagnose(config, e));
  }

  /** Connects and fails with {@link SchemaMismatch} if the existing schema does not fit. */
  private static void checkSchema(CassandraSinkConfig config) throws SchemaMismatch {
    try (CqlSession session = CassandraSessions.open(config)) {
      List<String> schemaProblems =
          new CassandraSchema(config.keyspace())
              .problems(session.getMetadata(), !config.autoCreate());
      if (!schemaProblems.isEmpty()) {
        throw new SchemaMismatch(CassandraSchema.describe(schemaProblems));
      }
    }
  }

  /** Reports a failed check on the field to fix: keyspace, credentials or contact points. */
  private static Reachability.Failure diagnose(CassandraSinkConfig config, Exception e) {
    if (e instanceof SchemaMismatch) {
      return new Reachability.Failure(CassandraSinkConfig.KEYSPACE_CONFIG, e.getMessage());
    }
    if (e instanceof AllNodesFailedException failed) {
      boolean auth =
          failed.getAllErrors().values().stream()
              .flatMap(List::stream)
              .anyMatch(AuthenticationException.class::isInstance);
      String field =
          auth ? CassandraSinkConfig.USERNAME_CONFIG : CassandraSinkConfig.CONTACT_POINTS_CONFIG;
      return new Reachability.Failure(field, unreachable(config, failed));
    }
    return new Reachability.Failure(
        CassandraSinkConfig.CONTACT_POINTS_CONFIG,
        "Cannot use Cassandra at " + hosts(config) + ": " + e);
  }

  /** The existing schema does not fit what the sink writes; the message says what differs. */
  private static final class SchemaMismatch extends Exception {
    SchemaMismatch(String message) {
      super(message);
    }
  }

  private static String unreachable(CassandraSinkConfig config, AllNodesFailedException e) {
    return "Cannot connect to Cassandra at "
        + hosts(config)
        + " (data centre "
        + config.localDatacenter()
        + "); check contact points, port, credentials and TLS: "
        + e.getMessage();
  }

  private static String hosts(CassandraSinkConfig config) {
    return config.contactPoints().stream()
        .map(a -> a.getHostString() + ":" + a.getPort())
        .collect(Collectors.joining(","));
  }
}
