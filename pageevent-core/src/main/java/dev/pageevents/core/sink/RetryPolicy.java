package dev.pageevents.core.sink;

import java.util.function.DoubleSupplier;

/**
 * Bounded retries with exponential backoff and jitter: attempt {@code n} (from 0) waits between
 * half and all of {@code min(maxBackoffMs, backoffMs * 2^n)}, so tasks that failed together do not
 * retry in lockstep.
 *
 * @param maxRetries retries after the first attempt
 * @param backoffMs the first wait
 * @param maxBackoffMs the longest wait
 */
public record RetryPolicy(int maxRetries, long backoffMs, long maxBackoffMs) {

  public RetryPolicy {
    if (maxRetries < 0 || backoffMs < 0 || maxBackoffMs < backoffMs) {
      throw new IllegalArgumentException("need maxRetries >= 0 and 0 <= backoffMs <= maxBackoffMs");
    }
  }

  /** How long to wait before retry number {@code retry} (0-based). */
  public long backoffMs(int retry, DoubleSupplier random) {
    long ceiling = maxBackoffMs;
    if (retry < 62 && backoffMs <= (maxBackoffMs >> retry)) {
      ceiling = Math.min(maxBackoffMs, backoffMs << retry);
    }
    return ceiling / 2 + (long) (random.getAsDouble() * (ceiling - ceiling / 2));
  }
}
