package dev.pageevents.stack;

import dev.pageevents.stack.process.JavaCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which Connect a forked worker runs and on which JDK: by default the build's server Kafka jars
 * ({@code kafka.servers.version}, the brokers' too) on the JDK of this JVM; {@link #of} another
 * version's jars (a classpath file its build resolved) on another JDK, for compatibility tests
 * against the workers users already run.
 */
public final class WorkerRuntime {
  static final WorkerRuntime BUILD = new WorkerRuntime(javaHomeOfThisJvm(), null);

  private final Path javaHome;
  private final String classpath;

  private WorkerRuntime(Path javaHome, String classpath) {
    this.javaHome = javaHome;
    this.classpath = classpath;
  }

  /**
   * The jars listed in {@code classpathFile} (one line, {@code File.pathSeparator} separated, as
   * {@code dependency:build-classpath} writes it) on the JDK at {@code javaHome}.
   */
  public static WorkerRuntime of(Path javaHome, Path classpathFile) {
    try {
      return new WorkerRuntime(
          javaHome, Files.readString(classpathFile, StandardCharsets.UTF_8).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the worker classpath " + classpathFile, e);
    }
  }

  JavaCommand command() {
    return classpath == null
        ? JavaCommand.of(javaHome, "kafka")
        : JavaCommand.ofClasspath(javaHome, classpath);
  }

  private static Path javaHomeOfThisJvm() {
    return Path.of(System.getProperty("java.home"));
  }
}
