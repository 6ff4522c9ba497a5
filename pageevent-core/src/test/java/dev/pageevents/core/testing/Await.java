package dev.pageevents.core.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Polling waits for integration tests: never a fixed sleep, always a bounded wait with a reason.
 */
public final class Await {
  /** How long any wait in the sink integration tests may take. */
  public static final Duration TIMEOUT = Duration.ofSeconds(120);

  private static final long POLL_MS = 250;

  private Await() {}

  /** Polls until the condition holds; exceptions count as "not yet". */
  public static void await(String what, Callable<Boolean> condition) throws InterruptedException {
    awaitValue(what, condition, Boolean.TRUE::equals);
  }

  /**
   * Polls {@code read} until its value satisfies {@code done} and returns that value; exceptions
   * count as "not yet". On timeout it fails naming the last value seen, with the last exception as
   * the cause.
   */
  public static <T> T awaitValue(String what, Callable<T> read, Predicate<T> done)
      throws InterruptedException {
    return awaitValue(what, TIMEOUT, read, done);
  }

  /** {@link #awaitValue(String, Callable, Predicate)} with a timeout of its own. */
  public static <T> T awaitValue(String what, Duration timeout, Callable<T> read, Predicate<T> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Object last = null;
    Exception error = null;
    while (System.nanoTime() < deadline) {
      try {
        T value = read.call();
        if (done.test(value)) {
          return value;
        }
        last = value;
        error = null;
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        last = e;
        error = e;
      }
      Thread.sleep(POLL_MS);
    }
    throw new AssertionError(
        "Timed out after "
            + timeout
            + " waiting for "
            + what
            + "; last seen: "
            + Objects.toString(last),
        error);
  }
}
