package dev.pageevents.configs;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Command: PUTs connector configs to a Connect worker ({@code PUT /connectors/<name>/config}, so
 * running it again updates them) and waits until every connector and task is RUNNING; exit code 0
 * when they all run, 1 when one failed (its task's trace is printed) or did not start in time, 2
 * for a wrong command line.
 */
public final class RegisterConnectors {
  private RegisterConnectors() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    RegisterOptions options;
    Map<String, Map<String, String>> configs;
    try {
      options = RegisterOptions.parse(args);
      configs = select(options);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(RegisterOptions.USAGE);
      return 2;
    }
    ConnectRestClient rest = new ConnectRestClient(options.connectUrl());
    try {
      configs.forEach(
          (name, config) -> {
            boolean created = rest.put(name, config);
            out.println((created ? "created " : "updated ") + name);
          });
      out.println(
          "waiting up to "
              + options.timeout().toSeconds()
              + " s for "
              + configs.keySet()
              + " to be RUNNING at "
              + rest.baseUrl());
      rest.awaitRunning(configs.keySet(), options.timeout())
          .values()
          .forEach(s -> out.println("RUNNING " + s.name() + " (" + s.tasks().size() + " tasks)"));
      return 0;
    } catch (IllegalStateException | ConnectRestException e) {
      err.println(e.getMessage());
      return 1;
    }
  }

  /** The configs to register: loaded, with the --set overrides applied, narrowed to --only. */
  static Map<String, Map<String, String>> select(RegisterOptions options) {
    Map<String, Map<String, String>> all =
        ConnectorConfigs.withOverrides(
            options.dir() == null
                ? ConnectorConfigs.bundled()
                : ConnectorConfigs.load(options.dir()),
            options.overrides());
    if (options.only().isEmpty()) {
      return all;
    }
    List<String> unknown = new ArrayList<>(options.only());
    unknown.removeAll(all.keySet());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "--only names unknown connectors " + unknown + "; known: " + all.keySet());
    }
    Map<String, Map<String, String>> chosen = new TreeMap<>(all);
    chosen.keySet().retainAll(options.only());
    return chosen;
  }
}
