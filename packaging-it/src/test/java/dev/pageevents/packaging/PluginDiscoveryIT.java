package dev.pageevents.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pageevents.packaging.ExpectedPlugins.Plugin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real Connect worker with only the unpacked archives on its plugin.path, discovering plugins
 * through their service manifests (KIP-898), lists every connector of the pack at the build
 * version.
 */
class PluginDiscoveryIT {
  private static EmbeddedConnectCluster connect;

  @BeforeAll
  static void startWorker() {
    Map<String, String> worker = new HashMap<>();
    worker.put(WorkerConfig.PLUGIN_PATH_CONFIG, System.getProperty("plugins.dir"));
    worker.put(WorkerConfig.PLUGIN_DISCOVERY_CONFIG, "service_load");
    connect =
        new EmbeddedConnectCluster.Builder()
            .name("plugin-discovery")
            .numWorkers(1)
            .numBrokers(1)
            .workerProps(worker)
            .build();
    connect.start();
  }

  @AfterAll
  static void stopWorker() {
    if (connect != null) {
      connect.stop();
    }
  }

  @Test
  void shouldListEveryConnectorOfThePackAtTheBuildVersion() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            connect.endpointForResource("connector-plugins?connectorsOnly=true")))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);

    Map<String, String> ours = new HashMap<>();
    Map<String, String> types = new HashMap<>();
    for (JsonNode plugin : new ObjectMapper().readTree(response.body())) {
      String className = plugin.path("class").asText();
      if (className.startsWith("dev.pageevents.")) {
        ours.put(className, plugin.path("version").asText());
        types.put(className, plugin.path("type").asText());
      }
    }

    Map<String, String> expectedVersions =
        ExpectedPlugins.ALL.stream()
            .collect(Collectors.toMap(Plugin::connectorClass, p -> ExpectedPlugins.VERSION));
    Map<String, String> expectedTypes =
        ExpectedPlugins.ALL.stream()
            .collect(Collectors.toMap(Plugin::connectorClass, Plugin::type));
    assertThat(ours).isEqualTo(expectedVersions);
    assertThat(types).isEqualTo(expectedTypes);
  }
}
