package dev.pageevents.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class ReachabilityTest {

  @Test
  void shouldReportAFailedProbeOnTheNamedField() {
    Config result = new Config(List.of(new ConfigValue("uri"), new ConfigValue("user")));

    Reachability.check(
        result,
        "uri",
        "uri, user",
        () -> {
          throw new IllegalStateException("connection refused");
        });

    assertThat(result.configValues().get(0).errorMessages())
        .singleElement()
        .asString()
        .contains("uri, user", "connection refused");
    assertThat(result.configValues().get(1).errorMessages()).isEmpty();
  }

  @Test
  void shouldNotProbeWhileAFieldIsInvalid() {
    ConfigValue uri = new ConfigValue("uri");
    uri.addErrorMessage("missing");
    AtomicBoolean probed = new AtomicBoolean();

    Reachability.check(new Config(List.of(uri)), "uri", "uri", () -> probed.set(true));

    assertThat(probed).isFalse();
  }

  @Test
  void shouldReportADiagnosedFailureOnTheFieldTheDiagnosisNames() {
    Config result = new Config(List.of(new ConfigValue("hosts"), new ConfigValue("user")));

    Reachability.check(
        result,
        () -> {
          throw new SecurityException("bad password");
        },
        e -> new Reachability.Failure("user", "Wrong credentials: " + e.getMessage()));

    assertThat(result.configValues().get(0).errorMessages()).isEmpty();
    assertThat(result.configValues().get(1).errorMessages())
        .containsExactly("Wrong credentials: bad password");
  }

  @Test
  void shouldReportAFailureOnTheSettingAConfigExceptionNames() {
    Config result = new Config(List.of(new ConfigValue("hosts"), new ConfigValue("ca.file")));

    Reachability.check(
        result,
        "hosts",
        "hosts",
        () -> {
          throw new IllegalStateException(
              new org.apache.kafka.common.config.ConfigException("ca.file", "", "Set the CA file"));
        });

    assertThat(result.configValues().get(0).errorMessages()).isEmpty();
    assertThat(result.configValues().get(1).errorMessages()).containsExactly("Set the CA file");
  }

  @Test
  void shouldStripExceptionClassNamesFromMessages() {
    assertThat(
            Reachability.withoutClassNames(
                "Cannot reach: com.mongodb.MongoSocketOpenException: Exception opening socket,"
                    + " caused by {java.net.ConnectException: Connection refused}"
                    + " ConnectionInitException: [s1] failed"
                    + " (io.netty.channel.StacklessClosedChannelException)]"))
        .isEqualTo(
            "Cannot reach: Exception opening socket, caused by {Connection refused} [s1] failed]");
  }
}
