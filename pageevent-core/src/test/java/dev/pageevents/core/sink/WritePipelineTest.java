package dev.pageevents.core.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pageevents.core.event.FieldMapping;
import dev.pageevents.core.event.PageEventConverter;
import dev.pageevents.core.sink.exact.StoreLostWritesException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class WritePipelineTest {
  private static final String TOPIC = "page-events";
  private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
  private static final RetryPolicy RETRY = new RetryPolicy(3, 100, 1_000);

  private final FakeStoreWriter store = new FakeStoreWriter();
  private final List<Long> sleeps = new ArrayList<>();
  private final SinkTaskMetrics metrics = SinkTaskMetrics.unregistered();

  private WritePipeline pipeline(int batchSize, boolean tolerateAll, FakeSinkTaskContext context) {
    return new WritePipeline(
        store,
        new PageEventConverter(FieldMapping.defaults()),
        new WritePipeline.Settings(batchSize, RETRY, tolerateAll),
        context,
        metrics,
        sleeps::add);
  }

  private static SinkRecord event(int offset, String page) {
    String json =
        "{\"eventId\":\"e%d\",\"page\":\"%s\",\"user\":\"u\",\"timestamp\":1700000000000,\"durationMs\":10}"
            .formatted(offset, page);
    return new SinkRecord(TOPIC, 0, null, null, null, json, offset);
  }

  private static List<SinkRecord> events(int count) {
    return IntStream.range(0, count).mapToObj(i -> event(i, "/p" + i)).collect(Collectors.toList());
  }

  private static Map<TopicPartition, OffsetAndMetadata> consumedUpTo(long nextOffset) {
    return Map.of(P0, new OffsetAndMetadata(nextOffset));
  }

  @Test
  void shouldWriteInBatchesOfAtMostBatchSize() {
    WritePipeline pipeline = pipeline(4, false, new FakeSinkTaskContext(true));

    pipeline.put(events(10));

    assertThat(store.batchSizes).containsExactly(4, 4, 2);
    assertThat(store.storedIds).hasSize(10);
    assertThat(metrics.getRecordsWritten()).isEqualTo(10);
    assertThat(metrics.getBatchesWritten()).isEqualTo(3);
    assertThat(pipeline.preCommit(consumedUpTo(10))).isEqualTo(consumedUpTo(10));
  }

  @Test
  void shouldRetryTransientErrorsWithGrowingBackoffThenWrite() {
    store.nextFailures.add(new FakeStoreWriter.TransientError());
    store.nextFailures.add(new FakeStoreWriter.TransientError());
    WritePipeline pipeline = pipeline(100, false, new FakeSinkTaskContext(true));

    pipeline.put(events(5));

    assertThat(store.storedIds).hasSize(5);
    assertThat(sleeps).hasSize(2);
    assertThat(sleeps.get(0)).isBetween(50L, 100L);
    assertThat(sleeps.get(1)).isBetween(100L, 200L);
    assertThat(metrics.getRecordsRetried()).isEqualTo(10);
  }

  @Test
  void shouldHandTheBatchBackToConnectWhenRetriesRunOut() {
    for (int i = 0; i <= RETRY.maxRetries(); i++) {
      store.nextFailures.add(new FakeStoreWriter.TransientError());
    }
    FakeSinkTaskContext context = new FakeSinkTaskContext(true);
    WritePipeline pipeline = pipeline(100, false, context);

    assertThatThrownBy(() -> pipeline.put(events(5)))
        .isInstanceOf(RetriableException.class)
        .hasMessageContaining("after 3 retries");

    assertThat(store.attempts).isEqualTo(4);
    assertThat(sleeps).hasSize(3);
    assertThat(context.timeoutMs).isNotNull().isPositive();
    assertThat(pipeline.preCommit(consumedUpTo(5))).isEmpty();
  }

  @Test
  void shouldWriteEverythingButThePoisonRecordAndReportExactlyThatOne() {
    List<SinkRecord> records = events(20);
    records.set(13, event(13, "poison"));
    FakeSinkTaskContext context = new FakeSinkTaskContext(true);
    WritePipeline pipeline = pipeline(20, true, context);

    pipeline.put(records);

    assertThat(store.storedIds).hasSize(19).doesNotContain("e13");
    assertThat(context.reported).extracting(SinkRecord::kafkaOffset).containsExactly(13L);
    assertThat(context.reportedErrors.get(0)).isInstanceOf(FakeStoreWriter.PoisonError.class);
    assertThat(metrics.getRecordsSentToDlq()).isEqualTo(1);
    assertThat(pipeline.preCommit(consumedUpTo(20))).isEqualTo(consumedUpTo(20));
  }

  @Test
  void shouldReportExactlyTheItemsTheStoreRejectedWithoutBisecting() {
    FakeSinkTaskContext context = new FakeSinkTaskContext(true);
    WritePipeline pipeline = pipeline(100, true, context);
    List<SinkRecord> records = events(6);
    records.set(1, event(1, "rejected"));
    records.set(4, event(4, "rejected"));

    pipeline.put(records);

    assertThat(store.attempts).isEqualTo(1);
    assertThat(store.storedIds).containsExactly("e0", "e2", "e3", "e5");
    assertThat(context.reported).extracting(SinkRecord::kafkaOffset).containsExactly(1L, 4L);
    assertThat(context.reportedErrors.get(0)).hasMessageContaining("item 1 does not fit");
    assertThat(metrics.getRecordsWritten()).isEqualTo(4);
    assertThat(metrics.getRecordsSentToDlq()).isEqualTo(2);
    assertThat(pipeline.preCommit(consumedUpTo(6))).isEqualTo(consumedUpTo(6));
  }

  @Test
  void shouldReportUnconvertibleRecordsAndWriteTheRest() {
    List<SinkRecord> records = events(6);
    records.set(2, new SinkRecord(TOPIC, 0, null, null, null, "{not json", 2));
    FakeSinkTaskContext context = new FakeSinkTaskContext(true);
    WritePipeline pipeline = pipeline(100, true, context);

    pipeline.put(records);

    assertThat(store.storedIds).containsExactly("e0", "e1", "e3", "e4", "e5");
    assertThat(context.reported).extracting(SinkRecord::kafkaOffset).containsExactly(2L);
    assertThat(context.reportedErrors.get(0))
        .hasMessageContaining("topic page-events partition 0 offset 2")
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void shouldSkipBadRecordsWhenToleratedWithoutDeadLetterQueue() {
    List<SinkRecord> records = events(4);
    records.set(1, event(1, "poison"));
    WritePipeline pipeline = pipeline(100, true, new FakeSinkTaskContext(false));

    pipeline.put(records);

    assertThat(store.storedIds).containsExactly("e0", "e2", "e3");
    assertThat(metrics.getRecordsFailed()).isEqualTo(1);
    assertThat(pipeline.preCommit(consumedUpTo(4))).isEqualTo(consumedUpTo(4));
  }

  @Test
  void shouldStopOnTheFirstBadRecordNamingItWhenToleranceIsNone() {
    List<SinkRecord> records = events(8);
    records.set(5, new SinkRecord(TOPIC, 0, null, null, null, "{\"page\":\"/a\"}", 5));
    FakeSinkTaskContext context = new FakeSinkTaskContext(true);
    WritePipeline pipeline = pipeline(2, false, context);

    assertThatThrownBy(() -> pipeline.put(records))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("topic page-events partition 0 offset 5")
        .hasMessageContaining("field 'user' is missing")
        .hasMessageContaining("errors.tolerance=none");

    assertThat(store.storedIds).containsExactly("e0", "e1", "e2", "e3");
    assertThat(context.reported).isEmpty();
    assertThat(pipeline.preCommit(consumedUpTo(8))).isEqualTo(consumedUpTo(4));
  }

  @Test
  void shouldNotWriteRecordsAfterAPoisonRecordRejectedByTheStoreWhenToleranceIsNone() {
    List<SinkRecord> records = events(8);
    records.set(2, event(2, "poison"));
    WritePipeline pipeline = pipeline(8, false, new FakeSinkTaskContext(true));

    assertThatThrownBy(() -> pipeline.put(records))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("topic page-events partition 0 offset 2 was rejected by the store");

    assertThat(store.storedIds).containsExactly("e0", "e1");
  }

  @Test
  void shouldFailFastOnAFatalErrorWithoutRetrying() {
    store.nextFailures.add(new FakeStoreWriter.FatalError());
    WritePipeline pipeline = pipeline(100, true, new FakeSinkTaskContext(true));

    assertThatThrownBy(() -> pipeline.put(events(3)))
        .isInstanceOf(ConnectException.class)
        .isNotInstanceOf(RetriableException.class)
        .hasMessageContaining("retrying will not help")
        .hasMessageContaining("authentication failed");

    assertThat(store.attempts).isEqualTo(1);
    assertThat(sleeps).isEmpty();
    assertThat(pipeline.preCommit(consumedUpTo(3))).isEmpty();
  }

  @Test
  void shouldPrepareTheStoreOnceAtStart() {
    WritePipeline pipeline = pipeline(100, false, new FakeSinkTaskContext(true));
    assertThat(store.prepares).isEqualTo(1);

    pipeline.put(events(3));
    pipeline.put(events(3));

    assertThat(store.prepares).isEqualTo(1);
  }

  @Test
  void shouldStartWhileTheStoreIsUnreachableAndPrepareItAtTheFirstBatchWithRetries() {
    store.nextPrepareFailures.add(new FakeStoreWriter.TransientError());
    store.nextPrepareFailures.add(new FakeStoreWriter.TransientError());
    WritePipeline pipeline = pipeline(100, false, new FakeSinkTaskContext(true));
    assertThat(store.attempts).isZero();

    pipeline.put(events(5));

    assertThat(store.prepares).isEqualTo(3);
    assertThat(sleeps).hasSize(1);
    assertThat(store.storedIds).hasSize(5);
    assertThat(metrics.getRecordsRetried()).isEqualTo(5);
  }

  @Test
  void shouldFailAtStartWhenPreparingTheStoreFailsForGood() {
    store.nextPrepareFailures.add(new FakeStoreWriter.FatalError());

    assertThatThrownBy(() -> pipeline(100, false, new FakeSinkTaskContext(true)))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("retrying will not help")
        .hasMessageContaining("authentication failed");
  }

  @Test
  void shouldRewindToTheStoresOffsetsAndWriteNothingMoreWhenTheStoreLostWrites() {
    FakeSinkTaskContext context = new FakeSinkTaskContext(true);
    WritePipeline pipeline = pipeline(3, false, context);
    pipeline.put(events(6)); // acknowledged up to offset 5
    store.nextFailures.add(
        new StoreLostWritesException("the store lost offsets 2-5", Map.of(P0, 2L)));

    pipeline.put(IntStream.range(6, 12).mapToObj(i -> event(i, "/p")).toList());

    assertThat(context.rewoundTo).containsExactly(Map.of(P0, 2L));
    assertThat(metrics.getLostWriteRewinds()).isEqualTo(1);
    assertThat(store.storedIds).hasSize(6); // nothing of the second put: not before 2-5 again
    assertThat(pipeline.preCommit(consumedUpTo(12))).isEqualTo(consumedUpTo(2));
    assertThat(sleeps).isEmpty();

    pipeline.put(IntStream.range(2, 12).mapToObj(i -> event(i, "/p")).toList());

    assertThat(store.prepares)
        .as("prepared again: the store may have lost its set-up")
        .isEqualTo(2);
    assertThat(pipeline.preCommit(consumedUpTo(12))).isEqualTo(consumedUpTo(12));
  }

  @Test
  void shouldNeverCommitOffsetsOfRecordsNotYetWritten() {
    WritePipeline pipeline = pipeline(3, false, new FakeSinkTaskContext(true));

    pipeline.put(events(3)); // offsets 0..2 written
    for (int i = 0; i <= RETRY.maxRetries(); i++) {
      store.nextFailures.add(new FakeStoreWriter.TransientError());
    }
    List<SinkRecord> next = IntStream.range(3, 9).mapToObj(i -> event(i, "/p")).toList();
    assertThatThrownBy(() -> pipeline.put(next)).isInstanceOf(RetriableException.class);

    assertThat(pipeline.preCommit(consumedUpTo(9))).isEqualTo(consumedUpTo(3));
  }

  @Test
  void shouldCommitNoFurtherThanConnectHasConsumed() {
    WritePipeline pipeline = pipeline(100, false, new FakeSinkTaskContext(true));
    pipeline.put(events(10));

    assertThat(pipeline.preCommit(consumedUpTo(7))).isEqualTo(consumedUpTo(7));
  }

  @Test
  void shouldForgetRevokedPartitions() {
    WritePipeline pipeline = pipeline(100, false, new FakeSinkTaskContext(true));
    pipeline.put(events(10));

    pipeline.closePartitions(List.of(P0));

    assertThat(pipeline.preCommit(consumedUpTo(10))).isEmpty();
  }

  @Test
  void shouldCloseTheStoreWriter() {
    pipeline(100, false, new FakeSinkTaskContext(true)).close();
    assertThat(store.closed).isTrue();
  }
}
