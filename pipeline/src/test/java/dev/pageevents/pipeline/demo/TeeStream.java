package dev.pageevents.pipeline.demo;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/** Writes to a buffer and to the console, so the build log shows the demo's output too. */
final class TeeStream extends OutputStream {
  private final ByteArrayOutputStream buffer;

  TeeStream(ByteArrayOutputStream buffer) {
    this.buffer = buffer;
  }

  @Override
  public void write(int b) {
    buffer.write(b);
    System.out.write(b);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    buffer.write(bytes, offset, length);
    System.out.write(bytes, offset, length);
  }
}
