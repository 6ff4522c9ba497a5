package dev.pageevents.core.sink;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A store that keeps what it was given. It rejects (as a data error) any batch holding a record
 * whose page is "poison", and can be told to fail the next writes with given errors.
 */
final class FakeStoreWriter implements StoreWriter {
  static final class TransientError extends RuntimeException {
    TransientError() {
      super("store unavailable");
    }
  }

  static final class FatalError extends RuntimeException {
    FatalError() {
      super("authentication failed");
    }
  }

  static final class PoisonError extends RuntimeException {
    PoisonError() {
      super("document rejected");
    }
  }

  final List<String> storedIds = new ArrayList<>();
  final List<Integer> batchSizes = new ArrayList<>();
  final Deque<RuntimeException> nextFailures = new ArrayDeque<>();
  int attempts;
  boolean closed;

  @Override
  public void write(List<PageEventRecord> batch) {
    attempts++;
    if (!nextFailures.isEmpty()) {
      throw nextFailures.poll();
    }
    if (batch.stream().anyMatch(r -> r.event().page().equals("poison"))) {
      throw new PoisonError();
    }
    batchSizes.add(batch.size());
    batch.forEach(r -> storedIds.add(r.event().eventId()));
  }

  @Override
  public ErrorKind classify(Throwable error) {
    if (error instanceof TransientError) {
      return ErrorKind.TRANSIENT;
    }
    if (error instanceof PoisonError) {
      return ErrorKind.DATA;
    }
    return ErrorKind.FATAL;
  }

  @Override
  public void close() {
    closed = true;
  }
}
