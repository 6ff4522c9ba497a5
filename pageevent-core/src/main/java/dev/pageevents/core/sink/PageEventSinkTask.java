package dev.pageevents.core.sink;

import dev.pageevents.core.Version;
import dev.pageevents.core.config.PageEventSinkConfig;
import dev.pageevents.core.event.PageEventConverter;
import dev.pageevents.core.sink.exact.StoredOffsetSeek;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/**
 * A thin sink task: lifecycle and offsets only. It builds the store's writer once, at start, and
 * delegates every record to the shared {@link WritePipeline}.
 *
 * @param <C> the sink's config class
 */
public abstract class PageEventSinkTask<C extends PageEventSinkConfig> extends SinkTask {
  private final Function<Map<String, String>, C> parser;
  private WritePipeline pipeline;
  private StoreWriter writer;

  /**
   * @param parser parses the task's settings
   */
  protected PageEventSinkTask(Function<Map<String, String>, C> parser) {
    this.parser = parser;
  }

  /** Creates the store's client and writer; it is closed when the task stops. */
  protected abstract StoreWriter createWriter(C config);

  @Override
  public void start(Map<String, String> props) {
    C config = parser.apply(props);
    writer = createWriter(config);
    pipeline =
        new WritePipeline(
            writer,
            new PageEventConverter(config.fieldMapping()),
            WritePipeline.Settings.from(config),
            context,
            SinkTaskMetrics.register(config.connectorName(), config.taskId()));
  }

  /**
   * When the store keeps offsets with its data ({@link StoreWriter#offsetStore()}), resumes the
   * newly assigned partitions from there.
   */
  @Override
  public void open(Collection<TopicPartition> partitions) {
    writer
        .offsetStore()
        .ifPresent(
            store -> {
              pipeline.awaitWrites(Set.of());
              StoredOffsetSeek.seek(context, store, partitions);
            });
  }

  @Override
  public void put(Collection<SinkRecord> records) {
    pipeline.put(records);
  }

  @Override
  public Map<TopicPartition, OffsetAndMetadata> preCommit(
      Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
    return pipeline.preCommit(currentOffsets);
  }

  @Override
  public void close(Collection<TopicPartition> partitions) {
    pipeline.closePartitions(partitions);
  }

  @Override
  public void stop() {
    if (pipeline != null) {
      pipeline.close();
      pipeline = null;
      writer = null;
    }
  }

  @Override
  public String version() {
    return Version.get();
  }
}
