package dev.pageevents.benchmarks.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Runs one sink connector on the worker over its REST API and times it from the config PUT until
 * the connector's consumer group has committed every record of the topic (lag 0), sampling the
 * worker's RSS meanwhile. Sink tasks commit only offsets whose records the store acknowledged.
 */
final class ConnectRun implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long POLL_MS = 100;
  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  /**
   * Seconds from start to lag 0; seconds from the first committed offset to lag 0 and the records
   * committed in that span (the steady rate, without connector start-up); the worker's peak RSS.
   */
  record Result(double seconds, double steadySeconds, long steadyRecords, long peakRssMb) {}

  private final HttpClient http = HttpClient.newHttpClient();
  private final String connectUrl;
  private final Admin admin;
  private final long workerPid;

  ConnectRun(String connectUrl, String bootstrapServers, long workerPid) {
    this.connectUrl = connectUrl;
    this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
    this.workerPid = workerPid;
  }

  Result run(String name, Map<String, String> config, String topic) throws Exception {
    List<TopicPartition> partitions =
        List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
    long end = endOffsets(partitions);
    long peakRss = ProcessStats.rssMb(workerPid);
    long start = System.nanoTime();
    send("PUT", "/connectors/" + name + "/config", JSON.writeValueAsString(config), 201, 200);
    int polls = 0;
    long firstCommitted = 0;
    long firstAt = 0;
    long committed;
    while ((committed = committed("connect-" + name, partitions)) < end) {
      if (firstAt == 0 && committed > 0) {
        firstCommitted = committed;
        firstAt = System.nanoTime();
      }
      if (System.nanoTime() - start > TIMEOUT.toNanos()) {
        throw new IllegalStateException(name + " did not write " + end + " records in " + TIMEOUT);
      }
      Thread.sleep(POLL_MS);
      peakRss = Math.max(peakRss, ProcessStats.rssMb(workerPid));
      if (++polls % 20 == 0) {
        failIfFailed(name);
      }
    }
    long done = System.nanoTime();
    if (firstAt == 0) {
      firstAt = start;
    }
    Result result =
        new Result((done - start) / 1e9, (done - firstAt) / 1e9, end - firstCommitted, peakRss);
    send("DELETE", "/connectors/" + name, null, 204, 200);
    while (send("GET", "/connectors/" + name + "/status", null, 200, 404) != 404) {
      Thread.sleep(POLL_MS);
    }
    return result;
  }

  private long endOffsets(List<TopicPartition> partitions) throws Exception {
    return admin
        .listOffsets(
            partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
        .all()
        .get()
        .values()
        .stream()
        .mapToLong(info -> info.offset())
        .sum();
  }

  private long committed(String group, List<TopicPartition> partitions) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    return partitions.stream().map(offsets::get).mapToLong(o -> o == null ? 0 : o.offset()).sum();
  }

  private void failIfFailed(String name) throws IOException, InterruptedException {
    HttpResponse<String> status = request("GET", "/connectors/" + name + "/status", null);
    if (status.body().contains("\"FAILED\"")) {
      throw new IllegalStateException(name + " failed: " + status.body());
    }
  }

  private int send(String method, String path, String body, int... expected)
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

  private HttpResponse<String> request(String method, String path, String body)
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

  @Override
  public void close() {
    admin.close();
  }
}
