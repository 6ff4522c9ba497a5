package dev.pageevents.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pageevents.stack.KafkaConnectStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * One real Connect worker per test JVM, with only the unpacked plugin archives on its plugin.path
 * and Kafka's file and env config providers enabled; plus the REST calls the tests make.
 */
final class Worker {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static KafkaConnectStack stack;

  private Worker() {}

  /** The started worker, starting it on first use; closed by a shutdown hook. */
  static synchronized KafkaConnectStack stack() {
    if (stack == null) {
      stack =
          KafkaConnectStack.builder()
              .pluginPath(Path.of(System.getProperty("plugins.dir")))
              .workerProperty("config.providers", "file,env")
              .workerProperty(
                  "config.providers.file.class",
                  "org.apache.kafka.common.config.provider.FileConfigProvider")
              .workerProperty(
                  "config.providers.env.class",
                  "org.apache.kafka.common.config.provider.EnvVarConfigProvider")
              .build()
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "reliability-worker-stop"));
    }
    return stack;
  }

  static EmbeddedConnectCluster connect() {
    return stack().cluster();
  }

  /** {@code PUT /connector-plugins/<class>/config/validate}: status code and body. */
  static HttpResponse<String> validate(Map<String, String> config)
      throws IOException, InterruptedException {
    String plugin = config.get("connector.class");
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create(
                    stack().connectUrl() + "/connector-plugins/" + plugin + "/config/validate"))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(config)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** {@code GET /connectors/<name>/status} as JSON, or null while the connector is unknown. */
  static JsonNode status(String connector) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(stack().connectUrl() + "/connectors/" + connector + "/status"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
  }

  /** The raw text of a connector's status, as an operator sees it. */
  static String statusText(String connector) throws IOException, InterruptedException {
    return HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(stack().connectUrl() + "/connectors/" + connector + "/status"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  static ObjectMapper json() {
    return JSON;
  }
}
