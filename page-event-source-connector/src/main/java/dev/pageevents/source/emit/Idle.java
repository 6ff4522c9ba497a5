package dev.pageevents.source.emit;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Lets an idle source wait briefly, and wakes it at once when the task stops. */
public final class Idle {
  private final CountDownLatch stopped = new CountDownLatch(1);

  /** Waits up to {@code millis}; returns early, with true, once the task is stopping. */
  public boolean await(long millis) throws InterruptedException {
    return millis > 0 ? stopped.await(millis, TimeUnit.MILLISECONDS) : isStopping();
  }

  public boolean isStopping() {
    return stopped.getCount() == 0;
  }

  public void stop() {
    stopped.countDown();
  }
}
