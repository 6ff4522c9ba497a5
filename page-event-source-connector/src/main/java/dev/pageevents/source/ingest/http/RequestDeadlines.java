package dev.pageevents.source.ingest.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Slowloris protection for the JDK HTTP server, whose worker threads block while a client sends its
 * request line, headers and body: a connection that has not delivered its whole request within
 * {@code http.request.timeout.ms} is closed, by interrupting the thread that reads it (socket
 * channel reads are interruptible: the interrupt closes the channel). Time spent waiting for Kafka
 * after the request is read does not count.
 */
final class RequestDeadlines implements AutoCloseable {
  private final long timeoutNanos;
  private final Map<Thread, Long> reading = new ConcurrentHashMap<>();
  private final ScheduledExecutorService watchdog;

  RequestDeadlines(long timeoutMs, int port) {
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "http-ingest-deadlines-" + port);
              thread.setDaemon(true);
              return thread;
            });
    long period = Math.max(10, Math.min(250, timeoutMs / 4));
    watchdog.scheduleAtFixedRate(this::expire, period, period, TimeUnit.MILLISECONDS);
  }

  /** The server's executor: every exchange runs on {@code pool} under a request deadline. */
  Executor wrap(Executor pool) {
    return exchange ->
        pool.execute(
            () -> {
              reading.put(Thread.currentThread(), System.nanoTime());
              try {
                exchange.run();
              } finally {
                // Under the lock: a deadline either hits this exchange or none at all.
                synchronized (this) {
                  reading.remove(Thread.currentThread());
                }
              }
            });
  }

  /** Called by the handler once the whole request is read: its deadline no longer applies. */
  synchronized void requestRead() {
    reading.remove(Thread.currentThread());
  }

  private synchronized void expire() {
    long now = System.nanoTime();
    reading.forEach(
        (thread, start) -> {
          if (now - start > timeoutNanos && reading.remove(thread, start)) {
            thread.interrupt();
          }
        });
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
  }
}
