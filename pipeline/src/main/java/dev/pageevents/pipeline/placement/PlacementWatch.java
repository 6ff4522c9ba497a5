package dev.pageevents.pipeline.placement;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Follows a system's placement after a fault, as it happens: polls it every second and prints each
 * line that changed with the time since the fault (a new leader, a shrunk ISR, a promoted replica,
 * a reallocated shard), until it has stayed the same for a while after changing or a limit passes.
 */
public final class PlacementWatch {
  private static final Duration POLL = Duration.ofSeconds(1);

  private final Duration limit;
  private final Duration settled;
  private final PrintStream out;

  /**
   * @param limit how long to follow at most
   * @param settled how long the placement must stay unchanged, after a first change, to stop
   */
  public PlacementWatch(Duration limit, Duration settled, PrintStream out) {
    this.limit = limit;
    this.settled = settled;
    this.out = out;
  }

  /**
   * Follows {@code placement} from {@code before} (read just before the fault, whose time is {@code
   * faultNanos}); returns the last placement read.
   */
  public List<String> follow(Supplier<List<String>> placement, List<String> before, long faultNanos)
      throws InterruptedException {
    List<String> last = before;
    long lastChange = -1;
    Set<String> errorsShown = new HashSet<>();
    while (true) {
      long now = System.nanoTime();
      if (now - faultNanos > limit.toNanos()
          || (lastChange > 0 && now - lastChange > settled.toNanos())) {
        return last;
      }
      Thread.sleep(POLL.toMillis());
      List<String> read;
      try {
        read = placement.get();
      } catch (RuntimeException e) {
        if (errorsShown.add(String.valueOf(e.getMessage()))) {
          print(faultNanos, "(cannot read it now: " + e.getMessage() + ")");
        }
        continue;
      }
      List<String> changed = changes(last, read);
      if (!changed.isEmpty()) {
        changed.forEach(line -> print(faultNanos, line.strip()));
        lastChange = System.nanoTime();
        last = read;
      }
    }
  }

  /** The lines of {@code now} that {@code before} did not have, in order. */
  static List<String> changes(List<String> before, List<String> now) {
    Set<String> old = new HashSet<>(before);
    return now.stream().filter(line -> !old.contains(line)).toList();
  }

  private void print(long faultNanos, String line) {
    out.printf("    +%5.1f s  %s%n", (System.nanoTime() - faultNanos) / 1e9, line);
  }
}
