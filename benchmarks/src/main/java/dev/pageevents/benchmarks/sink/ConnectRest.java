package dev.pageevents.benchmarks.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The Connect worker's REST API: a request, and a request that must answer an expected code. */
public final class ConnectRest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String connectUrl;

  public ConnectRest(String connectUrl) {
    this.connectUrl = connectUrl;
  }

  /** Sends the request; fails unless the answer's status is one of {@code expected}. */
  public int send(String method, String path, String body, int... expected)
      throws IOException, InterruptedException {
    HttpResponse<String> response = request(method, path, body);
    for (int code : expected) {
      if (response.statusCode() == code) {
        return code;
      }
    }
    throw new IllegalStateException(
        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
  }

  public HttpResponse<String> request(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(connectUrl + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Creates the connector or updates its config (tasks restart with it). */
  public void putConfig(String name, Map<String, String> config)
      throws IOException, InterruptedException {
    send("PUT", "/connectors/" + name + "/config", JSON.writeValueAsString(config), 201, 200);
  }

  /** Waits until the connector and at least one task, and every task it has, are RUNNING. */
  public void awaitRunning(String name, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      HttpResponse<String> response = request("GET", "/connectors/" + name + "/status", null);
      if (response.statusCode() == 200) {
        JsonNode status = JSON.readTree(response.body());
        JsonNode tasks = status.path("tasks");
        boolean running = "RUNNING".equals(status.path("connector").path("state").asText());
        for (JsonNode task : tasks) {
          running &= "RUNNING".equals(task.path("state").asText());
        }
        if (running && !tasks.isEmpty()) {
          return;
        }
        failIfFailed(name);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(name + " not running after " + timeout);
      }
      Thread.sleep(200);
    }
  }

  /** Fails when the connector or one of its tasks is FAILED. */
  public void failIfFailed(String name) throws IOException, InterruptedException {
    HttpResponse<String> status = request("GET", "/connectors/" + name + "/status", null);
    if (status.body().contains("\"FAILED\"")) {
      throw new IllegalStateException(name + " failed: " + status.body());
    }
  }

  /** Deletes the connector and waits until the worker no longer knows it. */
  public void delete(String name) throws IOException, InterruptedException {
    send("DELETE", "/connectors/" + name, null, 204, 200, 404);
    while (send("GET", "/connectors/" + name + "/status", null, 200, 404) != 404) {
      Thread.sleep(100);
    }
  }
}
