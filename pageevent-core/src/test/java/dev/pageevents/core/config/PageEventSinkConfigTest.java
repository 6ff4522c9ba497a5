package dev.pageevents.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pageevents.core.event.FieldMapping;
import dev.pageevents.core.sink.WritePipeline;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class PageEventSinkConfigTest {
  private static final ConfigDef DEF = PageEventSinkConfig.withSharedGroups(new ConfigDef(), 250);

  private static PageEventSinkConfig config(Map<String, String> props) {
    return new PageEventSinkConfig(DEF, props);
  }

  @Test
  void shouldDefaultToThePacksAndTheCourseFieldNames() {
    PageEventSinkConfig config = config(Map.of());

    assertThat(config.fieldMapping()).isEqualTo(FieldMapping.defaults());
    WritePipeline.Settings settings = WritePipeline.Settings.from(config);
    assertThat(settings.batchSize()).isEqualTo(250);
    assertThat(settings.retry().maxRetries()).isEqualTo(10);
    assertThat(settings.tolerateAll()).isFalse();
  }

  @Test
  void shouldMapDatagenPageviewsFields() {
    PageEventSinkConfig config =
        config(
            Map.of(
                "pageevent.field.page", "pageid",
                "pageevent.field.user", "userid",
                "pageevent.field.timestamp", "viewtime",
                "pageevent.duration.default.ms", "0"));

    FieldMapping mapping = config.fieldMapping();
    assertThat(mapping.page()).containsExactly("pageid");
    assertThat(mapping.user()).containsExactly("userid");
    assertThat(mapping.timestamp()).containsExactly("viewtime");
    assertThat(mapping.defaultDurationMs()).isZero();
  }

  @Test
  void shouldTolerateBadRecordsOnlyWhenConnectIsToldTo() {
    assertThat(WritePipeline.Settings.from(config(Map.of("errors.tolerance", "all"))).tolerateAll())
        .isTrue();
    assertThat(
            WritePipeline.Settings.from(config(Map.of("errors.tolerance", "none"))).tolerateAll())
        .isFalse();
  }

  @Test
  void shouldRejectOutOfRangeValuesNamingTheSetting() {
    assertThatThrownBy(() -> config(Map.of("batch.size", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("batch.size");
    assertThatThrownBy(() -> config(Map.of("max.retries", "-1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("max.retries");
    assertThatThrownBy(() -> config(Map.of("pageevent.field.page", "")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("pageevent.field.page")
        .hasMessageContaining("at least one field name");
  }

  @Test
  void shouldReportEveryBadSettingThroughValidate() {
    var results = DEF.validate(Map.of("batch.size", "-3", "retry.backoff.ms", "soon"));

    var errors =
        results.stream()
            .filter(value -> !value.errorMessages().isEmpty())
            .map(value -> value.name())
            .toList();
    assertThat(errors).containsExactlyInAnyOrder("batch.size", "retry.backoff.ms");
  }

  @Test
  void shouldGenerateAReferenceWithEveryGroupAndSetting() {
    String markdown = ConfigReference.markdown("TestConnector", DEF);

    assertThat(markdown)
        .contains("# TestConnector configuration")
        .contains("## Field mapping", "## Writes", "## Retries");
    for (String name : DEF.names()) {
      assertThat(markdown).contains("| `" + name + "` |");
    }
    assertThat(markdown).contains("`page,name`");
  }

  @Test
  void shouldKeepTheDefaultCandidateListsInOrder() {
    assertThat(config(Map.of()).getList("pageevent.field.timestamp"))
        .isEqualTo(List.of("timestamp", "date"));
  }
}
