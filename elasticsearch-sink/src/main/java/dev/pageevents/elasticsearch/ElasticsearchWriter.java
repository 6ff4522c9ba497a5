package dev.pageevents.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.TransportException;
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
import org.elasticsearch.client.ResponseException;

/**
 * Indexes each batch with bulk requests (documents keyed by {@code _id = eventId}, so a replay
 * overwrites), several in flight at once. A tombstone's delete is a bulk {@code delete} in the
 * index that holds the id ({@link DeleteTargets}); the pipeline gives at most one operation per id,
 * so concurrent requests cannot reorder them. {@code write} returns only when every request of the
 * batch is acknowledged, so the pipeline commits only acknowledged offsets.
 */
final class ElasticsearchWriter implements DocumentStoreWriter {
  private final ElasticsearchTransport transport;
  private final ElasticsearchClient client;
  private final ElasticsearchAsyncClient asyncClient;
  private final ElasticsearchSinkConfig config;
  private final IndexPattern pattern;
  private final BulkPlan plan;
  private boolean templateReady;

  ElasticsearchWriter(ElasticsearchTransport transport, ElasticsearchSinkConfig config) {
    this.transport = transport;
    this.client = new ElasticsearchClient(transport);
    this.asyncClient = new ElasticsearchAsyncClient(transport);
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
  private record Operation(int item, PageEventRecord record, String index) {}

  @Override
  public void write(List<PageEventRecord> batch) throws Exception {
    if (!templateReady) {
      ElasticsearchSchema.putTemplate(
          client, config.templateName(), pattern, config.shards(), config.replicas());
      templateReady = true;
    }
    List<Operation> operations = operations(batch);
    long[] sizes = new long[operations.size()];
    for (int i = 0; i < sizes.length; i++) {
      PageEventRecord record = operations.get(i).record();
      sizes[i] =
          record.isDelete() ? 64L + 2L * record.id().length() : estimatedBytes(record.event());
    }
    List<BulkPlan.Slice> slices = plan.split(sizes);
    List<CompletableFuture<BulkResponse>> responses = send(operations, slices);
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

  private List<CompletableFuture<BulkResponse>> send(
      List<Operation> operations, List<BulkPlan.Slice> slices) throws InterruptedException {
    Semaphore inFlight = new Semaphore(plan.maxInFlight());
    List<CompletableFuture<BulkResponse>> responses = new ArrayList<>(slices.size());
    for (BulkPlan.Slice slice : slices) {
      BulkRequest request = request(operations.subList(slice.from(), slice.to()));
      inFlight.acquire();
      CompletableFuture<BulkResponse> response;
      try {
        response = asyncClient.bulk(request);
      } catch (RuntimeException e) {
        inFlight.release();
        throw e;
      }
      responses.add(response.whenComplete((ok, error) -> inFlight.release()));
    }
    return responses;
  }

  private static BulkRequest request(List<Operation> operations) {
    BulkRequest.Builder bulk = new BulkRequest.Builder();
    for (Operation operation : operations) {
      PageEventRecord record = operation.record();
      if (record.isDelete()) {
        bulk.operations(op -> op.delete(d -> d.index(operation.index()).id(record.id())));
        continue;
      }
      Map<String, Object> document = document(record.event());
      bulk.operations(
          op -> op.index(i -> i.index(operation.index()).id(record.id()).document(document)));
    }
    return bulk.build();
  }

  static Map<String, Object> document(PageEvent event) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put(ElasticsearchSchema.EVENT_ID, event.eventId());
    document.put(ElasticsearchSchema.PAGE, event.page());
    document.put(ElasticsearchSchema.USER, event.user());
    document.put(ElasticsearchSchema.TIMESTAMP, event.timestamp().toString());
    document.put(ElasticsearchSchema.DURATION_MS, event.durationMs());
    return document;
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
      List<CompletableFuture<BulkResponse>> responses)
      throws Exception {
    Throwable requestError = null;
    Map<Integer, String> rejected = new HashMap<>();
    int throttled = 0;
    String throttleReason = null;
    for (int s = 0; s < slices.size(); s++) {
      BulkResponse response;
      try {
        response = responses.get(s).get();
      } catch (ExecutionException e) {
        requestError = requestError == null ? e.getCause() : requestError;
        continue;
      }
      if (!response.errors()) {
        continue;
      }
      List<BulkResponseItem> items = response.items();
      for (int i = 0; i < items.size(); i++) {
        ErrorCause error = items.get(i).error();
        if (error == null) {
          continue;
        }
        if (isTransient(items.get(i).status())) {
          throttled++;
          throttleReason = describe(error);
        } else {
          rejected.put(
              operations.get(slices.get(s).from() + i).item(),
              "Elasticsearch rejected the document: " + describe(error));
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

  private static String describe(ErrorCause error) {
    String text = error.type() + ": " + error.reason();
    return error.causedBy() == null
        ? text
        : text + " (caused by " + describe(error.causedBy()) + ")";
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
