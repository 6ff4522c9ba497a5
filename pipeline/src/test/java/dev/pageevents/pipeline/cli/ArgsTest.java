package dev.pageevents.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {
  private static final String USAGE = "cmd --bootstrap-servers host:9092";

  @Test
  void shouldPrintTheUsageWhenTheCommandLineStartsWithHelp() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    boolean asked =
        Args.helpAsked(
            new String[] {"--help"}, USAGE, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(asked).isTrue();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(USAGE + System.lineSeparator());
  }

  @Test
  void shouldPrintNothingWithoutHelp() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    boolean asked =
        Args.helpAsked(
            new String[] {"--topic", "t"},
            USAGE,
            new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(asked).isFalse();
    assertThat(bytes.size()).isZero();
  }

  @Test
  void shouldReturnARequiredOptionsValue() {
    Args args = Args.parse(new String[] {"--bootstrap-servers", "b:9092"}, OPTIONS, Set.of());

    assertThat(args.required("--bootstrap-servers", USAGE)).isEqualTo("b:9092");
  }

  @Test
  void shouldNameAMissingRequiredOptionWithTheUsage() {
    Args args = Args.parse(new String[0], OPTIONS, Set.of());

    assertThatThrownBy(() -> args.required("--bootstrap-servers", USAGE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--bootstrap-servers is required\n" + USAGE);
  }

  private static final Set<String> OPTIONS = Set.of("--bootstrap-servers", "--topic");
}
