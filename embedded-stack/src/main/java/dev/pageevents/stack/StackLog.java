package dev.pageevents.stack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One log line per server start with its duration, the figures the README's table comes from. */
final class StackLog {
  private static final Logger LOG = LoggerFactory.getLogger("dev.pageevents.stack");

  private StackLog() {}

  static void started(String name, String endpoint, long startNanos) {
    long ms = (System.nanoTime() - startNanos) / 1_000_000;
    LOG.info("{} ready at {} in {} ms", name, endpoint, ms);
    System.out.printf("[embedded-stack] %s ready at %s in %d ms%n", name, endpoint, ms);
  }

  static void info(String message) {
    LOG.info(message);
    System.out.println("[embedded-stack] " + message);
  }
}
