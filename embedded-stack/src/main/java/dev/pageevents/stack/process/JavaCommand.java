package dev.pageevents.stack.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line of a forked server JVM: its jars come from a classpath resource that the
 * build resolved with Maven ({@code src/servers}), plus this module's classes for {@link
 * ParentWatch} and our launchers.
 */
public final class JavaCommand {
  private final Path javaHome;
  private final List<String> jvmOptions = new ArrayList<>();
  private final String classpath;

  private JavaCommand(Path javaHome, String classpath) {
    this.javaHome = javaHome;
    this.classpath = classpath;
  }

  /**
   * A command on the JDK at {@code javaHome} running the jars listed in {@code <name>.classpath}.
   */
  public static JavaCommand of(Path javaHome, String classpathName) {
    return new JavaCommand(javaHome, classpath(classpathName));
  }

  /**
   * A command on the JDK at {@code javaHome} running the given jars ({@code File.pathSeparator}
   * separated), e.g. another version of a server resolved by the caller's build.
   */
  public static JavaCommand ofClasspath(Path javaHome, String classpath) {
    return new JavaCommand(javaHome, classpath);
  }

  /** Adds JVM options (heap, flags, system properties). */
  public JavaCommand jvm(String... options) {
    jvmOptions.addAll(List.of(options));
    return this;
  }

  /** The full command: marks the process with {@code serverDir} and watches this JVM. */
  public List<String> build(Path serverDir, String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin").resolve("java").toString());
    command.addAll(jvmOptions);
    command.add("-Dpageevents.stack.server=" + serverDir.toAbsolutePath());
    command.add("-cp");
    command.add(classpath + java.io.File.pathSeparator + ownLocation());
    command.add(ParentWatch.class.getName());
    command.add(Long.toString(ProcessHandle.current().pid()));
    command.add(mainClass);
    command.addAll(List.of(args));
    return command;
  }

  /** The resolved jars of one forked server, from the resource the build wrote. */
  static String classpath(String name) {
    String resource = "/dev/pageevents/stack/classpath/" + name + ".classpath";
    try (InputStream in = JavaCommand.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "Missing "
                + resource
                + ": build embedded-stack with Maven (mvn -pl embedded-stack -am install)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  private static String ownLocation() {
    try {
      return Path.of(ParentWatch.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the embedded-stack classes", e);
    }
  }
}
