package dev.pageevents.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The demo's command line: --format picks the source's event format, before any --set. */
class DemoOptionsTest {
  @Test
  void shouldKeepTheSourcesOwnFormatWithoutFormat() {
    assertThat(Demo.options(new String[] {"--events", "10"}).sets()).isEmpty();
  }

  @Test
  void shouldSetTheSourcesEventFormatSoALaterSetCanStillOverrideIt() {
    Demo.Options options =
        Demo.options(new String[] {"--set", "page-event-source.tasks.max=2", "--format", "course"});

    assertThat(options.sets())
        .containsExactly("page-event-source.event.format=course", "page-event-source.tasks.max=2");
  }

  @Test
  void shouldRejectAnUnknownFormatNamingTheChoices() {
    assertThatThrownBy(() -> Demo.options(new String[] {"--format", "avro"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--format expects one of")
        .hasMessageContaining("course")
        .hasMessageContaining("'avro'");
  }

  @Test
  void shouldRunOnClustersOnlyWithTheClusterFlag() {
    assertThat(Demo.options(new String[] {"--events", "10"}).cluster()).isFalse();
    assertThat(Demo.options(new String[] {"--cluster", "--events", "10"}).cluster()).isTrue();
  }
}
