package dev.pageevents.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The Connect REST calls of a test against a worker at one base URL, answers as JSON. */
final class ConnectRest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final String baseUrl;

  ConnectRest(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** {@code GET path}; fails unless the answer is 200. */
  JsonNode get(String path) throws IOException, InterruptedException {
    return ok("GET " + path, HttpRequest.newBuilder(uri(path)).build());
  }

  /** {@code PUT path} with {@code body} as JSON; fails unless the answer is 200 or 201. */
  JsonNode put(String path, Map<String, String> body) throws IOException, InterruptedException {
    return ok(
        "PUT " + path,
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(Worker.json().writeValueAsString(body)))
            .build());
  }

  /** {@code PUT /connector-plugins/<class>/config/validate}: the raw answer, for masking checks. */
  String validate(Map<String, String> config) throws IOException, InterruptedException {
    String plugin = config.get("connector.class");
    return put("/connector-plugins/" + plugin + "/config/validate", config).toString();
  }

  /** The error messages per field of a {@code /validate} answer (fields without errors omitted). */
  static Map<String, List<String>> errorsByField(JsonNode validation) {
    Map<String, List<String>> errors = new TreeMap<>();
    for (JsonNode config : validation.path("configs")) {
      JsonNode value = config.path("value");
      value
          .path("errors")
          .forEach(
              e ->
                  errors
                      .computeIfAbsent(value.path("name").asText(), n -> new ArrayList<>())
                      .add(e.asText()));
    }
    return errors;
  }

  private JsonNode ok(String what, HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 && response.statusCode() != 201) {
      throw new IllegalStateException(
          what + " answered " + response.statusCode() + ": " + response.body());
    }
    return Worker.json().readTree(response.body());
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }
}
