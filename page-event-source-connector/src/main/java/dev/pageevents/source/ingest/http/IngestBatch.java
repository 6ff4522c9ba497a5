package dev.pageevents.source.ingest.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** The events of one HTTP request: done once Kafka has acknowledged every one of them. */
final class IngestBatch {
  private final AtomicInteger unacknowledged;
  private final CompletableFuture<Void> done = new CompletableFuture<>();

  IngestBatch(int events) {
    this.unacknowledged = new AtomicInteger(events);
  }

  void acknowledged() {
    if (unacknowledged.decrementAndGet() == 0) {
      done.complete(null);
    }
  }

  void fail(Exception cause) {
    done.completeExceptionally(cause);
  }

  CompletableFuture<Void> done() {
    return done;
  }
}
