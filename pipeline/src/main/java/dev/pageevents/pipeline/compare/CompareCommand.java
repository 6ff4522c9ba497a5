package dev.pageevents.pipeline.compare;

import dev.pageevents.configs.ConnectorConfigs;
import dev.pageevents.pipeline.cli.Args;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code compare}: reads the topic and every store of a running stack (read-only) and prints the
 * side-by-side table, and for each store that differs the commands that rebuild it from the topic;
 * exit code 0 when every store matches, 1 on any mismatch.
 */
public final class CompareCommand {
  static final String DEFAULT_CONNECT_URL = "http://localhost:8083";
  static final String USAGE =
      """
      compare --bootstrap-servers host:9092 [--topic page-events]
              [--configs connect-configs/connectors]   (default: the bundled copies)
              [--mongodb URI] [--cassandra host:port,..] [--elasticsearch URL]
              [--redis redis://host:port | host:port,..] [--neo4j bolt://host:port]
              [--set <connector>.<key>=<value>]...      (any other connector setting)
              [--rows N]                                (pages shown, default 30)
              [--connect-url http://host:8083]          (for the rebuild commands printed
                                                         on a mismatch, default %s)"""
          .formatted(DEFAULT_CONNECT_URL);

  private static final Map<String, Store> ENDPOINT_OPTIONS =
      Map.of(
          "--mongodb", Store.MONGODB,
          "--cassandra", Store.CASSANDRA,
          "--elasticsearch", Store.ELASTICSEARCH,
          "--redis", Store.REDIS,
          "--neo4j", Store.NEO4J);

  private CompareCommand() {}

  /** The store endpoint options ({@code --mongodb URI} ...), shared with the live command. */
  public static Set<String> endpointOptions() {
    return ENDPOINT_OPTIONS.keySet();
  }

  /** The stores given an endpoint on the command line. */
  public static Map<Store, String> endpoints(Args args) {
    Map<Store, String> endpoints = new EnumMap<>(Store.class);
    ENDPOINT_OPTIONS.forEach(
        (option, store) -> {
          if (args.get(option) != null) {
            endpoints.put(store, args.get(option));
          }
        });
    return endpoints;
  }

  /** {@code --configs DIR} (default: the bundled connector configs) with the --set overrides. */
  public static Map<String, Map<String, String>> configs(Args args) {
    String dir = args.get("--configs");
    return ConnectorConfigs.withOverrides(
        dir == null ? ConnectorConfigs.bundled() : ConnectorConfigs.load(Path.of(dir)),
        args.sets());
  }

  /** Runs the command; returns the exit code. */
  public static int main(String[] argv, PrintStream out) {
    if (Args.helpAsked(argv, USAGE, out)) {
      return 0;
    }
    Set<String> options = new HashSet<>(ENDPOINT_OPTIONS.keySet());
    options.addAll(
        Set.of("--bootstrap-servers", "--topic", "--configs", "--rows", "--connect-url"));
    Args args = Args.parse(argv, options, Set.of());
    String bootstrap = args.required("--bootstrap-servers", USAGE);
    Map<Store, String> endpoints = endpoints(args);
    Map<String, Map<String, String>> configs = configs(args);
    try (Compare compare =
        Compare.open(bootstrap, args.get("--topic", "page-events"), configs, endpoints)) {
      Comparison comparison = compare.run();
      out.print(ComparisonTable.render(comparison, (int) args.number("--rows", 30)));
      out.print(
          Rebuild.forMismatches(
              comparison, configs, args.get("--connect-url", DEFAULT_CONNECT_URL)));
      return comparison.matches() ? 0 : 1;
    }
  }
}
