package dev.pageevents.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginManifestTest {
  private static List<String> arguments() {
    return new ArrayList<>(
        List.of(
            "name=redis-cache-sink",
            "version=1.2.3",
            "title=Page events Redis cache sink",
            "description=Keeps counters\n    in Redis \"exactly\".",
            "component.type=sink",
            "tags=page events|kafka connect|sink|redis",
            "owner.username=pageevents",
            "owner.name=Page events pack",
            "requirements=Java 17 or later|Redis, tested with 6.2",
            "workers=4.3.1 (CI), 3.9.1 and 3.7.2 (each tried by hand once)",
            "documentation.url=https://example.org/pack/blob/v1.2.3/redis-cache-sink/README.md",
            "source.url=https://example.org/pack",
            "license.name=Apache License 2.0",
            "license.url=https://www.apache.org/licenses/LICENSE-2.0",
            "delivery.guarantee=exactly_once",
            "release.date=2026-12-05"));
  }

  private static JsonNode write(Path dir, List<String> arguments) throws Exception {
    Path out = dir.resolve("hub/manifest.json");
    List<String> args = new ArrayList<>(List.of(out.toString()));
    args.addAll(arguments);
    PluginManifest.main(args.toArray(String[]::new));
    return new ObjectMapper().readTree(out.toFile());
  }

  @Test
  void shouldWriteEveryFieldOfTheHubFormat(@TempDir Path dir) throws Exception {
    JsonNode manifest = write(dir, arguments());

    assertThat(manifest.path("name").asText()).isEqualTo("redis-cache-sink");
    assertThat(manifest.path("version").asText()).isEqualTo("1.2.3");
    assertThat(manifest.path("description").asText())
        .isEqualTo("Keeps counters in Redis \"exactly\".");
    assertThat(manifest.path("component_types")).hasSize(1);
    assertThat(manifest.path("component_types").get(0).asText()).isEqualTo("sink");
    assertThat(manifest.path("tags").toString()).contains("\"redis\"", "\"page events\"");
    assertThat(manifest.path("requirements").get(0).asText())
        .isEqualTo(
            "Apache Kafka Connect worker, versions tested: 4.3.1 (CI), 3.9.1 and 3.7.2 (each"
                + " tried by hand once)");
    assertThat(manifest.path("requirements").toString()).contains("Java 17", "Redis");
    assertThat(manifest.path("license").get(0).path("name").asText())
        .isEqualTo("Apache License 2.0");
    assertThat(manifest.path("license").get(0).path("url").asText()).startsWith("https://");
    assertThat(manifest.path("documentation_url").asText()).endsWith("redis-cache-sink/README.md");
    assertThat(manifest.path("source_url").asText()).isEqualTo("https://example.org/pack");
    assertThat(manifest.path("owner").path("username").asText()).isEqualTo("pageevents");
    assertThat(manifest.path("support").path("provider_name").asText()).isNotBlank();
    assertThat(manifest.path("features").path("delivery_guarantee").asText())
        .isEqualTo("exactly_once");
    assertThat(manifest.path("features").path("kafka_connect_api").asBoolean()).isTrue();
    assertThat(manifest.path("release_date").asText()).isEqualTo("2026-12-05");
  }

  @Test
  void shouldRefuseAMissingEmptyOrUnresolvedSettingNamingIt(@TempDir Path dir) {
    List<String> missing = arguments();
    missing.removeIf(arg -> arg.startsWith("documentation.url="));
    List<String> unresolved = arguments();
    unresolved.replaceAll(arg -> arg.startsWith("workers=") ? "workers=${plugin.workers}" : arg);
    List<String> unknown = arguments();
    unknown.add("colour=blue");

    assertThatThrownBy(() -> write(dir, missing)).hasMessageContaining("documentation.url");
    assertThatThrownBy(() -> write(dir, unresolved)).hasMessageContaining("workers");
    assertThatThrownBy(() -> write(dir, unknown)).hasMessageContaining("colour");
  }
}
