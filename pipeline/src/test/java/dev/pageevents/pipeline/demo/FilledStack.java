package dev.pageevents.pipeline.demo;

import dev.pageevents.pipeline.compare.Compare;
import dev.pageevents.pipeline.compare.Comparison;
import dev.pageevents.pipeline.compare.Store;
import dev.pageevents.stack.process.Ports;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The demo's stack with all five stores filled: a Kafka broker and a Connect worker running the
 * plugin archives, the sinks registered through the REST API and caught up with the source
 * connector's events, once per test class ({@code @RegisterExtension static}). Shared by the
 * integration tests that then damage and compare the stores.
 */
final class FilledStack implements BeforeAllCallback, AfterAllCallback {
  private final long events;
  DemoStack stack;
  Demo demo;
  Map<String, Map<String, String>> configs;
  List<String> sinks;
  String topic;

  /** A stack that the source fills with {@code events} before the test class runs. */
  FilledStack(long events) {
    this.events = events;
  }

  /** Starts the stack and waits until every sink has written the source's events. */
  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    int port = Ports.free();
    Path plugins = Path.of(System.getProperty("plugins.dir"));
    stack = DemoStack.start(port, plugins, System.out);
    demo = new Demo(new Demo.Options(events, false, port, plugins, null, List.of()), System.out);
    configs = demo.configs(stack);
    topic = configs.get(Demo.SOURCE).get(Demo.TOPIC_KEY);
    Topics.create(stack.bootstrapServers(), topic, configs.get(Demo.SOURCE));
    sinks = demo.register(stack.connectUrl(), configs);
    awaitCatchUp();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (stack != null) {
      stack.close();
    }
  }

  /** Waits until every sink's committed offsets reach the topic's end again. */
  void awaitCatchUp() throws InterruptedException {
    demo.awaitCatchUp(stack, topic, sinks, configs);
  }

  /** Reads the topic and every store once, with the sinks' own connector configs. */
  Comparison compareNow() {
    try (Compare compare = Compare.open(stack.bootstrapServers(), topic, configs, Map.of())) {
      return compare.run();
    }
  }

  /** The topic's pages, most visited first. */
  List<String> pagesByVisits() {
    return compareNow().rows().stream()
        .sorted(Comparator.comparingLong((Comparison.Row r) -> r.kafka().visits()).reversed())
        .map(Comparison.Row::page)
        .toList();
  }

  /** The connector config of the sink that writes to {@code store}. */
  Map<String, String> configOf(Store store) {
    return configs.values().stream()
        .filter(c -> Store.of(c).orElse(null) == store)
        .findFirst()
        .orElseThrow();
  }
}
