package dev.pageevents.benchmarks.e2e;

import dev.pageevents.benchmarks.sink.BenchEvents;
import dev.pageevents.configs.ConnectRestClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The page-event source connector in generator mode, from the sample config shipped in its archive:
 * started at a rate (the rate of the whole connector, split evenly over its tasks), stopped between
 * probes (its tasks shut down, so none resumes at the previous rate), resumed with the next rate;
 * it continues its sequence, so no event repeats.
 */
final class SourceControl {
  static final String NAME = "e2e-source";

  private final ConnectRestClient rest;
  private final Map<String, String> sample;
  private boolean created;

  SourceControl(ConnectRestClient rest, Map<String, String> sample) {
    this.rest = rest;
    this.sample = sample;
  }

  /**
   * The sample config writing to {@code topic}, with the sink benchmark's page names and user count
   * (so every store's content check applies), 2 tasks (the sample has one) and a simulated clock
   * from 2026-01-01T00:00Z, 1 ms per event (every event in one UTC day, like the sink benchmark's).
   */
  Map<String, String> config(String topic, double rate, long maxEvents) {
    Map<String, String> config = new LinkedHashMap<>(sample);
    config.put("topic", topic);
    config.put("tasks.max", "2");
    config.put("events.per.second", Double.toString(rate));
    config.put("max.events", Long.toString(maxEvents));
    config.put(
        "pages",
        IntStream.range(0, BenchEvents.PAGES)
            .mapToObj(BenchEvents::page)
            .collect(Collectors.joining(",")));
    config.put("users", Integer.toString(BenchEvents.USERS));
    config.put("start.time", "2026-01-01T00:00:00Z");
    config.put("time.step.ms", "1");
    return config;
  }

  /**
   * Sets the rate (0 = full speed) and the total of events (0 = no limit) and lets the source run
   * (a stopped connector starts its tasks anew).
   */
  void run(String topic, double rate, long maxEvents) throws Exception {
    rest.put(NAME, config(topic, rate, maxEvents));
    if (created) {
      rest.resume(NAME);
    }
    created = true;
  }

  void stop() throws Exception {
    rest.stop(NAME);
  }
}
