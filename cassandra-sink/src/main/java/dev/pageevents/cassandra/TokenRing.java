package dev.pageevents.cassandra;

import java.math.BigInteger;
import java.util.List;

/** The Murmur3 ring (tokens -2^63 .. 2^63-1): how much of it a set of token ranges covers. */
final class TokenRing {
  private static final BigInteger RING = BigInteger.ONE.shiftLeft(64);

  private TokenRing() {}

  /**
   * A range of tokens (start exclusive, end inclusive) as the partitioner formats them; a range
   * whose end is not after its start wraps around the ring, one with start equal to end is all of
   * it.
   */
  record Range(String start, String end) {}

  /** The fraction of the ring the ranges cover, between 0 and 1 (ranges must not overlap). */
  static double share(List<Range> ranges) {
    BigInteger covered = BigInteger.ZERO;
    for (Range range : ranges) {
      BigInteger size = new BigInteger(range.end()).subtract(new BigInteger(range.start()));
      covered = covered.add(size.signum() > 0 ? size : size.add(RING));
    }
    return covered.doubleValue() / RING.doubleValue();
  }
}
