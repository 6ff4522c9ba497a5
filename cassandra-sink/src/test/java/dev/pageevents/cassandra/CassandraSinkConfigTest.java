package dev.pageevents.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import dev.pageevents.core.sink.WritePipeline;
import dev.pageevents.core.testing.Visibility;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class CassandraSinkConfigTest {

  private static CassandraSinkConfig config(String... keyValues) {
    Map<String, String> props = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      props.put(keyValues[i], keyValues[i + 1]);
    }
    return new CassandraSinkConfig(props);
  }

  @Test
  void shouldDefaultToALocalSingleNodeKeyspaceWithDayBuckets() {
    CassandraSinkConfig config = config();

    assertThat(config.contactPoints()).containsExactly(new InetSocketAddress("127.0.0.1", 9042));
    assertThat(config.keyspace().asInternal()).isEqualTo("pageevents");
    assertThat(config.bucket()).isEqualTo(TimeBucket.DAY);
    assertThat(config.consistency()).isEqualTo(DefaultConsistencyLevel.LOCAL_QUORUM);
    assertThat(config.autoCreate()).isTrue();
    assertThat(config.crossFieldProblems()).isEmpty();
    assertThat(WritePipeline.Settings.from(config).batchSize())
        .isEqualTo(CassandraSinkConfig.BATCH_SIZE_DEFAULT);
  }

  @Test
  void shouldUseThePortOfEachContactPointOrTheDefault() {
    assertThat(
            config("cassandra.hosts", "10.0.0.1:9142,10.0.0.2", "cassandra.port", "9043")
                .contactPoints())
        .containsExactly(
            new InetSocketAddress("10.0.0.1", 9142), new InetSocketAddress("10.0.0.2", 9043));
  }

  @Test
  void shouldRejectAKeyspaceNameThatIsNotAnIdentifier() {
    assertThatThrownBy(() -> config("cassandra.keyspace", "x; DROP KEYSPACE system"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cassandra.keyspace")
        .hasMessageContaining("letters, digits and '_'");
  }

  @Test
  void shouldRejectMalformedReplicaCountsAndConsistency() {
    assertThatThrownBy(() -> config("keyspace.replication.datacenters", "dc1=3"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("dc:rf");
    assertThatThrownBy(() -> config("consistency.level", "SERIAL"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("consistency.level");
  }

  @Test
  void shouldBuildNetworkTopologyReplicationFromDataCentreFactors() {
    CassandraSinkConfig config =
        config(
            "keyspace.replication.strategy", "NetworkTopologyStrategy",
            "keyspace.replication.datacenters", "dc1:3, dc2:2");

    assertThat(CassandraSchema.createKeyspaceCql(config))
        .isEqualTo(
            "CREATE KEYSPACE IF NOT EXISTS pageevents WITH replication ="
                + " {'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc2': 2}");
    assertThat(CassandraSchema.createKeyspaceCql(config("keyspace.replication.factor", "2")))
        .endsWith("{'class': 'SimpleStrategy', 'replication_factor': 2}");
  }

  @Test
  void shouldNameTheFieldToFixWhenSettingsDoNotFitTogether() {
    assertThat(
            config("keyspace.replication.strategy", "NetworkTopologyStrategy").crossFieldProblems())
        .containsOnlyKeys("keyspace.replication.datacenters");
    assertThat(config("cassandra.username", "writer").crossFieldProblems())
        .containsOnlyKeys("cassandra.password");
    assertThat(config("cassandra.ssl.truststore.location", "/etc/trust.jks").crossFieldProblems())
        .containsOnlyKeys("cassandra.ssl.enabled");
    assertThat(config("cassandra.password", "s3cret").crossFieldProblems())
        .containsOnlyKeys("cassandra.username");
    assertThat(
            config("cassandra.ssl.enabled", "true", "cassandra.ssl.truststore.password", "x")
                .crossFieldProblems())
        .containsOnlyKeys("cassandra.ssl.truststore.location");
  }

  @Test
  void shouldPassCredentialsTlsAndConsistencyToTheDriver() {
    CassandraSinkConfig config =
        config(
            "cassandra.username", "writer",
            "cassandra.password", "s3cret",
            "cassandra.ssl.enabled", "true",
            "cassandra.ssl.truststore.location", "/etc/trust.jks",
            "cassandra.ssl.truststore.password", "changeit",
            "consistency.level", "ONE");

    DriverExecutionProfile profile =
        CassandraSessions.configLoader(config).getInitialConfig().getDefaultProfile();

    assertThat(profile.getString(DefaultDriverOption.AUTH_PROVIDER_CLASS))
        .isEqualTo("PlainTextAuthProvider");
    assertThat(profile.getString(DefaultDriverOption.AUTH_PROVIDER_PASSWORD)).isEqualTo("s3cret");
    assertThat(profile.getString(DefaultDriverOption.SSL_ENGINE_FACTORY_CLASS))
        .isEqualTo("DefaultSslEngineFactory");
    assertThat(profile.getString(DefaultDriverOption.SSL_TRUSTSTORE_PATH))
        .isEqualTo("/etc/trust.jks");
    assertThat(profile.getString(DefaultDriverOption.REQUEST_CONSISTENCY)).isEqualTo("ONE");
    assertThat(profile.getBoolean(DefaultDriverOption.REQUEST_DEFAULT_IDEMPOTENCE)).isTrue();
    assertThat(profile.getStringList(DefaultDriverOption.METADATA_SCHEMA_REFRESHED_KEYSPACES))
        .isEqualTo(List.of("pageevents"));
  }

  @Test
  void shouldLeaveAuthAndTlsOffByDefault() {
    DriverExecutionProfile profile =
        CassandraSessions.configLoader(config()).getInitialConfig().getDefaultProfile();

    assertThat(profile.isDefined(DefaultDriverOption.AUTH_PROVIDER_CLASS)).isFalse();
    assertThat(profile.isDefined(DefaultDriverOption.SSL_ENGINE_FACTORY_CLASS)).isFalse();
  }

  @Test
  void shouldStillReadTheDeprecatedNames() {
    CassandraSinkConfig config =
        config(
            "cassandra.contact.points", "10.0.0.1:9142",
            "cassandra.ssl.enabled", "true",
            "cassandra.ssl.truststore.path", "/etc/trust.jks");

    assertThat(config.contactPoints()).containsExactly(new InetSocketAddress("10.0.0.1", 9142));
    assertThat(config.truststoreLocation()).isEqualTo("/etc/trust.jks");
  }

  @Test
  void shouldShowReplicationSettingsOnlyForTheirStrategy() {
    Map<String, Boolean> simple = visibility(Map.of());
    Map<String, Boolean> network =
        visibility(
            Map.of(
                "keyspace.replication.strategy", "NetworkTopologyStrategy",
                "keyspace.replication.datacenters", "dc1:3"));

    assertThat(simple)
        .containsEntry("keyspace.replication.factor", true)
        .containsEntry("keyspace.replication.datacenters", false)
        .containsEntry("batch.by.partition.max.rows", false);
    assertThat(network)
        .containsEntry("keyspace.replication.factor", false)
        .containsEntry("keyspace.replication.datacenters", true);
    assertThat(visibility(Map.of("batch.by.partition", "true")))
        .containsEntry("batch.by.partition.max.rows", true);
  }

  private static Map<String, Boolean> visibility(Map<String, String> props) {
    return Visibility.of(CassandraSinkConfig.CONFIG_DEF, props);
  }
}
