package dev.pageevents.pipeline.live;

import dev.pageevents.pipeline.compare.Compare;
import dev.pageevents.pipeline.compare.Comparison;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The cross-store comparison, recomputed on its own slower cadence on one background thread and
 * served from a cache: reading the whole topic and every store takes seconds, the page asks every
 * second. The sinks' total lag is read just before each run, so the page can tell differences that
 * only mean "not written yet" from real ones.
 */
final class CompareCache implements AutoCloseable {
  /**
   * The latest result.
   *
   * @param state "pending" (no run finished yet), "ok" or "error" (the last run failed; the
   *     previous comparison, if any, is kept)
   * @param computedAtMs when the last successful run started (epoch ms)
   * @param tookMs how long it took
   * @param lagBefore the sinks' total lag when it started: 0 means every store should match
   * @param everyMs the cadence of the runs
   * @param error the last run's failure, else null
   */
  record Snapshot(
      String state,
      long computedAtMs,
      long tookMs,
      long lagBefore,
      long everyMs,
      String error,
      Comparison comparison) {}

  private final LiveTarget target;
  private final LongSupplier lag;
  private final ScheduledExecutorService scheduler;
  private volatile Snapshot latest;
  private Compare compare;

  CompareCache(LiveTarget target, LongSupplier lag) {
    this.target = target;
    this.lag = lag;
    this.latest = new Snapshot("pending", 0, 0, -1, target.compareEvery().toMillis(), null, null);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "live-compare");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.scheduleWithFixedDelay(
        this::refresh, 0, target.compareEvery().toMillis(), TimeUnit.MILLISECONDS);
  }

  Snapshot latest() {
    return latest;
  }

  private void refresh() {
    long started = System.currentTimeMillis();
    long every = target.compareEvery().toMillis();
    try {
      long lagBefore = lag.getAsLong();
      if (compare == null) {
        compare =
            Compare.open(
                target.bootstrapServers(), target.topic(), target.configs(), target.endpoints());
      }
      Comparison comparison = compare.run();
      latest =
          new Snapshot(
              "ok",
              started,
              System.currentTimeMillis() - started,
              lagBefore,
              every,
              null,
              comparison);
    } catch (RuntimeException e) {
      closeCompare();
      Snapshot previous = latest;
      latest =
          new Snapshot(
              "error",
              previous.computedAtMs(),
              previous.tookMs(),
              previous.lagBefore(),
              every,
              String.valueOf(e.getMessage()),
              previous.comparison());
    }
  }

  private void closeCompare() {
    if (compare != null) {
      try {
        compare.close();
      } catch (RuntimeException e) {
        // the reader is broken anyway; the next run opens a new one
      }
      compare = null;
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeCompare();
  }
}
