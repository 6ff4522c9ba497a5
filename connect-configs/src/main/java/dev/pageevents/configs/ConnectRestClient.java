package dev.pageevents.configs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small client of the Kafka Connect REST API (JDK HttpClient + Jackson): put and patch configs,
 * read statuses, wait until connectors run, stop, reset offsets and resume, validate, delete. A 409
 * (the cluster is rebalancing) is retried for up to {@link #REBALANCE_WAIT}.
 */
public final class ConnectRestClient {
  static final Duration REBALANCE_WAIT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final Duration requestTimeout;
  private final HttpClient http;

  /** A client of the worker at {@code baseUrl}, e.g. "http://localhost:8083". */
  public ConnectRestClient(String baseUrl) {
    this(baseUrl, Duration.ofSeconds(90));
  }

  /**
   * @param requestTimeout how long one request may take (Connect itself gives up after 90 s,
   *     validate probes the stores)
   */
  public ConnectRestClient(String baseUrl, Duration requestTimeout) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.requestTimeout = requestTimeout;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** {@code PUT /connectors/<name>/config}: creates or updates; true when it was created. */
  public boolean put(String name, Map<String, String> config) {
    HttpResponse<String> response =
        send("PUT", "/connectors/" + encode(name) + "/config", body(config), 200, 201);
    return response.statusCode() == 201;
  }

  /** {@code GET /connectors/<name>/status}. */
  public ConnectorStatus status(String name) {
    return parseStatus(send("GET", "/connectors/" + encode(name) + "/status", null, 200).body());
  }

  /** {@code GET /connectors}: the names of every connector, sorted. */
  public List<String> connectors() {
    List<String> names = new ArrayList<>();
    read(send("GET", "/connectors", null, 200).body()).forEach(n -> names.add(n.asText()));
    names.sort(null);
    return names;
  }

  /** {@code PUT /connector-plugins/<class>/config/validate}; the class may be a full name. */
  public ValidationResult validate(String connectorClass, Map<String, String> config) {
    Map<String, String> withClass = new LinkedHashMap<>(config);
    withClass.putIfAbsent("connector.class", connectorClass);
    String path = "/connector-plugins/" + encode(connectorClass) + "/config/validate";
    return parseValidation(send("PUT", path, body(withClass), 200).body());
  }

  /** {@code DELETE /connectors/<name>}; true when it existed. */
  public boolean delete(String name) {
    return send("DELETE", "/connectors/" + encode(name), null, 204, 200, 404).statusCode() != 404;
  }

  /** {@code DELETE /connectors/<name>}, then waits until the worker no longer knows it. */
  public void deleteAndAwait(String name, Duration timeout) {
    delete(name);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (send("GET", "/connectors/" + encode(name) + "/status", null, 200, 404).statusCode()
        != 404) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            name + " still exists " + timeout.toSeconds() + " s after DELETE");
      }
      sleep(POLL);
    }
  }

  /** {@code PUT /connectors/<name>/stop}: its tasks shut down, its config and offsets stay. */
  public void stop(String name) {
    send("PUT", "/connectors/" + encode(name) + "/stop", null, 202, 204);
  }

  /** {@code PUT /connectors/<name>/resume}: a stopped or paused connector runs again. */
  public void resume(String name) {
    send("PUT", "/connectors/" + encode(name) + "/resume", null, 202, 204);
  }

  /** {@code PATCH /connectors/<name>/config}: changes only the given settings, keeps the others. */
  public void patchConfig(String name, Map<String, String> settings) {
    send("PATCH", "/connectors/" + encode(name) + "/config", body(settings), 200);
  }

  /** Waits until the connector is STOPPED and its tasks are gone, so its offsets can change. */
  public void awaitStopped(String name, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    ConnectorStatus status;
    while (!(status = statusOrUnassigned(name)).stopped()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            report("Not STOPPED after " + timeout.toSeconds() + " s", List.of(status)));
      }
      sleep(POLL);
    }
  }

  /**
   * {@code DELETE /connectors/<name>/offsets} (KIP-875; the connector must be STOPPED): resets the
   * offsets of every partition, so the sink replays the topic from its start; returns Connect's
   * message. A sink may refuse (its message says why), or clear its store first.
   */
  public String resetOffsets(String name) {
    return errorMessage(
        send("DELETE", "/connectors/" + encode(name) + "/offsets", null, 200).body());
  }

  /** Throws, with the states and traces, when the connector or one of its tasks FAILED. */
  public void failIfFailed(String name) {
    ConnectorStatus status = statusOrUnassigned(name);
    if (status.failed()) {
      throw new IllegalStateException(report("Connector failed", List.of(status)));
    }
  }

  /**
   * Waits until every named connector and all its tasks are RUNNING.
   *
   * @throws IllegalStateException as soon as one connector or task FAILED, or at the timeout, with
   *     each connector's state and every failed task's trace
   */
  public Map<String, ConnectorStatus> awaitRunning(Collection<String> names, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Map<String, ConnectorStatus> statuses = new LinkedHashMap<>();
      for (String name : names) {
        statuses.put(name, statusOrUnassigned(name));
      }
      if (statuses.values().stream().allMatch(ConnectorStatus::running)) {
        return statuses;
      }
      List<ConnectorStatus> failed =
          statuses.values().stream().filter(ConnectorStatus::failed).toList();
      if (!failed.isEmpty()) {
        throw new IllegalStateException(report("Connectors failed", failed));
      }
      if (System.nanoTime() > deadline) {
        List<ConnectorStatus> waiting =
            statuses.values().stream().filter(s -> !s.running()).toList();
        throw new IllegalStateException(
            report("Not RUNNING after " + timeout.toSeconds() + " s", waiting));
      }
      sleep(POLL);
    }
  }

  private ConnectorStatus statusOrUnassigned(String name) {
    try {
      return status(name);
    } catch (ConnectRestException e) {
      if (e.status() == 404) {
        // Just created: the status topic has not caught up yet.
        return new ConnectorStatus(name, "UNASSIGNED", List.of());
      }
      throw e;
    }
  }

  private static String report(String headline, List<ConnectorStatus> statuses) {
    StringBuilder out = new StringBuilder(headline).append(':');
    statuses.forEach(s -> out.append('\n').append(s.describe()));
    return out.toString();
  }

  static ConnectorStatus parseStatus(String body) {
    JsonNode root = read(body);
    JsonNode connector = root.path("connector");
    List<TaskStatus> tasks = new ArrayList<>();
    for (JsonNode task : root.path("tasks")) {
      tasks.add(
          new TaskStatus(
              task.path("id").asInt(),
              task.path("state").asText(),
              textOrNull(task, "worker_id"),
              textOrNull(task, "trace")));
    }
    tasks.sort((a, b) -> Integer.compare(a.id(), b.id()));
    return new ConnectorStatus(
        root.path("name").asText(),
        connector.path("state").asText(),
        textOrNull(connector, "trace"),
        tasks);
  }

  static ValidationResult parseValidation(String body) {
    JsonNode root = read(body);
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (JsonNode config : root.path("configs")) {
      JsonNode value = config.path("value");
      List<String> messages = new ArrayList<>();
      value.path("errors").forEach(m -> messages.add(m.asText()));
      if (!messages.isEmpty()) {
        errors.put(value.path("name").asText(), messages);
      }
    }
    return new ValidationResult(
        root.path("name").asText(), root.path("error_count").asInt(), errors);
  }

  private HttpResponse<String> send(String method, String path, String body, int... expected) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(requestTimeout)
            .header("Accept", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    long deadline = System.nanoTime() + REBALANCE_WAIT.toNanos();
    while (true) {
      HttpResponse<String> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new ConnectRestException(method + " " + baseUrl + path + " failed: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConnectRestException(method + " " + baseUrl + path + " interrupted", e);
      }
      for (int status : expected) {
        if (response.statusCode() == status) {
          return response;
        }
      }
      if (response.statusCode() == 409 && System.nanoTime() < deadline) {
        sleep(POLL);
        continue;
      }
      throw new ConnectRestException(
          response.statusCode(),
          method
              + " "
              + baseUrl
              + path
              + " answered "
              + response.statusCode()
              + ": "
              + errorMessage(response.body()));
    }
  }

  /** Connect's error body is {"error_code": N, "message": "..."}; anything else is shown as is. */
  private static String errorMessage(String body) {
    try {
      JsonNode message = JSON.readTree(body).path("message");
      return message.isTextual() ? message.asText() : body;
    } catch (IOException e) {
      return body;
    }
  }

  private static String body(Map<String, String> config) {
    try {
      return JSON.writeValueAsString(config);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot write config as JSON", e);
    }
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new ConnectRestException("Connect answered something that is not JSON: " + body, e);
    }
  }

  private static String textOrNull(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Connect", e);
    }
  }
}
