package dev.pageevents.core.sink;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A store that keeps what it was given. It rejects (as a data error) any batch holding a record
 * whose page is "poison", rejects item by item records whose page is "rejected" while keeping the
 * rest, and can be told to fail the next writes (or preparations) with given errors.
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
  final Deque<RuntimeException> nextPrepareFailures = new ArrayDeque<>();
  int prepares;
  int attempts;
  boolean closed;

  /** When set, every write waits for it to open. */
  CountDownLatch gate;

  /** The thread of the last write. */
  volatile Thread writingThread;

  @Override
  public void prepare() {
    prepares++;
    if (!nextPrepareFailures.isEmpty()) {
      throw nextPrepareFailures.poll();
    }
  }

  @Override
  public void write(List<PageEventRecord> batch)
      throws RejectedRecordsException, InterruptedException {
    writingThread = Thread.currentThread();
    if (gate != null) {
      gate.await();
    }
    attempts++;
    if (!nextFailures.isEmpty()) {
      throw nextFailures.poll();
    }
    if (batch.stream().anyMatch(r -> r.event().page().equals("poison"))) {
      throw new PoisonError();
    }
    batchSizes.add(batch.size());
    Map<Integer, String> rejected = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      if (batch.get(i).event().page().equals("rejected")) {
        rejected.put(i, "item " + i + " does not fit the mapping");
      } else {
        storedIds.add(batch.get(i).event().eventId());
      }
    }
    if (!rejected.isEmpty()) {
      throw new RejectedRecordsException(rejected);
    }
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
