package dev.pageevents.pipeline.compare;

import dev.pageevents.configs.ConnectRestClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds one store's read model from the log through Connect's REST API only: sets {@code
 * offsets.reset=rebuild} when the connector's config says otherwise, stops the connector, waits
 * until it is STOPPED, resets every offset (the sink clears its store first), and resumes it, so
 * the sink replays the topic into an empty store. The same steps print as curl commands ({@code
 * compare}, on a mismatch) and run from Java.
 *
 * @param connector the sink connector's name
 * @param setMode whether its config must be patched to {@code offsets.reset=rebuild} first
 */
public record Rebuild(String connector, boolean setMode) {
  static final String OFFSETS_RESET = "offsets.reset";
  static final String REBUILD = "rebuild";

  /** The rebuild of the connector with this config. */
  public static Rebuild of(String connector, Map<String, String> config) {
    return new Rebuild(connector, !REBUILD.equalsIgnoreCase(config.get(OFFSETS_RESET)));
  }

  /** The steps as shell commands against the worker at {@code connectUrl}. */
  public List<String> commands(String connectUrl) {
    String base = connectUrl.replaceAll("/+$", "") + "/connectors/" + encoded();
    List<String> commands = new ArrayList<>();
    if (setMode) {
      commands.add(
          "curl -fsS -X PATCH -H 'Content-Type: application/json' -d '{\""
              + OFFSETS_RESET
              + "\":\""
              + REBUILD
              + "\"}' "
              + quoted(base + "/config"));
    }
    commands.add("curl -fsS -X PUT " + quoted(base + "/stop"));
    commands.add(
        "until curl -fsS "
            + quoted(base + "/status")
            + " | grep -q '\"state\":\"STOPPED\"'; do sleep 1; done");
    commands.add("curl -fsS -X DELETE " + quoted(base + "/offsets"));
    commands.add("curl -fsS -X PUT " + quoted(base + "/resume"));
    return commands;
  }

  /** Runs the steps; returns Connect's answer to the offsets reset. */
  public String run(ConnectRestClient rest, Duration timeout) {
    if (setMode) {
      rest.patchConfig(connector, Map.of(OFFSETS_RESET, REBUILD));
    }
    rest.stop(connector);
    rest.awaitStopped(connector, timeout);
    String answer = rest.resetOffsets(connector);
    rest.resume(connector);
    return answer;
  }

  /**
   * For every store with a mismatch, the commands that rebuild it, under a line naming the store
   * and its connector; empty when every store matches.
   *
   * @param connectorConfigs connector name to config: where each store's connector is found
   */
  public static String forMismatches(
      Comparison comparison, Map<String, Map<String, String>> connectorConfigs, String connectUrl) {
    StringBuilder out = new StringBuilder();
    connectorConfigs.forEach(
        (name, config) ->
            Store.of(config)
                .filter(store -> !comparison.mismatchesOf(store.title()).isEmpty())
                .ifPresent(
                    store -> {
                      out.append("To rebuild ")
                          .append(store.title())
                          .append(" from the topic (connector ")
                          .append(name)
                          .append("), run:\n");
                      Rebuild.of(name, config)
                          .commands(connectUrl)
                          .forEach(command -> out.append("  ").append(command).append('\n'));
                    }));
    return out.toString();
  }

  private String encoded() {
    return URLEncoder.encode(connector, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The text as one single-quoted shell word. */
  private static String quoted(String url) {
    return "'" + url.replace("'", "'\\''") + "'";
  }
}
