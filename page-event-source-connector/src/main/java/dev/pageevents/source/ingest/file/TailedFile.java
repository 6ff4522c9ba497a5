package dev.pageevents.source.ingest.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An NDJSON file read from a byte position: returns only complete lines (ending in a newline), so a
 * line still being written is read once it is whole.
 */
final class TailedFile implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TailedFile.class);
  private static final int INITIAL_BUFFER = 64 * 1024;
  private static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

  /**
   * One complete line.
   *
   * @param number 1-based line number
   * @param endPosition byte position just after the line's newline
   */
  record Line(String text, long number, long endPosition) {}

  private final Path path;
  private FileChannel channel;
  private ByteBuffer buffer = ByteBuffer.allocate(INITIAL_BUFFER);
  private long position;
  private long lineNumber;

  /**
   * @param position where to continue; @param lineNumber lines already read before it
   */
  TailedFile(Path path, long position, long lineNumber) {
    this.path = path;
    this.position = position;
    this.lineNumber = lineNumber;
  }

  Path path() {
    return path;
  }

  /** Complete lines after the current position, at most {@code max}; empty when none are whole. */
  List<Line> read(int max) throws IOException {
    if (channel == null) {
      channel = FileChannel.open(path, StandardOpenOption.READ);
    }
    if (channel.size() < position) {
      LOG.warn(
          "{} shrank below position {}: it was truncated, reading it from the start",
          path,
          position);
      position = 0;
      lineNumber = 0;
    }
    List<Line> lines = new ArrayList<>();
    while (lines.size() < max && position < channel.size()) {
      buffer.clear();
      int read = channel.read(buffer, position);
      if (read <= 0) {
        break;
      }
      int consumed = splitLines(lines, max, read);
      if (consumed == 0) {
        if (read < buffer.capacity()) {
          break; // an incomplete last line: wait for its newline
        }
        growBuffer();
      }
    }
    return lines;
  }

  /** Adds the whole lines found in the buffer's first {@code read} bytes; returns bytes used. */
  private int splitLines(List<Line> lines, int max, int read) {
    byte[] bytes = buffer.array();
    int start = 0;
    for (int i = 0; i < read && lines.size() < max; i++) {
      if (bytes[i] == '\n') {
        int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
        String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
        lineNumber++;
        lines.add(new Line(text, lineNumber, position + i + 1));
        start = i + 1;
      }
    }
    position += start;
    return start;
  }

  private void growBuffer() throws IOException {
    if (buffer.capacity() >= MAX_LINE_BYTES) {
      throw new IOException(
          path + " line " + (lineNumber + 1) + " is longer than " + MAX_LINE_BYTES + " bytes");
    }
    buffer = ByteBuffer.allocate(buffer.capacity() * 2);
  }

  @Override
  public void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.warn("Closing {} failed", path, e);
      }
      channel = null;
    }
  }
}
