package dev.pageevents.pipeline.live;

import dev.pageevents.pipeline.cli.Args;
import dev.pageevents.pipeline.compare.CompareCommand;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code live}: serves the live view of any running stack (read-only) on localhost until Ctrl-C;
 * the same store options as {@code compare}, plus where the Connect worker is.
 */
public final class LiveCommand {
  static final String USAGE =
      """
      live --bootstrap-servers host:9092 [--connect-url http://localhost:8083] [--port 8090]
           [--topic page-events] [--compare-seconds 10]
           [--configs connect-configs/connectors]   (default: the bundled copies)
           [--mongodb URI] [--cassandra host:port,..] [--elasticsearch URL]
           [--redis redis://host:port | host:port,..] [--neo4j bolt://host:port]
           [--set <connector>.<key>=<value>]...      (any other connector setting)""";

  private LiveCommand() {}

  /** Serves until the JVM stops; returns the exit code (2 when the port is taken). */
  public static int main(String[] argv, PrintStream out) {
    if (Args.helpAsked(argv, USAGE, out)) {
      return 0;
    }
    Set<String> options = new HashSet<>(CompareCommand.endpointOptions());
    options.addAll(
        Set.of(
            "--bootstrap-servers",
            "--connect-url",
            "--port",
            "--topic",
            "--configs",
            "--compare-seconds"));
    Args args = Args.parse(argv, options, Set.of());
    String bootstrap = args.required("--bootstrap-servers", USAGE);
    LiveTarget target =
        new LiveTarget(
            bootstrap,
            args.get("--topic", "page-events"),
            args.get("--connect-url", "http://localhost:8083"),
            CompareCommand.configs(args),
            CompareCommand.endpoints(args),
            Duration.ofSeconds(
                args.number("--compare-seconds", LiveTarget.DEFAULT_COMPARE_EVERY.toSeconds())));
    LiveServer server =
        LiveServer.start(target, (int) args.number("--port", LiveServer.DEFAULT_PORT));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "live-stop"));
    out.println("Live view: " + server.url() + "  (read-only; Ctrl-C stops)");
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
