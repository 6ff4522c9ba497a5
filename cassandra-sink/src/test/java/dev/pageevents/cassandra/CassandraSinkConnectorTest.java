package dev.pageevents.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pageevents.core.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.sink.SinkConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CassandraSinkConnectorTest {
  private final CassandraSinkConnector connector = new CassandraSinkConnector();

  private Map<String, List<String>> errors(Map<String, String> props) {
    return connector.validate(props).configValues().stream()
        .filter(v -> !v.errorMessages().isEmpty())
        .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
  }

  @Test
  void shouldShowCrossFieldProblemsOnTheFieldToFixWithoutConnecting() {
    Map<String, List<String>> errors =
        errors(
            Map.of(
                "keyspace.replication.strategy", "NetworkTopologyStrategy",
                "cassandra.local.datacenter", "dc1"));

    assertThat(errors).containsOnlyKeys("keyspace.replication.datacenters");
    assertThat(errors.get("keyspace.replication.datacenters").get(0))
        .contains("keyspace.replication.datacenters=dc1:3");
  }

  /** Given under its former name too, the address is checked and reported under the new one. */
  @ParameterizedTest
  @ValueSource(strings = {"cassandra.hosts", "cassandra.contact.points"})
  void shouldReportAnUnreachableClusterOnTheHosts(String hostsSetting) {
    Map<String, List<String>> errors =
        errors(Map.of(hostsSetting, "127.0.0.1:1", "cassandra.request.timeout.ms", "1000"));

    assertThat(errors).containsOnlyKeys("cassandra.hosts");
    assertThat(errors.get("cassandra.hosts").get(0))
        .startsWith("Cannot connect to Cassandra at 127.0.0.1:1 (data centre datacenter1)");
  }

  @Test
  void shouldFailToStartOnACrossFieldProblemBeforeConnecting() {
    assertThatThrownBy(
            () ->
                connector.start(
                    Map.of(
                        "cassandra.hosts", "127.0.0.1:1",
                        "keyspace.replication.strategy", "NetworkTopologyStrategy")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("keyspace.replication.datacenters")
        .hasMessageContaining("NetworkTopologyStrategy needs the replicas per data centre");
  }

  @Test
  void shouldDescribeItselfAsAPackSinkWithTheBuildVersion() {
    assertThat(connector).isInstanceOf(SinkConnector.class);
    assertThat(connector.version()).isEqualTo(Version.get());
    assertThat(connector.taskClass()).isEqualTo(CassandraSinkTask.class);
  }

  @Test
  void shouldAcceptEveryShippedSampleConfig() throws Exception {
    List<Path> samples;
    try (Stream<Path> files = Files.list(Path.of("src/main/hub/etc"))) {
      samples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(samples).hasSize(1);
    for (Path sample : samples) {
      @SuppressWarnings("unchecked")
      Map<String, String> props = new ObjectMapper().readValue(sample.toFile(), Map.class);
      assertThat(props).containsEntry("connector.class", CassandraSinkConnector.class.getName());
      List<ConfigValue> values = connector.config().validate(props);
      assertThat(values)
          .as("%s", sample)
          .allSatisfy(v -> assertThat(v.errorMessages()).as(v.name()).isEmpty());
      assertThat(new CassandraSinkConfig(props).crossFieldProblems()).isEmpty();
    }
  }
}
