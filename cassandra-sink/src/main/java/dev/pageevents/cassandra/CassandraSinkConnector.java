package dev.pageevents.cassandra;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.datastax.oss.driver.api.core.metadata.Node;
import dev.pageevents.core.config.Reachability;
import dev.pageevents.core.sink.PageEventSinkConnector;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Sink connector writing page events to Cassandra's page/day and user/day query tables. The
 * connector (one instance) creates the schema before tasks start, so tasks never race on DDL;
 * {@link #validate} checks cross-field settings, reachability and an existing schema.
 */
public final class CassandraSinkConnector extends PageEventSinkConnector<CassandraSinkConfig> {

  public CassandraSinkConnector() {
    super(CassandraSinkConfig.CONFIG_DEF, CassandraSinkTask.class, CassandraSinkConfig::new);
  }

  /** Empties the page/day and user/day tables of the connector's keyspace. */
  @Override
  protected void clearReadModel(CassandraSinkConfig config) {
    try (CqlSession session = CassandraSessions.open(config)) {
      new CassandraSchema(config.keyspace()).truncate(session);
    }
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

  /**
   * Connects and fails with {@link Mismatch} if no node is in the local data centre (the driver
   * connects anyway, but then has no node to send a write to) or the existing schema does not fit.
   */
  @Override
  protected void probe(CassandraSinkConfig config, Map<String, String> props) throws Mismatch {
    try (CqlSession session = CassandraSessions.open(config)) {
      Set<String> datacenters =
          session.getMetadata().getNodes().values().stream()
              .map(Node::getDatacenter)
              .collect(Collectors.toCollection(TreeSet::new));
      if (!datacenters.contains(config.localDatacenter())) {
        throw new Mismatch(
            CassandraSinkConfig.LOCAL_DC_CONFIG,
            "No Cassandra node is in data centre '"
                + config.localDatacenter()
                + "'; the cluster's data centres are "
                + datacenters
                + ": set cassandra.local.datacenter to the one nearest the workers");
      }
      List<String> schemaProblems =
          new CassandraSchema(config.keyspace())
              .problems(session.getMetadata(), !config.autoCreate());
      if (!schemaProblems.isEmpty()) {
        throw new Mismatch(
            CassandraSinkConfig.KEYSPACE_CONFIG, CassandraSchema.describe(schemaProblems));
      }
    }
  }

  /** Reports a failed check on the field to fix: keyspace, credentials or contact points. */
  @Override
  protected Reachability.Failure diagnose(CassandraSinkConfig config, Exception e) {
    if (e instanceof Mismatch mismatch) {
      return new Reachability.Failure(mismatch.field, e.getMessage());
    }
    if (e instanceof AllNodesFailedException failed) {
      boolean auth =
          failed.getAllErrors().values().stream()
              .flatMap(List::stream)
              .anyMatch(AuthenticationException.class::isInstance);
      String field = auth ? CassandraSinkConfig.USERNAME_CONFIG : CassandraSinkConfig.HOSTS_CONFIG;
      return new Reachability.Failure(field, unreachable(config, failed));
    }
    return new Reachability.Failure(
        CassandraSinkConfig.HOSTS_CONFIG, "Cannot use Cassandra at " + hosts(config) + ": " + e);
  }

  /** The cluster does not fit the settings (data centre, schema); names the setting to fix. */
  private static final class Mismatch extends Exception {
    private final String field;

    Mismatch(String field, String message) {
      super(message);
      this.field = field;
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
