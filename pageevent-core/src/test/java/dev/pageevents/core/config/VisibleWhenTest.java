package dev.pageevents.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class VisibleWhenTest {
  private static Map<String, Object> parsed(String name, Object value) {
    Map<String, Object> parsed = new HashMap<>();
    parsed.put(name, value);
    return parsed;
  }

  @Test
  void shouldShowASettingOnlyForTheValueItDependsOn() {
    VisibleWhen recommender = VisibleWhen.equalTo("mode", "standalone");

    assertThat(recommender.visible("db", parsed("mode", "standalone"))).isTrue();
    assertThat(recommender.visible("db", parsed("mode", "cluster"))).isFalse();
    assertThat(recommender.visible("db", parsed("mode", null))).isFalse();
    assertThat(VisibleWhen.equalTo("on", true).visible("x", parsed("on", true))).isTrue();
    assertThat(VisibleWhen.equalTo("on", true).visible("x", parsed("on", false))).isFalse();
  }

  @Test
  void shouldTellASetSecretFromAnEmptyOne() {
    assertThat(VisibleWhen.set("key").visible("x", parsed("key", new Password("k")))).isTrue();
    assertThat(VisibleWhen.set("key").visible("x", parsed("key", new Password("")))).isFalse();
    assertThat(VisibleWhen.notSet("key").visible("x", parsed("key", null))).isTrue();
    assertThat(VisibleWhen.notSet("user").visible("x", parsed("user", " ann "))).isFalse();
  }

  @Test
  void shouldNeverRestrictTheValue() {
    assertThat(VisibleWhen.set("key").validValues("x", Map.of())).isEmpty();
  }
}
