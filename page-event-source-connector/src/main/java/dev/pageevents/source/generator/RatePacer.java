package dev.pageevents.source.generator;

/**
 * Paces one task at a target rate: how many events are due now, and how long until the next one. A
 * task that fell behind catches up at most one second's worth, so a stall does not become a burst.
 */
public final class RatePacer {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final double perSecond;
  private long startNanos = Long.MIN_VALUE;
  private long emitted;

  /**
   * @param perSecond target rate of this task; 0 or less = unlimited
   */
  public RatePacer(double perSecond) {
    this.perSecond = perSecond;
  }

  /** Events that may be emitted now, at most {@code limit}. */
  public int due(long nowNanos, int limit) {
    if (perSecond <= 0) {
      return limit;
    }
    if (startNanos == Long.MIN_VALUE) {
      startNanos = nowNanos;
    }
    long allowed = 1 + (long) ((nowNanos - startNanos) * perSecond / NANOS_PER_SECOND);
    long backlog = allowed - emitted;
    long maxBacklog = Math.max(1, (long) perSecond);
    if (backlog > maxBacklog) {
      emitted = allowed - maxBacklog;
      backlog = maxBacklog;
    }
    return (int) Math.max(0, Math.min(limit, backlog));
  }

  public void emitted(int count) {
    emitted += count;
  }

  /** Milliseconds until the next event is due (at least 1). */
  public long millisUntilNext(long nowNanos) {
    if (perSecond <= 0 || startNanos == Long.MIN_VALUE) {
      return 1;
    }
    double nextAtNanos = startNanos + emitted * (NANOS_PER_SECOND / perSecond);
    return Math.max(1, (long) Math.ceil((nextAtNanos - nowNanos) / 1_000_000.0));
  }
}
