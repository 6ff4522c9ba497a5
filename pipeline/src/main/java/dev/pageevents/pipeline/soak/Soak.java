package dev.pageevents.pipeline.soak;

import dev.pageevents.pipeline.cli.Args;
import dev.pageevents.pipeline.compare.Comparison;
import dev.pageevents.pipeline.compare.ComparisonTable;
import dev.pageevents.pipeline.demo.Demo;
import dev.pageevents.pipeline.demo.DemoStack;
import dev.pageevents.pipeline.demo.Topics;
import dev.pageevents.pipeline.demo.WorkerMetrics;
import dev.pageevents.pipeline.progress.Progress;
import dev.pageevents.stack.KafkaConnectProcesses;
import dev.pageevents.stack.process.Ports;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The load test: the demo's stack with the source at a steady rate for N minutes and all five
 * sinks; every 10 s the worker's RSS ({@code /proc/<pid>/status} VmRSS) and each sink's lag; at the
 * end the RSS trend after warm-up (growth per minute) with a verdict, the lag verdict and the
 * cross-store comparison. Exit code 0 when RSS shows no growth trend, lag stayed bounded and every
 * store equals the topic.
 */
public final class Soak {
  static final String USAGE =
      """
      soak [--minutes 10] [--rate 300] [--sample-seconds 10] [--connect-port 0 (free)]
           [--plugin-path DIR] [--set <connector>.<key>=<value>]...""";

  /** A sink lagging more than this many seconds of the stream in the last third is unbounded. */
  private static final long LAG_LIMIT_SECONDS = 30;

  private final long minutes;
  private final long rate;
  private final long sampleSeconds;
  private final int connectPort;
  private final Path pluginPath;
  private final List<String> sets;
  private final PrintStream out;

  private Soak(Args args, PrintStream out) {
    this.minutes = args.number("--minutes", 10);
    this.rate = args.number("--rate", 300);
    this.sampleSeconds = args.number("--sample-seconds", 10);
    int port = (int) args.number("--connect-port", 0);
    this.connectPort = port == 0 ? Ports.free() : port;
    this.pluginPath =
        Path.of(
            args.get(
                "--plugin-path", System.getProperty("plugins.dir", "pipeline/target/plugins")));
    this.sets = args.sets();
    this.out = out;
  }

  /** Parses the arguments and runs the soak; returns the exit code. */
  public static int main(String[] argv, PrintStream out) {
    if (Args.helpAsked(argv, USAGE, out)) {
      return 0;
    }
    Args args =
        Args.parse(
            argv,
            Set.of("--minutes", "--rate", "--sample-seconds", "--connect-port", "--plugin-path"),
            Set.of());
    return new Soak(args, out).run();
  }

  int run() {
    long events = rate * 60 * minutes;
    out.printf(
        "Soak: %,d events at %,d/s (%d min), samples every %d s; starting the stack...%n",
        events, rate, minutes, sampleSeconds);
    try (DemoStack stack =
        DemoStack.start(
            KafkaConnectProcesses.builder().restPort(connectPort).pluginPath(pluginPath), out)) {
      List<String> withRate = new ArrayList<>(sets);
      withRate.add(Demo.SOURCE + ".events.per.second=" + rate);
      Demo demo =
          new Demo(new Demo.Options(events, false, connectPort, pluginPath, null, withRate), out);
      Map<String, Map<String, String>> configs = demo.configs(stack);
      String topic = configs.get(Demo.SOURCE).get(Demo.TOPIC_KEY);
      Topics.create(stack.bootstrapServers(), topic, configs.get(Demo.SOURCE));
      List<String> sinks = demo.register(stack.connectUrl(), configs);
      SoakReport report = sample(stack, topic, sinks, events);
      Comparison comparison = Demo.compare(stack, topic, configs);
      out.println();
      out.print(ComparisonTable.summary(comparison));
      out.println();
      printVerdicts(report, comparison);
      return report.rssFlat() && report.lagBounded() && comparison.matches() ? 0 : 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  /** Samples until the source wrote every event and every sink caught up. */
  private SoakReport sample(DemoStack stack, String topic, List<String> sinks, long events)
      throws InterruptedException {
    SoakReport report = new SoakReport(rate * LAG_LIMIT_SECONDS);
    long pid = stack.kafka().worker().pid();
    long start = System.nanoTime();
    long deadline = start + (minutes * 2 + 10) * 60_000_000_000L;
    long next = start;
    try (Progress progress = new Progress(stack.bootstrapServers(), topic, sinks)) {
      while (true) {
        Progress.Snapshot now = progress.snapshot();
        double minute = (System.nanoTime() - start) / 60e9;
        double rss = WorkerMetrics.rssKib(pid) / 1024.0;
        Map<String, Long> lag =
            now.sinks().values().stream()
                .collect(
                    Collectors.toMap(
                        Progress.SinkProgress::connector,
                        Progress.SinkProgress::lag,
                        (a, b) -> a,
                        java.util.LinkedHashMap::new));
        report.add(new SoakReport.Sample(minute, rss, lag));
        out.printf(
            "  %5.2f min  worker RSS %6.1f MiB  topic %,9d  lag %s%n",
            minute, rss, now.topicEnd(), lag);
        if (now.caughtUp(events)) {
          return report;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("The sinks did not catch up; last lag " + lag);
        }
        next += sampleSeconds * 1_000_000_000L;
        Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
      }
    }
  }

  private void printVerdicts(SoakReport report, Comparison comparison) {
    Trend trend = report.rssTrend();
    List<SoakReport.Sample> samples = report.samples();
    out.printf(
        "Worker RSS: first %.1f MiB, last %.1f MiB, mean after warm-up %.1f MiB over %d samples%n",
        samples.get(0).rssMib(),
        samples.get(samples.size() - 1).rssMib(),
        report.meanRssMib(),
        trend.points());
    out.printf(
        "RSS trend after the first %.0f%% of the run: %+.2f MiB/min (R² %.2f; flat below %+.2f"
            + " MiB/min) -> %s%n",
        SoakReport.WARM_UP_FRACTION * 100,
        trend.slope(),
        trend.r2(),
        SoakReport.FLAT_SHARE_PER_MINUTE * report.meanRssMib(),
        report.rssFlat() ? "NO GROWTH TREND" : "GROWING");
    out.printf(
        "Lag: max over the run %s; max over the last third %s (limit %,d = %d s of stream) -> %s%n",
        report.maxLag(),
        report.maxLagLastThird(),
        report.lagLimit(),
        LAG_LIMIT_SECONDS,
        report.lagBounded() ? "BOUNDED" : "UNBOUNDED");
    out.printf(
        "Stores: %s%n",
        comparison.matches()
            ? "every store equals the topic (" + comparison.events() + " events)"
            : comparison.mismatches().size() + " mismatches");
  }
}
