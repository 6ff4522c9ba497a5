package dev.pageevents.pipeline.demo;

import dev.pageevents.stack.process.Ports;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the demo command the way {@code ./demo} does, on a free REST port (never 8083, other workers
 * use it) with the built plugins, and keeps what it printed; the output also goes to the console,
 * so the build log shows it.
 */
record DemoRun(int exitCode, String printed) {
  static DemoRun of(String... options) {
    List<String> argv = new ArrayList<>(List.of(options));
    argv.addAll(
        List.of(
            "--connect-port",
            Integer.toString(Ports.free()),
            "--plugin-path",
            System.getProperty("plugins.dir")));
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(new Tee(buffer), true, StandardCharsets.UTF_8);
    int code = Demo.main(argv.toArray(String[]::new), out);
    return new DemoRun(code, buffer.toString(StandardCharsets.UTF_8));
  }

  /** Writes to the buffer and to the console. */
  private static final class Tee extends OutputStream {
    private final ByteArrayOutputStream buffer;

    Tee(ByteArrayOutputStream buffer) {
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
}
