package dev.pageevents.pipeline.faults;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits on a condition with a timeout (never a fixed sleep). */
final class Poll {
  private Poll() {}

  static void until(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(250);
    }
  }
}
