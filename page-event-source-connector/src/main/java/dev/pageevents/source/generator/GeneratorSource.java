package dev.pageevents.source.generator;

import dev.pageevents.source.emit.EventSource;
import dev.pageevents.source.emit.Idle;
import dev.pageevents.source.emit.RecordFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generator mode of one task: emits its share of the events at its share of the rate, and
 * records its next sequence number as the source offset, so a restart continues with no gap and no
 * duplicate.
 */
public final class GeneratorSource implements EventSource {
  /** Source partition key: the task's number. */
  public static final String TASK_KEY = "generator.task";

  /** Source offset key: the sequence number the task makes next. */
  public static final String SEQUENCE_KEY = "next.sequence";

  private static final Logger LOG = LoggerFactory.getLogger(GeneratorSource.class);
  private static final long MAX_IDLE_MS = 100;

  private final EventGenerator generator;
  private final RecordFactory records;
  private final RatePacer pacer;
  private final Idle idle;
  private final int batchMax;
  private final long quota;
  private final Map<String, Integer> partition;
  private long nextSequence;

  public GeneratorSource(
      GeneratorSettings settings,
      int taskIndex,
      int taskCount,
      RecordFactory records,
      int batchMax,
      OffsetStorageReader offsets,
      Idle idle) {
    this.generator = new EventGenerator(settings, taskIndex, taskCount);
    this.records = records;
    this.pacer = new RatePacer(settings.eventsPerSecond() / taskCount);
    this.idle = idle;
    this.batchMax = batchMax;
    this.quota = settings.quota(taskIndex, taskCount);
    this.partition = Map.of(TASK_KEY, taskIndex);
    this.nextSequence = storedSequence(offsets.offset(partition));
    LOG.info(
        "Generator task {} of {} starts at sequence {} (quota {})",
        taskIndex,
        taskCount,
        nextSequence,
        quota < 0 ? "unlimited" : quota);
  }

  private static long storedSequence(Map<String, Object> offset) {
    if (offset == null || !(offset.get(SEQUENCE_KEY) instanceof Number next)) {
      return 0;
    }
    return next.longValue();
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    long remaining = quota < 0 ? Long.MAX_VALUE : quota - nextSequence;
    if (remaining <= 0) {
      idle.await(MAX_IDLE_MS);
      return null;
    }
    int limit = (int) Math.min(batchMax, remaining);
    int due = pacer.due(System.nanoTime(), limit);
    if (due == 0) {
      if (idle.await(Math.min(MAX_IDLE_MS, pacer.millisUntilNext(System.nanoTime())))) {
        return null;
      }
      due = pacer.due(System.nanoTime(), limit);
      if (due == 0) {
        return null;
      }
    }
    List<SourceRecord> batch = new ArrayList<>(due);
    long now = System.currentTimeMillis();
    for (int i = 0; i < due; i++) {
      long sequence = nextSequence++;
      batch.add(
          records.record(
              generator.event(sequence, now), partition, Map.of(SEQUENCE_KEY, nextSequence)));
    }
    pacer.emitted(due);
    return batch;
  }

  @Override
  public void close() {}
}
