package dev.pageevents.stack.process;

import java.util.Arrays;

/**
 * Entry point of every forked server JVM: halts the JVM as soon as the JVM that forked it is gone
 * (even after kill -9, when no shutdown hook runs), then runs the server's own main class.
 */
public final class ParentWatch {
  private ParentWatch() {}

  /** Usage: {@code ParentWatch <parent-pid> <main-class> [args...]}. */
  public static void main(String[] args) throws Exception {
    ProcessHandle parent =
        ProcessHandle.of(Long.parseLong(args[0]))
            .orElseThrow(() -> new IllegalStateException("Parent " + args[0] + " is gone"));
    parent.onExit().thenRun(() -> Runtime.getRuntime().halt(3));
    Class.forName(args[1])
        .getMethod("main", String[].class)
        .invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
  }
}
