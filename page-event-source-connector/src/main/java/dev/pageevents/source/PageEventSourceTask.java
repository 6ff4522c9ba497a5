package dev.pageevents.source;

import dev.pageevents.core.Version;
import dev.pageevents.source.emit.EventSource;
import dev.pageevents.source.emit.Idle;
import dev.pageevents.source.emit.RecordFactory;
import dev.pageevents.source.generator.GeneratorSettings;
import dev.pageevents.source.generator.GeneratorSource;
import dev.pageevents.source.ingest.file.FileIngestSettings;
import dev.pageevents.source.ingest.file.FileIngestSource;
import dev.pageevents.source.ingest.http.HttpIngestSettings;
import dev.pageevents.source.ingest.http.HttpIngestSource;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/** A thin source task: builds the event source of the configured mode and hands its records on. */
public class PageEventSourceTask extends SourceTask {
  private final Idle idle = new Idle();
  private EventSource source;

  @Override
  public String version() {
    return Version.get();
  }

  @Override
  public void start(Map<String, String> props) {
    PageEventSourceConfig config = new PageEventSourceConfig(props);
    RecordFactory records =
        new RecordFactory(config.topic(), config.keyField(), config.eventFormat());
    source =
        switch (config.mode()) {
          case GENERATOR ->
              new GeneratorSource(
                  GeneratorSettings.from(config),
                  config.taskIndex(),
                  config.taskCount(),
                  records,
                  config.batchMaxRecords(),
                  context.offsetStorageReader(),
                  idle);
          case HTTP ->
              new HttpIngestSource(
                  HttpIngestSettings.from(config), records, config.batchMaxRecords());
          case FILE ->
              new FileIngestSource(
                  FileIngestSettings.from(
                      config, config.batchMaxRecords(), config.toleratesErrors()),
                  records,
                  context.offsetStorageReader(),
                  idle,
                  config.taskIndex(),
                  config.taskCount());
        };
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    return idle.isStopping() ? null : source.poll();
  }

  @Override
  public void commitRecord(SourceRecord record, RecordMetadata metadata) {
    source.commitRecord(record, metadata);
  }

  @Override
  public void stop() {
    idle.stop();
    if (source != null) {
      source.close();
    }
  }
}
