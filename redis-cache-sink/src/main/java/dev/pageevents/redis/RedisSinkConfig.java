package dev.pageevents.redis;

import dev.pageevents.core.config.ConnectionSecurity;
import dev.pageevents.core.config.DeprecatedAliases;
import dev.pageevents.core.config.OffsetReset;
import dev.pageevents.core.config.PageEventSinkConfig;
import dev.pageevents.core.config.VisibleWhen;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigDef.Width;

/** Settings of the Redis cache sink: connection, TLS and ACL, key layout, plus the shared ones. */
public final class RedisSinkConfig extends PageEventSinkConfig {
  public static final String CONNECTION_GROUP = "Connection";
  public static final String LAYOUT_GROUP = "Key layout";

  public static final String MODE_CONFIG = "redis.mode";
  private static final String MODE_DOC =
      "'standalone' for one Redis server, 'cluster' for Redis Cluster (the hosts are seeds).";
  public static final String MODE_STANDALONE = "standalone";
  public static final String MODE_CLUSTER = "cluster";

  public static final String HOSTS_CONFIG = "redis.hosts";
  private static final String HOSTS_DOC =
      "host:port of the Redis server, or of one or more Cluster nodes to discover the rest from.";

  public static final String DATABASE_CONFIG = "redis.database";
  private static final String DATABASE_DOC =
      "Database number (standalone only: Redis Cluster has database 0 alone).";

  public static final String USER_CONFIG = "redis.username";
  private static final String USER_DOC =
      "ACL user name (Redis 6+); empty for the default user or password-only auth.";
  public static final String PASSWORD_CONFIG = "redis.password";
  private static final String PASSWORD_DOC =
      "Password of the ACL user (or requirepass); empty for none.";

  public static final String SSL_CONFIG = "redis.ssl.enabled";
  private static final String SSL_DOC = "Connect over TLS.";
  public static final String TRUSTSTORE_CONFIG = "redis.ssl.truststore.location";
  private static final String TRUSTSTORE_DOC =
      "Trust store (PKCS12 or JKS) with the CA of the server's certificate; empty for the JVM's"
          + " default trust store.";
  public static final String TRUSTSTORE_PASSWORD_CONFIG = "redis.ssl.truststore.password";
  private static final String TRUSTSTORE_PASSWORD_DOC = "Password of the trust store.";

  public static final String TIMEOUT_CONFIG = "redis.timeout.ms";
  private static final String TIMEOUT_DOC = "Connect and socket timeout of every command.";
  public static final int TIMEOUT_DEFAULT = 5_000;

  public static final String PREFIX_CONFIG = "redis.key.prefix";
  private static final String PREFIX_DOC =
      "Prefix of every key the sink writes; must not contain '{' or '}' (they mark hash tags).";
  public static final String PREFIX_DEFAULT = "pe";

  public static final String GROUPS_CONFIG = "redis.hash.groups";
  private static final String GROUPS_DOC =
      "Number of hash-tag groups the keys are spread over; each group lives in one hash slot and"
          + " is updated atomically with its own stored offsets. Fixed once data is written.";
  public static final int GROUPS_DEFAULT = 16;

  public static final String BUCKET_CONFIG = "redis.bucket.seconds";
  private static final String BUCKET_DOC =
      "Width of the time buckets (by event time) that hold windowed visit counts.";
  public static final int BUCKET_DEFAULT = 60;

  public static final String BUCKET_TTL_CONFIG = "redis.bucket.ttl.seconds";
  private static final String BUCKET_TTL_DOC =
      "How long a time bucket lives after its last update; windows longer than this read zero.";
  public static final int BUCKET_TTL_DEFAULT = 3_600;

  public static final int BATCH_SIZE_DEFAULT = 1_000;

  public static final ConfigDef CONFIG_DEF =
      withOffsetReset(withSharedGroups(ownGroups(), BATCH_SIZE_DEFAULT), OffsetReset.REFUSE);

  public RedisSinkConfig(Map<String, ?> props) {
    super(CONFIG_DEF, props);
  }

  private static ConfigDef ownGroups() {
    int c = 0;
    int l = 0;
    ConfigDef def =
        new ConfigDef()
            .define(
                MODE_CONFIG,
                Type.STRING,
                MODE_STANDALONE,
                ValidString.in(MODE_STANDALONE, MODE_CLUSTER),
                Importance.HIGH,
                MODE_DOC,
                CONNECTION_GROUP,
                ++c,
                Width.SHORT,
                "Mode")
            .define(
                HOSTS_CONFIG,
                Type.LIST,
                ConfigDef.NO_DEFAULT_VALUE,
                RedisValidators.HOST_LIST,
                Importance.HIGH,
                HOSTS_DOC,
                CONNECTION_GROUP,
                ++c,
                Width.LONG,
                "Hosts")
            .define(
                DATABASE_CONFIG,
                Type.INT,
                0,
                Range.atLeast(0),
                Importance.LOW,
                DATABASE_DOC,
                CONNECTION_GROUP,
                ++c,
                Width.SHORT,
                "Database",
                VisibleWhen.equalTo(MODE_CONFIG, MODE_STANDALONE));
    c =
        new ConnectionSecurity(def, CONNECTION_GROUP, c)
            .user(USER_CONFIG, USER_DOC, "ACL user")
            .password(PASSWORD_CONFIG, PASSWORD_DOC)
            .tls(SSL_CONFIG, SSL_DOC)
            .truststore(TRUSTSTORE_CONFIG, TRUSTSTORE_DOC, "Trust store")
            .truststorePassword(
                TRUSTSTORE_PASSWORD_CONFIG, TRUSTSTORE_PASSWORD_DOC, "Trust store password")
            .order();
    def.define(
            TIMEOUT_CONFIG,
            Type.INT,
            TIMEOUT_DEFAULT,
            Range.atLeast(1),
            Importance.LOW,
            TIMEOUT_DOC,
            CONNECTION_GROUP,
            ++c,
            Width.SHORT,
            "Timeout (ms)")
        .define(
            PREFIX_CONFIG,
            Type.STRING,
            PREFIX_DEFAULT,
            RedisValidators.KEY_PREFIX,
            Importance.MEDIUM,
            PREFIX_DOC,
            LAYOUT_GROUP,
            ++l,
            Width.SHORT,
            "Key prefix")
        .define(
            GROUPS_CONFIG,
            Type.INT,
            GROUPS_DEFAULT,
            Range.between(1, 16_384),
            Importance.LOW,
            GROUPS_DOC,
            LAYOUT_GROUP,
            ++l,
            Width.SHORT,
            "Hash-tag groups")
        .define(
            BUCKET_CONFIG,
            Type.INT,
            BUCKET_DEFAULT,
            Range.atLeast(1),
            Importance.LOW,
            BUCKET_DOC,
            LAYOUT_GROUP,
            ++l,
            Width.SHORT,
            "Bucket width (s)")
        .define(
            BUCKET_TTL_CONFIG,
            Type.INT,
            BUCKET_TTL_DEFAULT,
            Range.atLeast(1),
            Importance.LOW,
            BUCKET_TTL_DOC,
            LAYOUT_GROUP,
            ++l,
            Width.SHORT,
            "Bucket TTL (s)");
    return DeprecatedAliases.alias(def, "redis.user", USER_CONFIG);
  }

  public boolean cluster() {
    return MODE_CLUSTER.equals(getString(MODE_CONFIG));
  }

  public List<String> hosts() {
    return getList(HOSTS_CONFIG);
  }

  public String password() {
    return secret(PASSWORD_CONFIG);
  }

  public String truststorePassword() {
    return secret(TRUSTSTORE_PASSWORD_CONFIG);
  }

  /** The key layout these settings describe. */
  public RedisKeys keys() {
    return new RedisKeys(
        getString(PREFIX_CONFIG),
        getInt(GROUPS_CONFIG),
        getInt(BUCKET_CONFIG),
        getInt(BUCKET_TTL_CONFIG));
  }

  /**
   * A database other than 0 in cluster mode; an ACL user without password; a truststore without TLS
   * or its password without it.
   */
  @Override
  public Map<String, String> crossFieldProblems() {
    Map<String, String> problems = new LinkedHashMap<>();
    if (cluster() && getInt(DATABASE_CONFIG) != 0) {
      problems.put(
          DATABASE_CONFIG,
          "Redis Cluster has only database 0: remove " + DATABASE_CONFIG + " or set it to 0");
    }
    userNeedsPassword(problems, USER_CONFIG, PASSWORD_CONFIG);
    truststoreProblems(problems, SSL_CONFIG, TRUSTSTORE_CONFIG, TRUSTSTORE_PASSWORD_CONFIG);
    return problems;
  }
}
