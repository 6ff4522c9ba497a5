package dev.pageevents.stack.process;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits on a condition by polling, with a timeout and a message saying what did not happen. */
public final class Poll {
  private static final long INTERVAL_MS = 100;

  private Poll() {}

  /**
   * Polls {@code condition} until true; fails when {@code timeout} passes or when {@code process}
   * (may be null) dies first, with the tail of its log.
   */
  public static void until(
      String what, Duration timeout, ForkedProcess process, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (process != null && !process.alive()) {
        throw new IllegalStateException(
            what
                + ": the process exited ("
                + process.exitDescription()
                + "). Log "
                + process.log()
                + ":\n"
                + process.logTail(40));
      }
      if (Instant.now().isAfter(deadline)) {
        String log = process == null ? "" : " Log " + process.log() + ":\n" + process.logTail(40);
        throw new IllegalStateException(what + ": not done within " + timeout + "." + log);
      }
      pause();
    }
  }

  /** One polling interval. */
  static void pause() {
    try {
      Thread.sleep(INTERVAL_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting", e);
    }
  }
}
