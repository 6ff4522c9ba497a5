package dev.pageevents.pipeline.progress;

import java.util.concurrent.ExecutionException;

/**
 * Runs a read through the Kafka Admin API, turning an interrupt or a failed call into an {@link
 * IllegalStateException} that says what was being read.
 */
public final class AdminReads {
  /** Admin calls that wait on their futures. */
  @FunctionalInterface
  public interface Read<T> {
    T run() throws InterruptedException, ExecutionException;
  }

  private AdminReads() {}

  /**
   * @param what what is read, e.g. "the offsets of page-events", for the failure's message
   */
  public static <T> T read(String what, Read<T> read) {
    try {
      return read.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading " + what, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not read " + what, e.getCause());
    }
  }
}
