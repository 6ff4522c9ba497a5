package dev.pageevents.configs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegisterOptionsTest {

  @Test
  void shouldParseEveryOption() {
    RegisterOptions options =
        RegisterOptions.parse(
            "--connect",
            "http://h:8083",
            "--dir",
            "d",
            "--set",
            "a.k=v",
            "--set",
            "b.x.y=z",
            "--only",
            "a, b",
            "--timeout",
            "3m");

    assertThat(options.connectUrl()).isEqualTo("http://h:8083");
    assertThat(options.dir()).isEqualTo(Path.of("d"));
    assertThat(options.overrides()).containsExactly("a.k=v", "b.x.y=z");
    assertThat(options.only()).containsExactly("a", "b");
    assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void shouldDefaultToTheBundledConfigsAndThreeMinutes() {
    RegisterOptions options = RegisterOptions.parse("--connect", "http://h:8083");

    assertThat(options.dir()).isNull();
    assertThat(options.only()).isEmpty();
    assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(180));
  }

  @Test
  void shouldReadDurationsInTheUsualForms() {
    assertThat(RegisterOptions.duration("180s")).isEqualTo(Duration.ofSeconds(180));
    assertThat(RegisterOptions.duration("90")).isEqualTo(Duration.ofSeconds(90));
    assertThat(RegisterOptions.duration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(RegisterOptions.duration("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(RegisterOptions.duration("PT2M")).isEqualTo(Duration.ofMinutes(2));
    assertThatThrownBy(() -> RegisterOptions.duration("soon"))
        .hasMessageContaining("--timeout expects a duration");
  }

  @Test
  void shouldRejectAMissingConnectUrlUnknownOptionsAndMissingValues() {
    assertThatThrownBy(() -> RegisterOptions.parse("--dir", "d"))
        .hasMessageContaining("--connect is required");
    assertThatThrownBy(() -> RegisterOptions.parse("--connect", "u", "--verbose"))
        .hasMessageContaining("Unknown option '--verbose'");
    assertThatThrownBy(() -> RegisterOptions.parse("--connect"))
        .hasMessageContaining("--connect needs a value");
  }

  @Test
  void shouldApplyOverridesThenKeepOnlyTheChosenConnectors() {
    RegisterOptions options =
        RegisterOptions.parse(
            "--connect",
            "u",
            "--only",
            "redis-cache-sink",
            "--set",
            "redis-cache-sink.redis.hosts=127.0.0.1:1",
            "--set",
            "mongo-sink.database=x");

    var chosen = RegisterConnectors.select(options);

    assertThat(chosen.keySet()).containsExactly("redis-cache-sink");
    assertThat(chosen.get("redis-cache-sink")).containsEntry("redis.hosts", "127.0.0.1:1");
  }

  @Test
  void shouldExitWithTwoAndTheUsageOnABadCommandLine() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        RegisterConnectors.run(
            new String[] {"--connect", "u", "--only", "nope"},
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--only names unknown connectors [nope]")
        .contains("Usage: RegisterConnectors");
  }
}
