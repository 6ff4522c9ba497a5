package dev.pageevents.stack;

import dev.pageevents.stack.process.ForkedProcess;
import dev.pageevents.stack.process.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A server running as one forked process, with every fault control. */
abstract class ForkedServer implements StoreServer {
  protected final String name;
  protected final Path dir;
  private ForkedProcess process;
  private boolean prepared;
  private boolean fullJit;

  protected ForkedServer(String name) {
    this.name = name;
    this.dir = Workspace.serverDir(name);
  }

  /** Writes config files into a fresh {@link #dir}; called once before the first start. */
  protected abstract void prepare();

  /** Writes a config file (relative to {@link #dir}); returns its path. */
  protected Path writeConfig(String relativePath, List<String> lines) {
    Path file = dir.resolve(relativePath);
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  /** Fails with a clear message when a port this server needs is taken. */
  protected abstract void checkPorts();

  /** The command that runs the server. */
  protected abstract List<String> command();

  /**
   * Runs the server's JVM with the whole JIT from its next start on, as a production server runs:
   * for benchmarks. Without it a JVM server compiles with C1 only ({@code
   * -XX:TieredStopAtLevel=1}), which starts faster for tests but costs about twice the CPU per
   * request once warm.
   */
  void fullJit() {
    this.fullJit = true;
  }

  /** The JIT flags for {@link #command()}: C1 only unless {@link #fullJit()} was called. */
  protected List<String> jitFlags() {
    return fullJit ? List.of() : List.of("-XX:TieredStopAtLevel=1");
  }

  /** Waits until clients can use the server. */
  protected abstract void awaitReady(ForkedProcess process);

  /** How long a graceful stop may take before kill -9. */
  protected Duration stopGrace() {
    return Duration.ofSeconds(30);
  }

  /** Forks the process without waiting for it to be ready (for nodes that start together). */
  synchronized ForkedProcess launch() {
    if (process != null && process.alive()) {
      return process;
    }
    if (!prepared) {
      Workspace.deleteTree(dir);
      Workspace.createDirectories(dir);
      prepare();
      prepared = true;
    }
    checkPorts();
    process = ForkedProcess.start(name, dir, command());
    return process;
  }

  /** The running process's id, or -1 when it is not running (for sampling its RSS). */
  public synchronized long pid() {
    return process != null && process.alive() ? process.pid() : -1;
  }

  /** The server's output ({@code server.log} in its directory), for tests that look for a line. */
  public Path log() {
    return ForkedProcess.logIn(dir);
  }

  /** Waits until the launched process serves clients. */
  void awaitReady() {
    awaitReady(process);
  }

  @Override
  public boolean external() {
    return false;
  }

  @Override
  public synchronized void start() {
    if (process != null && process.alive()) {
      return;
    }
    long started = System.nanoTime();
    launch();
    awaitReady(process);
    StackLog.started(name, endpoint(), started);
  }

  @Override
  public synchronized void stop() {
    if (process != null && process.alive()) {
      long stopping = System.nanoTime();
      process.stop(stopGrace());
      StackLog.stopped(name, stopping);
    }
  }

  @Override
  public synchronized void kill() {
    if (process != null) {
      process.kill();
    }
  }

  @Override
  public synchronized void pause() {
    running().signal("STOP");
  }

  @Override
  public synchronized void resume() {
    running().signal("CONT");
  }

  @Override
  public synchronized void close() {
    kill();
    Diagnostics.discard(name, dir);
    prepared = false;
  }

  private ForkedProcess running() {
    if (process == null || !process.alive()) {
      throw new IllegalStateException(name + " is not running");
    }
    return process;
  }

  @Override
  public String toString() {
    return name + " " + endpoint();
  }
}
