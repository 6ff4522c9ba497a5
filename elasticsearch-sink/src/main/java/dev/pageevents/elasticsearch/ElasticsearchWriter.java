package dev.pageevents.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.sink.DocumentStoreWriter;
import dev.pageevents.core.sink.ErrorKind;
import dev.pageevents.core.sink.PageEventRecord;
import dev.pageevents.core.sink.RejectedRecordsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NByteArrayEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestClient;

/**
 * Indexes each batch with bulk requests sent through the low-level REST client (the NDJSON body
 * written straight from the events by {@link BulkBody}, the response read by {@link
 * BulkResponseItems}; TLS and credentials are the client's), documents keyed by {@code _id =
 * eventId}, so a replay overwrites), several in flight at once. A tombstone's delete is a bulk
 * {@code delete} in the index that holds the id ({@link DeleteTargets}); the pipeline gives at most
 * one operation per id, so concurrent requests cannot reorder them. {@code write} returns only when
 * every request of the batch is acknowledged, so the pipeline commits only acknowledged offsets.
 */
final class ElasticsearchWriter implements DocumentStoreWriter {
  private static final ContentType NDJSON = ContentType.create("application/x-ndjson");

  private final RestClientTransport transport;
  private final ElasticsearchClient client;
  private final RestClient rest;
  private final ElasticsearchSinkConfig config;
  private final IndexPattern pattern;
  private final BulkPlan plan;

  ElasticsearchWriter(RestClientTransport transport, ElasticsearchSinkConfig config) {
    this.transport = transport;
    this.client = new ElasticsearchClient(transport);
    this.rest = transport.restClient();
    this.config = config;
    this.pattern = config.indexPattern();
    this.plan = config.bulkPlan();
  }

  /** Bulk items Elasticsearch refused for now (429/503): the whole batch is retried. */
  static final class ItemsThrottledException extends Exception {
    ItemsThrottledException(int count, String reason) {
      super(count + " document(s) were throttled by Elasticsearch, e.g.: " + reason);
    }
  }

  /**
   * One bulk operation: an index of the item's event, or a delete of its id from {@code index}.
   *
   * @param item the item's position in the batch given to {@code write}
   */
  record Operation(int item, PageEventRecord record, String index) {}

  /** Puts the index template every index of the sink is created from. */
  @Override
  public void prepare() throws IOException {
    ElasticsearchSchema.putTemplate(
        client, config.templateName(), pattern, config.shards(), config.replicas());
  }

  @Override
  public void write(List<PageEventRecord> batch) throws Exception {
    List<Operation> operations = operations(batch);
    long[] sizes = new long[operations.size()];
    for (int i = 0; i < sizes.length; i++) {
      PageEventRecord record = operations.get(i).record();
      sizes[i] =
          record.isDelete() ? 64L + 2L * record.id().length() : estimatedBytes(record.event());
    }
    List<BulkPlan.Slice> slices = plan.split(sizes);
    List<CompletableFuture<Response>> responses = send(operations, sizes, slices);
    collect(operations, slices, responses);
  }

  /** Upserts in batch order, each delete once per index that holds its id (none if absent). */
  private List<Operation> operations(List<PageEventRecord> batch) throws IOException {
    Map<String, String> deletes = new LinkedHashMap<>();
    batch.stream()
        .filter(PageEventRecord::isDelete)
        .forEach(r -> deletes.put(r.id(), r.record().topic()));
    Map<String, List<String>> targets =
        deletes.isEmpty() ? Map.of() : DeleteTargets.find(client, pattern, deletes);
    List<Operation> operations = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      PageEventRecord record = batch.get(i);
      if (!record.isDelete()) {
        String index = pattern.indexFor(record.record().topic(), record.event().timestampMs());
        operations.add(new Operation(i, record, index));
        continue;
      }
      for (String index : targets.get(record.id())) {
        operations.add(new Operation(i, record, index));
      }
    }
    return operations;
  }

  private List<CompletableFuture<Response>> send(
      List<Operation> operations, long[] sizes, List<BulkPlan.Slice> slices)
      throws InterruptedException {
    Semaphore inFlight = new Semaphore(plan.maxInFlight());
    List<CompletableFuture<Response>> responses = new ArrayList<>(slices.size());
    for (BulkPlan.Slice slice : slices) {
      long estimated = 0;
      for (int i = slice.from(); i < slice.to(); i++) {
        estimated += sizes[i];
      }
      Request request = new Request("POST", "/_bulk");
      byte[] body = BulkBody.of(operations.subList(slice.from(), slice.to()), estimated);
      request.setEntity(new NByteArrayEntity(body, NDJSON));
      inFlight.acquire();
      CompletableFuture<Response> response = new CompletableFuture<>();
      try {
        rest.performRequestAsync(request, completing(response));
      } catch (RuntimeException e) {
        inFlight.release();
        throw e;
      }
      responses.add(response.whenComplete((ok, error) -> inFlight.release()));
    }
    return responses;
  }

  private static ResponseListener completing(CompletableFuture<Response> response) {
    return new ResponseListener() {
      @Override
      public void onSuccess(Response ok) {
        response.complete(ok);
      }

      @Override
      public void onFailure(Exception error) {
        response.completeExceptionally(error);
      }
    };
  }

  private static long estimatedBytes(PageEvent event) {
    return 160L + 2L * event.eventId().length() + event.page().length() + event.user().length();
  }

  /**
   * Waits for every request; a failed request wins (classified by the pipeline), then throttled
   * items (transient), then items Elasticsearch rejected for good (reported one by one).
   */
  private void collect(
      List<Operation> operations,
      List<BulkPlan.Slice> slices,
      List<CompletableFuture<Response>> responses)
      throws Exception {
    Throwable requestError = null;
    Map<Integer, String> rejected = new HashMap<>();
    int throttled = 0;
    String throttleReason = null;
    for (int s = 0; s < slices.size(); s++) {
      List<BulkResponseItems.Failure> failures;
      try {
        failures = BulkResponseItems.failures(responses.get(s).get().getEntity().getContent());
      } catch (ExecutionException e) {
        requestError = requestError == null ? e.getCause() : requestError;
        continue;
      } catch (IOException e) {
        requestError = requestError == null ? e : requestError;
        continue;
      }
      for (BulkResponseItems.Failure failure : failures) {
        if (isTransient(failure.status())) {
          throttled++;
          throttleReason = failure.error();
        } else {
          rejected.put(
              operations.get(slices.get(s).from() + failure.position()).item(),
              "Elasticsearch rejected the document: " + failure.error());
        }
      }
    }
    if (requestError instanceof Exception exception) {
      throw exception;
    }
    if (requestError != null) {
      throw new IOException(requestError);
    }
    if (throttled > 0) {
      throw new ItemsThrottledException(throttled, throttleReason);
    }
    if (!rejected.isEmpty()) {
      throw new RejectedRecordsException(rejected);
    }
  }

  @Override
  public ErrorKind classify(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof ItemsThrottledException) {
      return ErrorKind.TRANSIENT;
    }
    if (cause instanceof ElasticsearchException es) {
      return byStatus(es.status());
    }
    if (cause instanceof ResponseException response) {
      return byStatus(response.getResponse().getStatusLine().getStatusCode());
    }
    if (cause instanceof TransportException transport && transport.statusCode() > 0) {
      return byStatus(transport.statusCode());
    }
    if (cause instanceof IOException) {
      return ErrorKind.TRANSIENT;
    }
    return ErrorKind.FATAL;
  }

  static boolean isTransient(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  static ErrorKind byStatus(int status) {
    if (isTransient(status)) {
      return ErrorKind.TRANSIENT;
    }
    if (status == 400 || status == 409 || status == 413) {
      return ErrorKind.DATA;
    }
    return ErrorKind.FATAL;
  }

  @Override
  public void close() {
    try {
      transport.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
