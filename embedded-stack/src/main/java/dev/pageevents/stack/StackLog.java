package dev.pageevents.stack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per server start with its duration, the figures the README's table comes from, and
 * what a server runs where it tells (a Connect worker's Kafka version).
 */
final class StackLog {
  private static final Logger LOG = LoggerFactory.getLogger("dev.pageevents.stack");

  private StackLog() {}

  static void started(String name, String endpoint, long startNanos) {
    long ms = (System.nanoTime() - startNanos) / 1_000_000;
    LOG.info("{} ready at {} in {} ms", name, endpoint, ms);
    System.out.printf("[embedded-stack] %s ready at %s in %d ms%n", name, endpoint, ms);
  }

  /** What a server runs (e.g. its version), once it serves. */
  static void runs(String name, String what) {
    LOG.info("{} runs {}", name, what);
    System.out.printf("[embedded-stack] %s runs %s%n", name, what);
  }

  static void stopped(String name, long startNanos) {
    long ms = (System.nanoTime() - startNanos) / 1_000_000;
    LOG.info("{} stopped gracefully in {} ms", name, ms);
    System.out.printf("[embedded-stack] %s stopped gracefully in %d ms%n", name, ms);
  }
}
