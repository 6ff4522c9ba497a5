package dev.pageevents.core.sink;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-task counters, registered as {@code dev.pageevents:type=sink-task-metrics,connector=<name>,
 * task=<id>} while the task runs.
 */
public final class SinkTaskMetrics implements SinkTaskMetricsMBean, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SinkTaskMetrics.class);

  private final AtomicLong written = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong dlq = new AtomicLong();
  private final AtomicLong lostWriteRewinds = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong batchNanos = new AtomicLong();
  private final AtomicLong maxBatchNanos = new AtomicLong();
  private final ObjectName name;

  private SinkTaskMetrics(ObjectName name) {
    this.name = name;
  }

  /** Metrics that are not published; for tests and tools. */
  public static SinkTaskMetrics unregistered() {
    return new SinkTaskMetrics(null);
  }

  /** Creates and registers the metrics of one task, replacing a stale registration. */
  public static SinkTaskMetrics register(String connector, String taskId) {
    try {
      ObjectName name =
          new ObjectName(
              "dev.pageevents:type=sink-task-metrics,connector="
                  + ObjectName.quote(connector)
                  + ",task="
                  + ObjectName.quote(taskId));
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      if (server.isRegistered(name)) {
        server.unregisterMBean(name);
      }
      SinkTaskMetrics metrics = new SinkTaskMetrics(name);
      server.registerMBean(metrics, name);
      return metrics;
    } catch (JMException e) {
      log.warn("Could not register JMX metrics for {} task {}", connector, taskId, e);
      return unregistered();
    }
  }

  void recordBatch(int records, long nanos) {
    written.addAndGet(records);
    batches.incrementAndGet();
    batchNanos.addAndGet(nanos);
    maxBatchNanos.accumulateAndGet(nanos, Math::max);
  }

  void recordRetry(int records) {
    retried.addAndGet(records);
  }

  void recordFailed() {
    failed.incrementAndGet();
  }

  void recordSentToDlq() {
    dlq.incrementAndGet();
  }

  void recordLostWriteRewind() {
    lostWriteRewinds.incrementAndGet();
  }

  @Override
  public long getRecordsWritten() {
    return written.get();
  }

  @Override
  public long getRecordsFailed() {
    return failed.get();
  }

  @Override
  public long getRecordsRetried() {
    return retried.get();
  }

  @Override
  public long getRecordsSentToDlq() {
    return dlq.get();
  }

  @Override
  public long getLostWriteRewinds() {
    return lostWriteRewinds.get();
  }

  @Override
  public long getBatchesWritten() {
    return batches.get();
  }

  @Override
  public double getBatchLatencyAvgMs() {
    long count = batches.get();
    return count == 0 ? 0.0 : batchNanos.get() / 1e6 / count;
  }

  @Override
  public long getBatchLatencyMaxMs() {
    return maxBatchNanos.get() / 1_000_000;
  }

  @Override
  public void close() {
    if (name == null) {
      return;
    }
    try {
      ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
    } catch (JMException e) {
      log.debug("Metrics {} were already unregistered", name, e);
    }
  }
}
