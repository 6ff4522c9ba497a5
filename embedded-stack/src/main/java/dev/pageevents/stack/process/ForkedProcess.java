package dev.pageevents.stack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server process forked by the stack. Its command line always contains its directory (the
 * marker {@link LeftoverCheck} looks for); a pid file records it so that the next run kills it if
 * this JVM died without its shutdown hook; the hook kills every live one at JVM exit.
 */
public final class ForkedProcess {
  private static final Logger LOG = LoggerFactory.getLogger(ForkedProcess.class);
  private static final Set<ForkedProcess> LIVE = ConcurrentHashMap.newKeySet();

  static {
    killLeftovers();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> LIVE.forEach(ForkedProcess::kill), "embedded-stack-process-reaper"));
  }

  private final String name;
  private final Path dir;
  private final Process process;
  private final Path pidFile;

  private ForkedProcess(String name, Path dir, Process process, Path pidFile) {
    this.name = name;
    this.dir = dir;
    this.process = process;
    this.pidFile = pidFile;
  }

  /** Starts {@code command} with its output appended to {@code dir/server.log}. */
  public static ForkedProcess start(String name, Path dir, List<String> command) {
    String marker = dir.toAbsolutePath().toString();
    if (command.stream().noneMatch(arg -> arg.contains(marker))) {
      throw new IllegalArgumentException("The command of " + name + " must mention " + marker);
    }
    Path pidFile = Workspace.pidDir().resolve(name + ".pid");
    killRecorded(pidFile);
    Path log = logIn(dir);
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      String record = process.pid() + " " + ProcessHandle.current().pid() + " " + marker;
      Files.writeString(pidFile, record, StandardCharsets.UTF_8);
      ForkedProcess forked = new ForkedProcess(name, dir, process, pidFile);
      LIVE.add(forked);
      LOG.info("Started {} (pid {}), log {}", name, process.pid(), log);
      return forked;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name + ": " + String.join(" ", command), e);
    }
  }

  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** "exit code N" (128+N: killed by signal N) once the process is gone. */
  public String exitDescription() {
    return process.isAlive() ? "still running" : "exit code " + process.exitValue();
  }

  /** Graceful stop: SIGTERM, then SIGKILL after {@code grace}. */
  public void stop(Duration grace) {
    signal("CONT");
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("{} did not stop within {}; killing it", name, grace);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    kill();
  }

  /** Waits for a short-lived command to finish; returns its exit code (kills it on timeout). */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill();
        throw new IllegalStateException(name + " did not finish within " + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for " + name, e);
    }
    kill(); // already exited: only forgets it and deletes the pid file
    return process.exitValue();
  }

  /** SIGKILL, waiting until the process is gone. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LIVE.remove(this);
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      LOG.warn("Cannot delete {}", pidFile, e);
    }
  }

  /** Sends a signal by name (STOP, CONT) to the process. */
  public void signal(String signal) {
    if (!process.isAlive()) {
      return;
    }
    try {
      int exit =
          new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
              .inheritIO()
              .start()
              .waitFor();
      if (exit != 0) {
        throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run kill -" + signal, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The server's log file (its output), named in failure messages. */
  public Path log() {
    return logIn(dir);
  }

  /** Where a process started in {@code dir} writes its output. */
  public static Path logIn(Path dir) {
    return dir.resolve("server.log");
  }

  /** The last lines of the server's log, for failure messages. */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log(), StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Kills processes recorded by pid files whose owning JVM is gone (a previous, crashed run). */
  private static void killLeftovers() {
    try (Stream<Path> files = Files.list(Workspace.pidDir())) {
      files.filter(f -> f.toString().endsWith(".pid")).forEach(ForkedProcess::killRecorded);
    } catch (IOException e) {
      LOG.warn("Cannot scan {} for leftover servers", Workspace.pidDir(), e);
    }
  }

  private static void killRecorded(Path pidFile) {
    if (!Files.exists(pidFile)) {
      return;
    }
    try {
      String[] record = Files.readString(pidFile, StandardCharsets.UTF_8).split(" ", 3);
      long owner = Long.parseLong(record[1]);
      if (owner != ProcessHandle.current().pid() && ProcessHandle.of(owner).isPresent()) {
        return; // another live JVM (a parallel fork) owns it
      }
      Optional<ProcessHandle> leftover = ProcessHandle.of(Long.parseLong(record[0]));
      if (leftover.isPresent() && LeftoverCheck.commandMentions(leftover.get(), record[2])) {
        LOG.warn("Killing leftover server {} (pid {}) from a previous run", pidFile, record[0]);
        leftover.get().destroyForcibly();
        leftover.get().onExit().get(30, TimeUnit.SECONDS);
      }
      Files.deleteIfExists(pidFile);
    } catch (Exception e) {
      LOG.warn("Cannot check leftover pid file {}", pidFile, e);
    }
  }
}
