package dev.pageevents.configs;

import java.util.List;
import java.util.stream.Stream;

/**
 * A connector's state from {@code GET /connectors/<name>/status}: RUNNING, PAUSED, STOPPED, FAILED
 * or UNASSIGNED, with the trace of a failed connector (else null) and its tasks.
 */
public record ConnectorStatus(String name, String state, String trace, List<TaskStatus> tasks) {
  public static final String RUNNING = "RUNNING";
  public static final String FAILED = "FAILED";
  public static final String STOPPED = "STOPPED";

  public ConnectorStatus {
    tasks = List.copyOf(tasks);
  }

  /** A connector without a failure trace of its own. */
  public ConnectorStatus(String name, String state, List<TaskStatus> tasks) {
    this(name, state, null, tasks);
  }

  /** The connector and at least one task exist, and all of them are RUNNING. */
  public boolean running() {
    return RUNNING.equals(state)
        && !tasks.isEmpty()
        && tasks.stream().allMatch(t -> RUNNING.equals(t.state()));
  }

  /** The connector is STOPPED and has no tasks left: its offsets can be changed. */
  public boolean stopped() {
    return STOPPED.equals(state) && tasks.isEmpty();
  }

  /** The connector or one of its tasks FAILED (they stay so until restarted). */
  public boolean failed() {
    return FAILED.equals(state) || tasks.stream().anyMatch(t -> FAILED.equals(t.state()));
  }

  /** A multi-line report: the connector's and each task's state, with the traces of failures. */
  public String describe() {
    StringBuilder out = new StringBuilder(name).append(": connector ").append(state);
    if (trace != null) {
      out.append('\n').append(indent(trace));
    }
    if (tasks.isEmpty()) {
      out.append(", no tasks yet");
    }
    for (TaskStatus task : tasks) {
      out.append("\n  task ").append(task.id()).append(' ').append(task.state());
      if (task.workerId() != null) {
        out.append(" on ").append(task.workerId());
      }
      if (task.trace() != null) {
        out.append('\n').append(indent(task.trace()));
      }
    }
    return out.toString();
  }

  private static String indent(String text) {
    return String.join("\n", Stream.of(text.split("\n")).map(line -> "    " + line).toList());
  }
}
