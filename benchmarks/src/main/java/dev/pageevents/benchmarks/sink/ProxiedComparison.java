package dev.pageevents.benchmarks.sink;

import dev.pageevents.stack.proxy.TcpProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Our sink with pipelined writes against inline writes ({@code pipelined.writes=false}), with a
 * {@link TcpProxy} between the worker and the store adding each one-way delay in turn: the case
 * pipelining is for (a store across a network), which loopback alone cannot show. Per delay the
 * runs go pipelined, inline, inline, pipelined, so a drift during the run favours neither mode.
 */
final class ProxiedComparison {
  /** The property listing the one-way delays in milliseconds, e.g. "0,1,5"; empty = no proxy. */
  static final String DELAYS_PROPERTY = "bench.proxy.delays";

  private static final List<Boolean> ORDER = List.of(true, false, false, true);

  /** One run: which sink, the one-way delay, pipelined or inline, and what it measured. */
  record Run(
      String sink,
      int events,
      long delayMs,
      boolean pipelined,
      double rate,
      double steadyRate,
      double load,
      String note) {}

  private final List<Long> delaysMs;
  private final SinkConfigs configs;
  private final ConnectRun connect;
  private final List<Run> runs = new ArrayList<>();
  private int count;

  ProxiedComparison(List<Long> delaysMs, SinkConfigs configs, ConnectRun connect) {
    this.delaysMs = delaysMs;
    this.configs = configs;
    this.connect = connect;
  }

  /** The delays named by {@link #DELAYS_PROPERTY}; empty when it is unset or blank. */
  static List<Long> delaysFromProperty() {
    String value = System.getProperty(DELAYS_PROPERTY, "").trim();
    if (value.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::trim).map(Long::valueOf).toList();
  }

  /** Every delay's four runs for one started (and warmed-up) target, over {@code topic}. */
  void run(SinkTarget target, String topic, int expected) throws Exception {
    try (TcpProxy proxy = TcpProxy.start(target.address())) {
      System.out.printf("   proxy 127.0.0.1:%d -> %s%n", proxy.port(), target.address());
      for (long delayMs : delaysMs) {
        proxy.delay(Duration.ofMillis(delayMs));
        for (boolean pipelined : ORDER) {
          Map<String, String> config = configs.ours(target, topic, 1, proxy.address());
          config.put("pipelined.writes", Boolean.toString(pipelined));
          runOnce(target, config, delayMs, pipelined, expected);
        }
      }
      // every connection the sink opened went through the proxy, else the delay was not applied
      System.out.printf(
          "   %d connections through the proxy, %d open%n",
          proxy.acceptedConnections(), proxy.openConnections());
    }
  }

  private void runOnce(
      SinkTarget target, Map<String, String> config, long delayMs, boolean pipelined, int expected)
      throws Exception {
    target.reset();
    String name = "bench-proxy-" + target.name() + "-" + (++count);
    ConnectRun.Result result = connect.run(name, config, config.get("topics"));
    long written = target.written();
    String note = Row.storeNote(written, expected);
    Run run =
        new Run(
            target.name(),
            expected,
            delayMs,
            pipelined,
            expected / result.seconds(),
            result.steadyRate(),
            ProcessStats.load1(),
            note);
    runs.add(run);
    System.out.printf(
        "   %d ms one way, %-9s %,9.0f events/s (%.1f s, steady %,.0f/s) load %.1f %s%n",
        delayMs,
        pipelined ? "pipelined" : "inline",
        run.rate(),
        result.seconds(),
        run.steadyRate(),
        run.load(),
        note);
  }

  List<Run> runs() {
    return runs;
  }
}
