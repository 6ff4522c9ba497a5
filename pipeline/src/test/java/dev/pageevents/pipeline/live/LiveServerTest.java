package dev.pageevents.pipeline.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.configs.ConnectorConfigs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The server's own rules, without a stack behind it (nothing listens where it points): the page's
 * files, 404 for anything else, 405 for every write, 400 for a bad parameter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveServerTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private LiveServer server;

  @BeforeAll
  void start() {
    server =
        LiveServer.start(
            new LiveTarget(
                "localhost:1",
                "page-events",
                "http://localhost:1",
                ConnectorConfigs.bundled(),
                Map.of(),
                Duration.ofHours(1)),
            0,
            Map.of("Kafka", List.of("127.0.0.1:1")));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void shouldServeThePageAndItsScriptAndStyle() throws Exception {
    HttpResponse<String> page = send("GET", "/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.body()).contains("<svg id=\"chart\"", "live.js", "live.css");
    assertThat(send("GET", "/live.js").body()).contains("/api/series");
    assertThat(send("GET", "/live.css").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldAnswer404ForAnythingElse() throws Exception {
    assertThat(send("GET", "/../pom.xml").statusCode()).isEqualTo(404);
    assertThat(send("GET", "/LiveServer.class").statusCode()).isEqualTo(404);
    assertThat(send("GET", "/api/series/more").statusCode()).isEqualTo(404);
  }

  @Test
  void shouldRefuseEveryWriteWith405() throws Exception {
    for (String path :
        new String[] {"/", "/api/series", "/api/compare", "/api/connect", "/api/nodes"}) {
      for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
        HttpResponse<String> response = send(method, path);
        assertThat(response.statusCode()).as(method + " " + path).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
      }
    }
  }

  @Test
  void shouldAnswer400ForABadNumber() throws Exception {
    HttpResponse<String> response = send("GET", "/api/series?top=many");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("'many'");
  }

  @Test
  void shouldServeTheCachedCompareWithoutWaitingForIt() throws Exception {
    HttpResponse<String> response = send("GET", "/api/compare");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"everyMs\":3600000", "\"comparison\":null");
  }

  @Test
  void shouldServeEachNodeWithItsSystemAndWhetherItIsUp() throws Exception {
    HttpResponse<String> response = send("GET", "/api/nodes");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "{\"nodes\":[{\"system\":\"Kafka\",\"endpoint\":\"127.0.0.1:1\",\"up\":false}]}");
    assertThat(send("GET", "/").body()).contains("id=\"nodes\"");
    assertThat(send("GET", "/live.js").body()).contains("/api/nodes");
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url()).resolve(path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
