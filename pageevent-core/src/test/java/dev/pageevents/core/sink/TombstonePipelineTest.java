package dev.pageevents.core.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.core.event.FieldMapping;
import dev.pageevents.core.event.PageEventConverter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class TombstonePipelineTest {
  private static final String TOPIC = "page-events";
  private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);

  /** A document store that records each batch it was given, as "upsert id" / "delete id". */
  static final class Documents implements DocumentStoreWriter {
    final List<List<String>> batches = new ArrayList<>();

    @Override
    public void write(List<PageEventRecord> batch) {
      batches.add(
          batch.stream().map(r -> (r.isDelete() ? "delete " : "upsert ") + r.id()).toList());
    }

    @Override
    public ErrorKind classify(Throwable error) {
      return ErrorKind.FATAL;
    }

    @Override
    public void close() {}
  }

  private final FakeSinkTaskContext context = new FakeSinkTaskContext(true);

  private WritePipeline pipeline(StoreWriter writer, boolean deleteOnNull) {
    return new WritePipeline(
        writer,
        new PageEventConverter(FieldMapping.defaults()),
        new WritePipeline.Settings(100, new RetryPolicy(0, 1, 1), true, deleteOnNull),
        context,
        SinkTaskMetrics.unregistered(),
        millis -> {});
  }

  private static SinkRecord event(int offset, String id) {
    String json =
        "{\"eventId\":\"%s\",\"page\":\"/p\",\"user\":\"u\",\"timestamp\":1700000000000,\"durationMs\":1}"
            .formatted(id);
    return new SinkRecord(TOPIC, 0, null, id, null, json, offset);
  }

  private static SinkRecord tombstone(int offset, Object key) {
    return new SinkRecord(TOPIC, 0, null, key, null, null, offset);
  }

  @Test
  void shouldTurnATombstoneIntoADeleteOfTheDocumentItsKeyNames() {
    Documents store = new Documents();
    WritePipeline pipeline = pipeline(store, true);

    pipeline.put(List.of(event(0, "a"), event(1, "b"), tombstone(2, "a")));

    assertThat(store.batches).containsExactly(List.of("upsert b", "delete a"));
    assertThat(context.reported).isEmpty();
    assertThat(pipeline.preCommit(Map.of(P0, new OffsetAndMetadata(3))))
        .containsEntry(P0, new OffsetAndMetadata(3));
  }

  @Test
  void shouldKeepOnlyTheLastOperationPerIdSoAnUnorderedBulkEndsWhereTheTopicEnds() {
    Documents store = new Documents();
    WritePipeline pipeline = pipeline(store, true);

    pipeline.put(
        List.of(
            event(0, "a"),
            tombstone(1, "a"),
            event(2, "b"),
            event(3, "a"),
            tombstone(4, "b"),
            event(5, "c"),
            event(6, "c")));

    assertThat(store.batches).containsExactly(List.of("upsert a", "delete b", "upsert c"));
  }

  @Test
  void shouldReportATombstoneWithoutAKeyNamingTheRecord() {
    Documents store = new Documents();
    WritePipeline pipeline = pipeline(store, true);

    pipeline.put(List.of(event(0, "a"), tombstone(1, null)));

    assertThat(store.batches).containsExactly(List.of("upsert a"));
    assertThat(context.reportedErrors)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .hasMessageContaining("topic page-events partition 0 offset 1")
                    .hasMessageContaining("has no key"));
  }

  @Test
  void shouldReportTombstonesAsBadRecordsWhenDeletesAreOff() {
    Documents store = new Documents();
    WritePipeline pipeline = pipeline(store, false);

    pipeline.put(List.of(event(0, "a"), tombstone(1, "a")));

    assertThat(store.batches).containsExactly(List.of("upsert a"));
    assertThat(context.reportedErrors)
        .singleElement()
        .satisfies(e -> assertThat(e).hasMessageContaining("delete.on.null.values=true"));
  }

  @Test
  void shouldReportTombstonesAsUnsupportedForASinkThatAggregatesEvenWhenDeletesAreOn() {
    FakeStoreWriter store = new FakeStoreWriter();
    WritePipeline pipeline = pipeline(store, true);

    pipeline.put(List.of(event(0, "a"), tombstone(1, "a"), event(2, "a")));

    assertThat(store.storedIds).containsExactly("a", "a");
    assertThat(context.reportedErrors)
        .singleElement()
        .satisfies(e -> assertThat(e).hasMessageContaining("does not support deletes"));
  }
}
