package dev.pageevents.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pageevents.packaging.ExpectedPlugins.Plugin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Checks each unpacked plugin archive against the Confluent Hub layout and KIP-898. */
class PluginArchiveLayoutIT {
  private static final Path PLUGINS = Path.of(System.getProperty("plugins.dir"));
  private static final List<Plugin> PLUGIN_LIST = ExpectedPlugins.ALL;

  private static Path home(Plugin plugin) {
    return PLUGINS.resolve(plugin.artifactId() + "-" + ExpectedPlugins.VERSION);
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void shouldBuildExactlyTheExpectedArchives() throws IOException {
    assertThat(names(PLUGINS))
        .containsExactlyInAnyOrderElementsOf(
            PLUGIN_LIST.stream().map(p -> p.artifactId() + "-" + ExpectedPlugins.VERSION).toList());
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("PLUGIN_LIST")
  void shouldDescribeThePluginInItsManifest(Plugin plugin) throws IOException {
    JsonNode manifest = new ObjectMapper().readTree(home(plugin).resolve("manifest.json").toFile());

    assertThat(manifest.path("name").asText()).isEqualTo(plugin.artifactId());
    assertThat(manifest.path("version").asText()).isEqualTo(ExpectedPlugins.VERSION);
    assertThat(manifest.path("component_types").get(0).asText()).isEqualTo(plugin.type());
    assertThat(manifest.path("owner").path("username").asText()).isNotBlank();
    assertThat(manifest.path("license").get(0).path("name").asText()).contains("Apache");
    assertThat(manifest.path("description").asText()).isNotBlank().doesNotContain("${");
    assertThat(manifest.path("title").asText()).isNotBlank().doesNotContain("${");
  }

  /** The Hub fields beyond the name: what a catalogue shows and a user checks before installing. */
  @ParameterizedTest(name = "{0}")
  @FieldSource("PLUGIN_LIST")
  void shouldFillEveryHubFieldOfTheManifest(Plugin plugin) throws IOException {
    JsonNode manifest = new ObjectMapper().readTree(home(plugin).resolve("manifest.json").toFile());

    assertThat(manifest.path("component_types")).hasSize(1);
    assertThat(manifest.path("tags").toString()).contains("\"page events\"", plugin.type());
    assertThat(manifest.path("requirements").get(0).asText())
        .startsWith("Apache Kafka Connect worker, versions tested: ")
        .contains("4.3.1");
    assertThat(manifest.path("requirements").toString()).contains("Java 17");
    assertThat(manifest.path("requirements")).hasSizeGreaterThanOrEqualTo(3);
    assertThat(manifest.path("license").get(0).path("url").asText()).startsWith("https://");
    assertThat(manifest.path("documentation_url").asText())
        .startsWith("https://")
        .contains(plugin.artifactId());
    assertThat(manifest.path("source_url").asText()).startsWith("https://");
    assertThat(manifest.path("features").path("delivery_guarantee").asText())
        .isIn("at_least_once", "exactly_once");
    assertThat(manifest.path("release_date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(manifest.toString()).doesNotContain("${");
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("PLUGIN_LIST")
  void shouldShipLibEtcAndDocWithoutWorkerJars(Plugin plugin) throws IOException {
    List<String> lib = names(home(plugin).resolve("lib"));

    assertThat(lib)
        .contains(plugin.artifactId() + "-" + ExpectedPlugins.VERSION + ".jar")
        .anyMatch(jar -> jar.startsWith("pageevent-core-"))
        .noneMatch(jar -> jar.startsWith("kafka-clients"))
        .noneMatch(jar -> jar.startsWith("connect-"))
        .noneMatch(jar -> jar.startsWith("slf4j-"));
    assertThat(names(home(plugin).resolve("etc"))).isNotEmpty();
    assertThat(home(plugin).resolve("doc/README.md")).isNotEmptyFile();
    String reference = Files.readString(home(plugin).resolve("doc/config-reference.md"));
    assertThat(reference).contains("configuration").contains("| Name | Type | Default |");
    if (plugin.type().equals("sink")) {
      assertThat(reference).contains("## Deprecated names", "| Deprecated name | Use instead |");
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("PLUGIN_LIST")
  void shouldDeclareTheConnectorInAServiceManifest(Plugin plugin) throws IOException {
    Path jar =
        home(plugin)
            .resolve("lib")
            .resolve(plugin.artifactId() + "-" + ExpectedPlugins.VERSION + ".jar");
    try (JarFile file = new JarFile(jar.toFile())) {
      var entry = file.getJarEntry(plugin.serviceFile());
      assertThat(entry).as(plugin.serviceFile()).isNotNull();
      try (InputStream in = file.getInputStream(entry)) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
            .contains(plugin.connectorClass());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("PLUGIN_LIST")
  void shouldKeepConnectorClassesOffTheTestClasspath(Plugin plugin) {
    assertThatThrownBy(() -> Class.forName(plugin.connectorClass()))
        .isInstanceOf(ClassNotFoundException.class);
  }
}
