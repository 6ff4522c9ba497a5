package dev.pageevents.source.ingest.file;

import dev.pageevents.core.event.FieldMapping;
import dev.pageevents.core.event.PageEvent;
import dev.pageevents.core.event.PageEventConverter;
import dev.pageevents.core.event.PageEventDataException;
import dev.pageevents.source.emit.EventSource;
import dev.pageevents.source.emit.Idle;
import dev.pageevents.source.emit.RecordFactory;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file mode of a task: tails the NDJSON files of a directory that hash to this task, one event
 * per line. The source offset of each record is (file name → byte position after its line), so a
 * restart resumes exactly after the last line written. A bad line fails the task, or with
 * errors.tolerance=all is logged and skipped or sent on to the bad lines topic.
 */
public final class FileIngestSource implements EventSource {
  public static final String FILE_KEY = "file";
  public static final String POSITION_KEY = "position";
  public static final String LINE_KEY = "line";
  public static final String ERROR_HEADER = "pageevent.error";

  private static final Logger LOG = LoggerFactory.getLogger(FileIngestSource.class);

  private final FileIngestSettings settings;
  private final RecordFactory records;
  private final PageEventConverter converter = new PageEventConverter(FieldMapping.defaults());
  private final OffsetStorageReader offsets;
  private final Idle idle;
  private final int taskIndex;
  private final int taskCount;
  private final Map<String, TailedFile> files = new TreeMap<>();
  private long nextScanMs;
  private boolean closed;

  public FileIngestSource(
      FileIngestSettings settings,
      RecordFactory records,
      OffsetStorageReader offsets,
      Idle idle,
      int taskIndex,
      int taskCount) {
    this.settings = settings;
    this.records = records;
    this.offsets = offsets;
    this.idle = idle;
    this.taskIndex = taskIndex;
    this.taskCount = taskCount;
  }

  @Override
  public synchronized List<SourceRecord> poll() throws InterruptedException {
    if (closed) {
      return null;
    }
    if (System.currentTimeMillis() >= nextScanMs) {
      scan();
      nextScanMs = System.currentTimeMillis() + settings.pollIntervalMs();
    }
    List<SourceRecord> batch = new ArrayList<>();
    for (TailedFile file : new ArrayList<>(files.values())) {
      readInto(batch, file);
      if (batch.size() >= settings.batchMax()) {
        break;
      }
    }
    if (batch.isEmpty()) {
      idle.await(settings.pollIntervalMs());
      return null;
    }
    return batch;
  }

  private void readInto(List<SourceRecord> batch, TailedFile file) {
    String name = file.path().getFileName().toString();
    List<TailedFile.Line> lines;
    try {
      lines = file.read(settings.batchMax() - batch.size());
    } catch (NoSuchFileException e) {
      LOG.warn("{} disappeared; forgetting it", file.path());
      file.close();
      files.remove(name);
      return;
    } catch (IOException e) {
      throw new ConnectException("Cannot read " + file.path() + ": " + e.getMessage(), e);
    }
    Map<String, String> partition = Map.of(FILE_KEY, name);
    for (TailedFile.Line line : lines) {
      if (line.text().isBlank()) {
        continue;
      }
      Map<String, Long> offset = Map.of(POSITION_KEY, line.endPosition(), LINE_KEY, line.number());
      String ref = "file " + name + " line " + line.number();
      try {
        PageEvent event = converter.convert(line.text(), ref, name + ":" + line.number());
        batch.add(records.record(event, partition, offset));
      } catch (PageEventDataException e) {
        badLine(batch, e, line, partition, offset);
      }
    }
  }

  private void badLine(
      List<SourceRecord> batch,
      PageEventDataException error,
      TailedFile.Line line,
      Map<String, String> partition,
      Map<String, Long> offset) {
    if (!settings.toleratesErrors()) {
      throw new ConnectException(
          error.getMessage()
              + ". Fix or remove the line, or set errors.tolerance=all to skip bad lines",
          error);
    }
    if (settings.badLinesTopic().isEmpty()) {
      LOG.warn("Skipping bad line: {}", error.getMessage());
      return;
    }
    LOG.warn("Sending bad line to {}: {}", settings.badLinesTopic(), error.getMessage());
    ConnectHeaders headers = new ConnectHeaders();
    headers.addString(ERROR_HEADER, error.getMessage());
    batch.add(
        new SourceRecord(
            partition,
            offset,
            settings.badLinesTopic(),
            null,
            Schema.STRING_SCHEMA,
            partition.get(FILE_KEY) + ":" + line.number(),
            Schema.STRING_SCHEMA,
            line.text(),
            null,
            headers));
  }

  private void scan() {
    try (DirectoryStream<Path> found =
        Files.newDirectoryStream(settings.directory(), settings.pattern())) {
      for (Path path : found) {
        String name = path.getFileName().toString();
        if (!files.containsKey(name) && Files.isRegularFile(path) && isMine(name)) {
          files.put(name, open(path, name));
        }
      }
    } catch (IOException e) {
      throw new ConnectException(
          "Cannot list file.directory " + settings.directory() + ": " + e.getMessage(), e);
    }
  }

  private boolean isMine(String name) {
    return Math.floorMod(name.hashCode(), taskCount) == taskIndex;
  }

  private TailedFile open(Path path, String name) {
    Map<String, Object> stored = offsets.offset(Map.of(FILE_KEY, name));
    long position = number(stored, POSITION_KEY);
    long line = number(stored, LINE_KEY);
    LOG.info("Tailing {} from byte {} (after line {})", path, position, line);
    return new TailedFile(path, position, line);
  }

  private static long number(Map<String, Object> offset, String key) {
    return offset != null && offset.get(key) instanceof Number n ? n.longValue() : 0L;
  }

  @Override
  public synchronized void close() {
    closed = true;
    files.values().forEach(TailedFile::close);
  }
}
