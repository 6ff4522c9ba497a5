package dev.pageevents.core.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pageevents.core.event.FieldMapping;
import dev.pageevents.core.event.PageEventConverter;
import dev.pageevents.core.sink.exact.StoreLostWritesException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code pipelined.writes=true}: batches written on a background thread, in order. */
@Timeout(30)
class PipelinedWritesTest {
  private static final String TOPIC = "page-events";
  private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
  private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
  private static final RetryPolicy RETRY = new RetryPolicy(2, 1, 1);

  private final FakeStoreWriter store = new FakeStoreWriter();
  private final FakeSinkTaskContext context = new FakeSinkTaskContext(true);
  private final WritePipeline pipeline = pipelined(true);

  /** A pipelined pipeline over {@link #store}, batches of 3, retries without waiting. */
  private WritePipeline pipelined(boolean tolerateAll) {
    return new WritePipeline(
        store,
        new PageEventConverter(FieldMapping.defaults()),
        new WritePipeline.Settings(3, RETRY, tolerateAll, false, true),
        context,
        SinkTaskMetrics.unregistered(),
        millis -> {});
  }

  @AfterEach
  void close() {
    pipeline.close();
  }

  private static List<SinkRecord> events(int partition, int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(
            i ->
                new SinkRecord(
                    TOPIC,
                    partition,
                    null,
                    null,
                    null,
                    "{\"eventId\":\"e%d-%d\",\"page\":\"/p\",\"user\":\"u\",\"timestamp\":1700000000000,\"durationMs\":10}"
                        .formatted(partition, i),
                    i))
        .toList();
  }

  private static Map<TopicPartition, OffsetAndMetadata> consumed(long p0, long p1) {
    return Map.of(P0, new OffsetAndMetadata(p0), P1, new OffsetAndMetadata(p1));
  }

  private void failNextBatchForGood() {
    for (int i = 0; i <= RETRY.maxRetries(); i++) {
      store.nextFailures.add(new FakeStoreWriter.TransientError());
    }
  }

  @Test
  void shouldReturnFromPutWhileTheBatchIsWrittenOnAnotherThreadAndCommitItOnceWritten() {
    store.gate = new CountDownLatch(1);

    pipeline.put(events(0, 0, 3));

    assertThat(store.storedIds).isEmpty();
    store.gate.countDown();
    assertThat(pipeline.preCommit(consumed(3, 0))).isEqualTo(Map.of(P0, new OffsetAndMetadata(3)));
    assertThat(store.storedIds).containsExactly("e0-0", "e0-1", "e0-2");
    assertThat(store.writingThread).isNotEqualTo(Thread.currentThread());
  }

  @Test
  void shouldWriteBatchesInTheOrderTheyWereReceived() {
    pipeline.put(events(0, 0, 5));
    pipeline.put(events(0, 5, 8));

    pipeline.awaitWrites(Set.of());

    assertThat(store.batchSizes).containsExactly(3, 2, 3);
    assertThat(store.storedIds)
        .containsExactly("e0-0", "e0-1", "e0-2", "e0-3", "e0-4", "e0-5", "e0-6", "e0-7");
  }

  @Test
  void shouldRewindToTheFirstUnwrittenOffsetsWhenABatchRunsOutOfRetries() {
    pipeline.put(events(0, 0, 3)); // written
    pipeline.awaitWrites(Set.of());
    failNextBatchForGood();
    pipeline.put(events(0, 3, 6)); // fails in the background

    pipeline.put(events(1, 0, 2)); // sees the failure: nothing of it is written

    assertThat(context.rewoundTo).containsExactly(Map.of(P0, 3L, P1, 0L));
    assertThat(context.timeoutMs).isNotNull();
    assertThat(pipeline.preCommit(consumed(6, 2))).isEqualTo(Map.of(P0, new OffsetAndMetadata(3)));
    assertThat(store.storedIds).containsExactly("e0-0", "e0-1", "e0-2");

    pipeline.put(events(0, 3, 6)); // Connect delivers again from the rewound offsets
    pipeline.put(events(1, 0, 2));

    assertThat(pipeline.preCommit(consumed(6, 2))).isEqualTo(consumed(6, 2));
    assertThat(store.storedIds).hasSize(8).doesNotHaveDuplicates();
  }

  @Test
  void shouldRewindToTheStoresOffsetsWhenABackgroundWriteFindsTheStoreLostWrites() {
    pipeline.put(events(0, 0, 6));
    pipeline.awaitWrites(Set.of());
    store.nextFailures.add(new StoreLostWritesException("lost 1-5", Map.of(P0, 1L)));
    pipeline.put(events(0, 6, 9)); // finds the loss in the background

    pipeline.put(events(1, 0, 2)); // sees it: nothing of it is written

    assertThat(context.rewoundTo).containsExactly(Map.of(P0, 1L, P1, 0L));
    assertThat(context.timeoutMs).as("no backoff: the store answers").isNull();
    assertThat(pipeline.preCommit(consumed(9, 2))).isEqualTo(Map.of(P0, new OffsetAndMetadata(1)));
    assertThat(store.storedIds).hasSize(6);
  }

  @Test
  void shouldNotRewindPartitionsThatWereRevoked() {
    failNextBatchForGood();
    pipeline.put(events(0, 0, 2));

    pipeline.closePartitions(List.of(P0));

    assertThat(context.rewoundTo).containsExactly(Map.of());
    assertThat(pipeline.preCommit(consumed(2, 0))).isEmpty();
  }

  @Test
  void shouldFailEveryLaterPutAndWriteNothingMoreAfterAFatalError() {
    store.nextFailures.add(new FakeStoreWriter.FatalError());
    pipeline.put(events(0, 0, 3));

    assertThatThrownBy(() -> pipeline.put(events(0, 3, 6)))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("authentication failed");
    assertThatThrownBy(() -> pipeline.put(events(0, 6, 9)))
        .hasMessageContaining("authentication failed");

    assertThat(store.storedIds).isEmpty();
    assertThat(store.attempts).isEqualTo(1);
  }

  @Test
  void shouldFailTheNextEmptyPutWhenTheLastBatchFailedForGood() {
    store.nextFailures.add(new FakeStoreWriter.FatalError());
    pipeline.put(events(0, 0, 2));

    assertThatThrownBy(() -> pipeline.put(List.of()))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("authentication failed");
  }

  @Test
  void shouldRewindAtTheNextEmptyPutWhenTheLastBatchRanOutOfRetries() {
    failNextBatchForGood();
    pipeline.put(events(0, 0, 2));

    pipeline.put(List.of());

    assertThat(context.rewoundTo).containsExactly(Map.of(P0, 0L));
  }

  @Test
  void shouldStopAtARejectedRecordUnderToleranceNoneAndWriteNothingAfterIt() {
    WritePipeline strict = pipelined(false);
    List<SinkRecord> poisoned =
        List.of(
            events(0, 0, 1).get(0),
            new SinkRecord(TOPIC, 0, null, null, null, poison(1), 1),
            events(0, 2, 3).get(0));
    try {
      strict.put(poisoned);

      assertThatThrownBy(() -> strict.put(events(0, 3, 6)))
          .isInstanceOf(ConnectException.class)
          .hasMessageContaining("offset 1 was rejected by the store");
      assertThat(store.storedIds).containsExactly("e0-0");
      assertThat(strict.preCommit(consumed(6, 0))).isEmpty();
    } finally {
      strict.close();
    }
  }

  private static String poison(int offset) {
    return "{\"eventId\":\"e0-%d\",\"page\":\"poison\",\"user\":\"u\",\"timestamp\":1700000000000,\"durationMs\":10}"
        .formatted(offset);
  }
}
