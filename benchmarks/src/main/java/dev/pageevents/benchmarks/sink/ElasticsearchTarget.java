package dev.pageevents.benchmarks.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.event.PageEventJson;
import dev.pageevents.stack.ElasticsearchServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.http.HttpHost;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NByteArrayEntity;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestClient;

/**
 * Elasticsearch 8.19.9 (one embedded node, the sample config's 3 shards, 0 replicas): one document
 * per event with {@code _id = eventId}; the native baseline posts {@code _bulk} NDJSON of 1,000
 * index actions through the low-level REST client, 2 requests in flight.
 */
public final class ElasticsearchTarget implements SinkTarget {
  /** The index the sample pattern {@code pageevents-{yyyy.MM.dd}} gives for the bench's day. */
  static final String INDEX = "pageevents-2026.01.01";

  private static final int BULK = 1000;
  private static final int IN_FLIGHT = 2;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ElasticsearchServer server;
  private RestClient rest;

  @Override
  public String name() {
    return "elasticsearch";
  }

  @Override
  public String archive() {
    return "elasticsearch-sink";
  }

  @Override
  public String sampleConfig() {
    return "elasticsearch-sink.json";
  }

  @Override
  public void start() {
    server = ElasticsearchServer.create("bench-elasticsearch", 1);
    server.fullJit(); // as a production server runs
    server.start();
    rest = RestClient.builder(HttpHost.create(server.endpoint())).build();
  }

  @Override
  public InetSocketAddress address() {
    return SinkTarget.addressOf(server.endpoint());
  }

  @Override
  public Map<String, String> connection(InetSocketAddress address) {
    return Map.of("elasticsearch.urls", "http://" + SinkTarget.hostPort(address));
  }

  @Override
  public void reset() throws Exception {
    Request delete = new Request("DELETE", "/" + INDEX);
    delete.addParameter("ignore_unavailable", "true");
    rest.performRequest(delete);
  }

  @Override
  public void writeNative(List<PageEvent> events) throws Exception {
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    AtomicReference<String> failure = new AtomicReference<>();
    for (int from = 0; from < events.size() && failure.get() == null; from += BULK) {
      StringBuilder body = new StringBuilder(BULK * 200);
      for (PageEvent event : events.subList(from, Math.min(events.size(), from + BULK))) {
        body.append("{\"index\":{\"_index\":\"")
            .append(INDEX)
            .append("\",\"_id\":\"")
            .append(event.eventId())
            .append("\"}}\n")
            .append(PageEventJson.toJson(event))
            .append('\n');
      }
      Request bulk = new Request("POST", "/_bulk");
      bulk.setEntity(
          new NByteArrayEntity(
              body.toString().getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON));
      inFlight.acquire();
      rest.performRequestAsync(
          bulk,
          new ResponseListener() {
            @Override
            public void onSuccess(Response response) {
              try {
                String text = EntityUtils.toString(response.getEntity());
                if (text.startsWith("{\"errors\":true") || text.contains("\"errors\":true")) {
                  failure.compareAndSet(null, text.substring(0, Math.min(500, text.length())));
                }
              } catch (Exception e) {
                failure.compareAndSet(null, e.toString());
              } finally {
                inFlight.release();
              }
            }

            @Override
            public void onFailure(Exception exception) {
              failure.compareAndSet(null, exception.toString());
              inFlight.release();
            }
          });
    }
    inFlight.acquire(IN_FLIGHT);
    inFlight.release(IN_FLIGHT);
    if (failure.get() != null) {
      throw new IllegalStateException("Native _bulk failed: " + failure.get());
    }
  }

  @Override
  public String nativeMethod() {
    return "low-level RestClient _bulk, 1,000 index actions (NDJSON) per request, 2 in flight";
  }

  @Override
  public long written() throws Exception {
    rest.performRequest(new Request("POST", "/" + INDEX + "/_refresh"));
    Response count = rest.performRequest(new Request("GET", "/" + INDEX + "/_count"));
    return JSON.readTree(count.getEntity().getContent()).get("count").asLong();
  }

  @Override
  public String server() {
    return "Elasticsearch 8.19.9, 1 node (embedded-stack)";
  }

  @Override
  public void close() throws Exception {
    if (rest != null) {
      rest.close();
    }
    if (server != null) {
      server.close();
    }
  }
}
