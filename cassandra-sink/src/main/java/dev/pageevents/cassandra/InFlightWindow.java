package dev.pageevents.cassandra;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Runs asynchronous requests with at most a fixed number in flight and returns only when every
 * started request has completed. After the first failure no new request starts; the failure is
 * thrown with the others attached as suppressed.
 */
final class InFlightWindow {
  private final int maxInFlight;
  private final Semaphore permits;

  InFlightWindow(int maxInFlight) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1: " + maxInFlight);
    }
    this.maxInFlight = maxInFlight;
    this.permits = new Semaphore(maxInFlight);
  }

  /**
   * Starts each request when a slot is free and waits for all of them.
   *
   * @throws Exception the first failure of a request (unwrapped from completion wrappers)
   */
  void runAll(List<? extends Supplier<? extends CompletionStage<?>>> requests) throws Exception {
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    try {
      for (Supplier<? extends CompletionStage<?>> request : requests) {
        permits.acquire();
        if (!failures.isEmpty()) {
          permits.release();
          break;
        }
        start(request, failures);
      }
    } finally {
      permits.acquireUninterruptibly(maxInFlight);
      permits.release(maxInFlight);
    }
    Throwable first = failures.poll();
    if (first == null) {
      return;
    }
    for (Throwable other : failures) {
      if (other != first) {
        first.addSuppressed(other);
      }
    }
    if (first instanceof Exception exception) {
      throw exception;
    }
    throw (Error) first;
  }

  private void start(Supplier<? extends CompletionStage<?>> request, Queue<Throwable> failures) {
    CompletionStage<?> stage;
    try {
      stage = request.get();
    } catch (RuntimeException e) {
      failures.add(e);
      permits.release();
      return;
    }
    stage.whenComplete(
        (result, error) -> {
          if (error != null) {
            failures.add(unwrap(error));
          }
          permits.release();
        });
  }

  static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
