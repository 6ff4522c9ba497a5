package dev.pageevents.stack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where forked servers keep their data, logs and pid files: one directory per build module. */
public final class Workspace {
  /** System property naming the directory; defaults to {@code target/embedded-stack}. */
  public static final String DIR_PROPERTY = "pageevents.stack.dir";

  private Workspace() {}

  /** The workspace root, created on first use. */
  public static Path root() {
    String configured = System.getProperty(DIR_PROPERTY);
    Path root =
        configured != null
            ? Path.of(configured)
            : Path.of(System.getProperty("user.dir"), "target", "embedded-stack");
    return createDirectories(root.toAbsolutePath().normalize());
  }

  /** A server's own directory (data, config, log). */
  public static Path serverDir(String serverName) {
    return createDirectories(root().resolve(serverName));
  }

  /** The directory holding one pid file per running forked process. */
  public static Path pidDir() {
    return createDirectories(root().resolve("pids"));
  }

  /** Creates a directory and its parents, failing with a message that names it. */
  public static Path createDirectories(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot create "
              + dir
              + " (disk full or read-only?): free space or set -D"
              + DIR_PROPERTY,
          e);
    }
  }

  /** Deletes a directory tree; missing is fine. */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + dir, e);
    }
  }
}
