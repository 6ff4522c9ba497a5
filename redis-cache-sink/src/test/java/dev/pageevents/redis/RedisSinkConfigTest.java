package dev.pageevents.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class RedisSinkConfigTest {

  @Test
  void shouldRejectAPrefixThatWouldCreateItsOwnHashTag() {
    assertThatThrownBy(
            () ->
                new RedisSinkConfig(
                    Map.of(
                        RedisSinkConfig.HOSTS_CONFIG, "h:1", RedisSinkConfig.PREFIX_CONFIG, "a{b")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(RedisSinkConfig.PREFIX_CONFIG);
  }

  @Test
  void shouldRejectHostsWithoutPort() {
    assertThatThrownBy(() -> new RedisSinkConfig(Map.of(RedisSinkConfig.HOSTS_CONFIG, "localhost")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("host:port");
  }

  @Test
  void shouldNameTheTrustStoreSettingWhenItCannotBeLoaded() {
    RedisSinkConfig config =
        new RedisSinkConfig(
            Map.of(
                RedisSinkConfig.HOSTS_CONFIG, "h:1",
                RedisSinkConfig.SSL_CONFIG, "true",
                RedisSinkConfig.TRUSTSTORE_CONFIG, "/nonexistent/ca.p12"));

    assertThatThrownBy(() -> RedisClients.clientConfig(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(RedisSinkConfig.TRUSTSTORE_CONFIG);
  }

  @Test
  void shouldReadTheKeyLayout() {
    RedisSinkConfig config =
        new RedisSinkConfig(
            Map.of(RedisSinkConfig.HOSTS_CONFIG, "a:1,b:2", RedisSinkConfig.GROUPS_CONFIG, "8"));
    assertThat(config.keys()).isEqualTo(new RedisKeys("pe", 8, 60, 3600));
    assertThat(config.hosts()).containsExactly("a:1", "b:2");
  }

  @Test
  void shouldAcceptEveryShippedSampleConfig() throws Exception {
    List<Path> samples;
    try (Stream<Path> files = Files.list(Path.of("src/main/hub/etc"))) {
      samples = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(samples).hasSize(2);
    for (Path sample : samples) {
      @SuppressWarnings("unchecked")
      Map<String, String> props = new ObjectMapper().readValue(sample.toFile(), Map.class);
      assertThat(new RedisSinkConnector().config().validate(props))
          .allSatisfy(value -> assertThat(value.errorMessages()).as(value.name()).isEmpty());
      assertThat(props.get("connector.class")).isEqualTo(RedisSinkConnector.class.getName());
    }
  }
}
