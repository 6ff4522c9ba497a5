package dev.pageevents.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pageevents.core.testing.Visibility;
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

  @Test
  void shouldNameTheSettingToFixWhenSettingsDoNotFitTogether() {
    assertThat(
            new RedisSinkConfig(
                    Map.of(
                        RedisSinkConfig.HOSTS_CONFIG, "a:1",
                        RedisSinkConfig.MODE_CONFIG, "cluster",
                        RedisSinkConfig.DATABASE_CONFIG, "2"))
                .crossFieldProblems())
        .containsOnlyKeys(RedisSinkConfig.DATABASE_CONFIG);
    assertThat(
            new RedisSinkConfig(Map.of(RedisSinkConfig.HOSTS_CONFIG, "a:1", "redis.username", "u"))
                .crossFieldProblems())
        .containsOnlyKeys(RedisSinkConfig.PASSWORD_CONFIG);
    assertThat(
            new RedisSinkConfig(
                    Map.of(
                        RedisSinkConfig.HOSTS_CONFIG, "a:1",
                        RedisSinkConfig.TRUSTSTORE_CONFIG, "/etc/ca.p12"))
                .crossFieldProblems())
        .containsOnlyKeys(RedisSinkConfig.SSL_CONFIG);
    assertThat(
            new RedisSinkConfig(
                    Map.of(
                        RedisSinkConfig.HOSTS_CONFIG, "a:1", RedisSinkConfig.PASSWORD_CONFIG, "p"))
                .crossFieldProblems())
        .as("requirepass needs no user")
        .isEmpty();
  }

  @Test
  void shouldShowErrorsInValidateAndFailStartOnTheSameProblem() {
    Map<String, String> props =
        Map.of(
            "name",
            "r",
            "topics",
            "t",
            RedisSinkConfig.HOSTS_CONFIG,
            "127.0.0.1:1",
            RedisSinkConfig.MODE_CONFIG,
            "cluster",
            RedisSinkConfig.DATABASE_CONFIG,
            "2");

    assertThat(new RedisSinkConnector().validate(props).configValues())
        .filteredOn(value -> !value.errorMessages().isEmpty())
        .extracting(value -> value.name())
        .containsExactly(RedisSinkConfig.DATABASE_CONFIG);
    assertThatThrownBy(() -> new RedisSinkConnector().start(props))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(RedisSinkConfig.DATABASE_CONFIG)
        .hasMessageContaining("only database 0");
  }

  @Test
  void shouldStillReadTheDeprecatedUserName() {
    RedisSinkConfig config =
        new RedisSinkConfig(
            Map.of(RedisSinkConfig.HOSTS_CONFIG, "a:1", "redis.user", "u", "redis.password", "p"));

    assertThat(config.getString(RedisSinkConfig.USER_CONFIG)).isEqualTo("u");
    assertThat(config.crossFieldProblems()).isEmpty();
  }

  @Test
  void shouldShowTheDatabaseOnlyInStandaloneMode() {
    assertThat(visible(Map.of(RedisSinkConfig.HOSTS_CONFIG, "a:1"))).isTrue();
    assertThat(
            visible(
                Map.of(
                    RedisSinkConfig.HOSTS_CONFIG, "a:1", RedisSinkConfig.MODE_CONFIG, "cluster")))
        .isFalse();
  }

  private static boolean visible(Map<String, String> props) {
    return Visibility.of(RedisSinkConfig.CONFIG_DEF, props).get(RedisSinkConfig.DATABASE_CONFIG);
  }
}
