package dev.pageevents.configs;

import java.io.PrintStream;
import java.io.UncheckedIOException;
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
    } catch (UncheckedIOException | IllegalStateException e) {
      err.println(e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()));
      return 1;
    }
    ConnectRestClient rest = new ConnectRestClient(options.connectUrl());
    List<String> accepted = new ArrayList<>();
    boolean ok = true;
    for (Map.Entry<String, Map<String, String>> entry : configs.entrySet()) {
      try {
        boolean created = rest.put(entry.getKey(), entry.getValue());
        out.println((created ? "created " : "updated ") + entry.getKey());
        accepted.add(entry.getKey());
      } catch (ConnectRestException e) {
        // The worker refused this one (e.g. validate() found its store unreachable): report it,
        // register the others.
        err.println("rejected " + entry.getKey() + ": " + e.getMessage());
        ok = false;
      }
    }
    if (accepted.isEmpty()) {
      return 1;
    }
    out.println(
        "waiting up to "
            + options.timeout().toSeconds()
            + " s for "
            + accepted
            + " to be RUNNING at "
            + rest.baseUrl());
    try {
      rest.awaitRunning(accepted, options.timeout())
          .values()
          .forEach(s -> out.println("RUNNING " + s.name() + " (" + s.tasks().size() + " tasks)"));
    } catch (IllegalStateException | ConnectRestException e) {
      err.println(e.getMessage());
      ok = false;
    }
    return ok ? 0 : 1;
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
