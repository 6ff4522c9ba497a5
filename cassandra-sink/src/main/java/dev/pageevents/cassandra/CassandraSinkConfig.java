package dev.pageevents.cassandra;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import dev.pageevents.core.config.ConnectionSecurity;
import dev.pageevents.core.config.DeprecatedAliases;
import dev.pageevents.core.config.OffsetReset;
import dev.pageevents.core.config.PageEventSinkConfig;
import dev.pageevents.core.config.VisibleWhen;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigDef.Width;

/** The Cassandra sink's settings: connection, schema, writes, plus the pack's shared groups. */
public final class CassandraSinkConfig extends PageEventSinkConfig {
  public static final String CONNECTION_GROUP = "Connection";
  public static final String SCHEMA_GROUP = "Schema";

  public static final String HOSTS_CONFIG = "cassandra.hosts";
  private static final String HOSTS_DOC =
      "Cassandra nodes to connect to first (contact points), as host or host:port; the driver"
          + " finds the others.";
  public static final String HOSTS_DEFAULT = "127.0.0.1";

  /** The former name of {@value #HOSTS_CONFIG}. */
  public static final String CONTACT_POINTS_OLD_CONFIG = "cassandra.contact.points";

  public static final String PORT_CONFIG = "cassandra.port";
  private static final String PORT_DOC = "CQL native port of contact points given without one.";
  public static final int PORT_DEFAULT = 9042;
  public static final String LOCAL_DC_CONFIG = "cassandra.local.datacenter";
  private static final String LOCAL_DC_DOC =
      "Data centre whose nodes coordinate the writes (SimpleSnitch names it 'datacenter1').";
  public static final String LOCAL_DC_DEFAULT = "datacenter1";
  public static final String USERNAME_CONFIG = "cassandra.username";
  private static final String USERNAME_DOC =
      "User for PasswordAuthenticator; empty when the cluster does not authenticate.";
  public static final String PASSWORD_CONFIG = "cassandra.password";
  private static final String PASSWORD_DOC = "Password of cassandra.username.";
  public static final String SSL_ENABLED_CONFIG = "cassandra.ssl.enabled";
  private static final String SSL_ENABLED_DOC =
      "Encrypt client connections with TLS; without a truststore the JVM's default one is used.";
  public static final String TRUSTSTORE_LOCATION_CONFIG = "cassandra.ssl.truststore.location";

  /** The former name of {@value #TRUSTSTORE_LOCATION_CONFIG}. */
  public static final String TRUSTSTORE_PATH_OLD_CONFIG = "cassandra.ssl.truststore.path";

  private static final String TRUSTSTORE_LOCATION_DOC =
      "JKS/PKCS12 truststore with the CA of the nodes' certificates; empty for the JVM default.";
  public static final String TRUSTSTORE_PASSWORD_CONFIG = "cassandra.ssl.truststore.password";
  private static final String TRUSTSTORE_PASSWORD_DOC = "Password of the truststore.";
  public static final String HOSTNAME_VALIDATION_CONFIG = "cassandra.ssl.hostname.validation";
  private static final String HOSTNAME_VALIDATION_DOC =
      "Check that each node's certificate names the host connected to.";
  public static final String REQUEST_TIMEOUT_CONFIG = "cassandra.request.timeout.ms";
  private static final String REQUEST_TIMEOUT_DOC =
      "How long one request may take before it fails as a timeout (a transient error).";
  public static final long REQUEST_TIMEOUT_DEFAULT = 10_000L;

  public static final String KEYSPACE_CONFIG = "cassandra.keyspace";
  private static final String KEYSPACE_DOC =
      "Keyspace of the tables visits_by_page_day and visits_by_user_day.";
  public static final String KEYSPACE_DEFAULT = "pageevents";
  public static final String AUTO_CREATE_CONFIG = "schema.auto.create";
  private static final String AUTO_CREATE_DOC =
      "Create the keyspace and tables when missing. Either way the existing tables are checked at"
          + " start and a mismatch stops the connector, naming the table and column.";
  public static final String STRATEGY_CONFIG = "keyspace.replication.strategy";
  private static final String STRATEGY_DOC =
      "Replication of a keyspace the connector creates: SimpleStrategy (one data centre, uses"
          + " keyspace.replication.factor) or NetworkTopologyStrategy (uses"
          + " keyspace.replication.datacenters).";
  public static final String SIMPLE_STRATEGY = "SimpleStrategy";
  public static final String NETWORK_TOPOLOGY_STRATEGY = "NetworkTopologyStrategy";
  public static final String REPLICATION_FACTOR_CONFIG = "keyspace.replication.factor";
  private static final String REPLICATION_FACTOR_DOC = "Copies of each row, for SimpleStrategy.";
  public static final String DATACENTERS_CONFIG = "keyspace.replication.datacenters";
  private static final String DATACENTERS_DOC =
      "Copies per data centre for NetworkTopologyStrategy, as dc:rf pairs, e.g. dc1:3,dc2:2.";
  public static final String BUCKET_CONFIG = "bucket";
  private static final String BUCKET_DOC =
      "Time slice of a partition (the 'day' key column): hour, day or month, in UTC.";

  public static final String CONSISTENCY_CONFIG = "consistency.level";
  private static final String CONSISTENCY_DOC =
      "Replicas that must acknowledge each write, e.g. ONE, LOCAL_QUORUM, QUORUM, ALL.";
  public static final String CONSISTENCY_DEFAULT = "LOCAL_QUORUM";
  public static final String TTL_CONFIG = "ttl.seconds";
  private static final String TTL_DOC = "Time to live of written rows; 0 keeps them forever.";
  public static final String MAX_CONCURRENT_CONFIG = "max.concurrent.requests";
  private static final String MAX_CONCURRENT_DOC =
      "Most write requests one task has in flight at once.";
  public static final int MAX_CONCURRENT_DEFAULT = 128;
  public static final String BATCH_BY_PARTITION_CONFIG = "batch.by.partition";
  private static final String BATCH_BY_PARTITION_DOC =
      "Group the rows of one partition into UNLOGGED batches (one request per partition instead of"
          + " one per row); rows of different partitions are never batched together.";
  public static final String BATCH_PARTITION_ROWS_CONFIG = "batch.by.partition.max.rows";
  private static final String BATCH_PARTITION_ROWS_DOC =
      "Most rows in one partition batch; keeps batches under Cassandra's batch size limits.";
  public static final int BATCH_PARTITION_ROWS_DEFAULT = 100;

  public static final int BATCH_SIZE_DEFAULT = 1000;

  private static final List<String> WRITE_CONSISTENCIES =
      List.of(
          "ANY",
          "ONE",
          "TWO",
          "THREE",
          "QUORUM",
          "ALL",
          "LOCAL_ONE",
          "LOCAL_QUORUM",
          "EACH_QUORUM");

  public static final ConfigDef CONFIG_DEF = definition();

  public CassandraSinkConfig(Map<String, ?> props) {
    super(CONFIG_DEF, props);
  }

  private static ConfigDef definition() {
    ConfigDef def = new ConfigDef();
    int order = 0;
    def.define(
        HOSTS_CONFIG,
        Type.LIST,
        HOSTS_DEFAULT,
        CassandraValidators.CONTACT_POINTS,
        Importance.HIGH,
        HOSTS_DOC,
        CONNECTION_GROUP,
        ++order,
        Width.LONG,
        "Hosts (contact points)");
    def.define(
        PORT_CONFIG,
        Type.INT,
        PORT_DEFAULT,
        Range.between(1, 65535),
        Importance.MEDIUM,
        PORT_DOC,
        CONNECTION_GROUP,
        ++order,
        Width.SHORT,
        "Port");
    def.define(
        LOCAL_DC_CONFIG,
        Type.STRING,
        LOCAL_DC_DEFAULT,
        new ConfigDef.NonEmptyString(),
        Importance.HIGH,
        LOCAL_DC_DOC,
        CONNECTION_GROUP,
        ++order,
        Width.MEDIUM,
        "Local data centre");
    order =
        new ConnectionSecurity(def, CONNECTION_GROUP, order)
            .user(USERNAME_CONFIG, USERNAME_DOC, "Username")
            .password(PASSWORD_CONFIG, PASSWORD_DOC)
            .tls(SSL_ENABLED_CONFIG, SSL_ENABLED_DOC)
            .truststore(TRUSTSTORE_LOCATION_CONFIG, TRUSTSTORE_LOCATION_DOC, "Truststore")
            .truststorePassword(
                TRUSTSTORE_PASSWORD_CONFIG, TRUSTSTORE_PASSWORD_DOC, "Truststore password")
            .order();
    def.define(
        HOSTNAME_VALIDATION_CONFIG,
        Type.BOOLEAN,
        true,
        Importance.LOW,
        HOSTNAME_VALIDATION_DOC,
        CONNECTION_GROUP,
        ++order,
        Width.SHORT,
        "Hostname validation");
    def.define(
        REQUEST_TIMEOUT_CONFIG,
        Type.LONG,
        REQUEST_TIMEOUT_DEFAULT,
        Range.atLeast(100),
        Importance.LOW,
        REQUEST_TIMEOUT_DOC,
        CONNECTION_GROUP,
        ++order,
        Width.SHORT,
        "Request timeout (ms)");

    order = 0;
    def.define(
        KEYSPACE_CONFIG,
        Type.STRING,
        KEYSPACE_DEFAULT,
        CassandraValidators.CQL_IDENTIFIER,
        Importance.HIGH,
        KEYSPACE_DOC,
        SCHEMA_GROUP,
        ++order,
        Width.MEDIUM,
        "Keyspace");
    def.define(
        AUTO_CREATE_CONFIG,
        Type.BOOLEAN,
        true,
        Importance.MEDIUM,
        AUTO_CREATE_DOC,
        SCHEMA_GROUP,
        ++order,
        Width.SHORT,
        "Create schema");
    def.define(
        STRATEGY_CONFIG,
        Type.STRING,
        SIMPLE_STRATEGY,
        ValidString.in(SIMPLE_STRATEGY, NETWORK_TOPOLOGY_STRATEGY),
        Importance.MEDIUM,
        STRATEGY_DOC,
        SCHEMA_GROUP,
        ++order,
        Width.MEDIUM,
        "Replication strategy");
    def.define(
        REPLICATION_FACTOR_CONFIG,
        Type.INT,
        1,
        Range.between(1, 99),
        Importance.MEDIUM,
        REPLICATION_FACTOR_DOC,
        SCHEMA_GROUP,
        ++order,
        Width.SHORT,
        "Replication factor",
        VisibleWhen.equalTo(STRATEGY_CONFIG, SIMPLE_STRATEGY));
    def.define(
        DATACENTERS_CONFIG,
        Type.LIST,
        "",
        CassandraValidators.DATACENTER_FACTORS,
        Importance.MEDIUM,
        DATACENTERS_DOC,
        SCHEMA_GROUP,
        ++order,
        Width.LONG,
        "Replicas per data centre",
        VisibleWhen.equalTo(STRATEGY_CONFIG, NETWORK_TOPOLOGY_STRATEGY));
    def.define(
        BUCKET_CONFIG,
        Type.STRING,
        "day",
        ValidString.in("hour", "day", "month"),
        Importance.MEDIUM,
        BUCKET_DOC,
        SCHEMA_GROUP,
        ++order,
        Width.SHORT,
        "Time bucket");

    order = 1; // batch.size (shared) is first in the Writes group
    def.define(
        CONSISTENCY_CONFIG,
        Type.STRING,
        CONSISTENCY_DEFAULT,
        ValidString.in(WRITE_CONSISTENCIES.toArray(String[]::new)),
        Importance.MEDIUM,
        CONSISTENCY_DOC,
        WRITES_GROUP,
        ++order,
        Width.SHORT,
        "Consistency level");
    def.define(
        TTL_CONFIG,
        Type.INT,
        0,
        Range.atLeast(0),
        Importance.LOW,
        TTL_DOC,
        WRITES_GROUP,
        ++order,
        Width.SHORT,
        "TTL (s)");
    def.define(
        MAX_CONCURRENT_CONFIG,
        Type.INT,
        MAX_CONCURRENT_DEFAULT,
        Range.between(1, 4096),
        Importance.MEDIUM,
        MAX_CONCURRENT_DOC,
        WRITES_GROUP,
        ++order,
        Width.SHORT,
        "Requests in flight");
    def.define(
        BATCH_BY_PARTITION_CONFIG,
        Type.BOOLEAN,
        false,
        Importance.LOW,
        BATCH_BY_PARTITION_DOC,
        WRITES_GROUP,
        ++order,
        Width.SHORT,
        "Batch by partition");
    def.define(
        BATCH_PARTITION_ROWS_CONFIG,
        Type.INT,
        BATCH_PARTITION_ROWS_DEFAULT,
        Range.between(1, 1000),
        Importance.LOW,
        BATCH_PARTITION_ROWS_DOC,
        WRITES_GROUP,
        ++order,
        Width.SHORT,
        "Rows per partition batch",
        VisibleWhen.equalTo(BATCH_BY_PARTITION_CONFIG, true));
    DeprecatedAliases.alias(def, CONTACT_POINTS_OLD_CONFIG, HOSTS_CONFIG);
    DeprecatedAliases.alias(def, TRUSTSTORE_PATH_OLD_CONFIG, TRUSTSTORE_LOCATION_CONFIG);
    return withOffsetReset(withSharedGroups(def, BATCH_SIZE_DEFAULT), OffsetReset.REPLAY);
  }

  /** Contact points with the default port filled in. */
  public List<InetSocketAddress> contactPoints() {
    List<InetSocketAddress> points = new ArrayList<>();
    for (String point : getList(HOSTS_CONFIG)) {
      String value = point.trim();
      int colon = value.lastIndexOf(':');
      if (colon > 0) {
        points.add(
            new InetSocketAddress(
                value.substring(0, colon), Integer.parseInt(value.substring(colon + 1))));
      } else {
        points.add(new InetSocketAddress(value, getInt(PORT_CONFIG)));
      }
    }
    return points;
  }

  public String localDatacenter() {
    return getString(LOCAL_DC_CONFIG);
  }

  public String username() {
    return getString(USERNAME_CONFIG).trim();
  }

  public String password() {
    return secret(PASSWORD_CONFIG);
  }

  public boolean sslEnabled() {
    return getBoolean(SSL_ENABLED_CONFIG);
  }

  public String truststoreLocation() {
    return getString(TRUSTSTORE_LOCATION_CONFIG).trim();
  }

  public String truststorePassword() {
    return secret(TRUSTSTORE_PASSWORD_CONFIG);
  }

  public boolean hostnameValidation() {
    return getBoolean(HOSTNAME_VALIDATION_CONFIG);
  }

  public long requestTimeoutMs() {
    return getLong(REQUEST_TIMEOUT_CONFIG);
  }

  public CqlIdentifier keyspace() {
    return CqlIdentifier.fromCql(getString(KEYSPACE_CONFIG));
  }

  public boolean autoCreate() {
    return getBoolean(AUTO_CREATE_CONFIG);
  }

  public String replicationStrategy() {
    return getString(STRATEGY_CONFIG);
  }

  public int replicationFactor() {
    return getInt(REPLICATION_FACTOR_CONFIG);
  }

  /** Replicas per data centre, in the order given. */
  public Map<String, Integer> datacenterFactors() {
    Map<String, Integer> factors = new LinkedHashMap<>();
    for (String pair : getList(DATACENTERS_CONFIG)) {
      int colon = pair.lastIndexOf(':');
      factors.put(pair.substring(0, colon).trim(), Integer.parseInt(pair.substring(colon + 1)));
    }
    return factors;
  }

  public TimeBucket bucket() {
    return TimeBucket.parse(getString(BUCKET_CONFIG));
  }

  public DefaultConsistencyLevel consistency() {
    return DefaultConsistencyLevel.valueOf(getString(CONSISTENCY_CONFIG));
  }

  public int ttlSeconds() {
    return getInt(TTL_CONFIG);
  }

  public int maxConcurrentRequests() {
    return getInt(MAX_CONCURRENT_CONFIG);
  }

  public boolean batchByPartition() {
    return getBoolean(BATCH_BY_PARTITION_CONFIG);
  }

  public int batchPartitionMaxRows() {
    return getInt(BATCH_PARTITION_ROWS_CONFIG);
  }

  /**
   * Replicas per data centre missing for NetworkTopologyStrategy; a user without password or the
   * other way round; a truststore without TLS or its password without it.
   */
  @Override
  public Map<String, String> crossFieldProblems() {
    Map<String, String> problems = new LinkedHashMap<>();
    if (NETWORK_TOPOLOGY_STRATEGY.equals(replicationStrategy())
        && getList(DATACENTERS_CONFIG).isEmpty()) {
      problems.put(
          DATACENTERS_CONFIG,
          "NetworkTopologyStrategy needs the replicas per data centre, e.g. "
              + DATACENTERS_CONFIG
              + "="
              + localDatacenter()
              + ":3");
    }
    userNeedsPassword(problems, USERNAME_CONFIG, PASSWORD_CONFIG);
    passwordNeedsUser(problems, USERNAME_CONFIG, PASSWORD_CONFIG);
    truststoreProblems(
        problems, SSL_ENABLED_CONFIG, TRUSTSTORE_LOCATION_CONFIG, TRUSTSTORE_PASSWORD_CONFIG);
    return problems;
  }
}
